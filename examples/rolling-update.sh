# A new image rolls out one surge pod at a time (maxSurge 25 %, maxUnavailable 25 %); the old
# ReplicaSet is kept at 0 for rollback.
kubectl create deployment web --image=nginx:1.26 --replicas=4
kubectl rollout status deployment/web
kubectl set image deployment/web nginx=nginx:1.27
kubectl rollout status deployment/web
kubectl get replicasets
kubectl rollout history deployment/web
kubectl rollout undo deployment/web
kubectl rollout status deployment/web
kubectl get deployment web -o wide
