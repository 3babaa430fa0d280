# A Deployment survives the loss of a worker node.
kubectl create deployment web --image=nginx:1.27 --replicas=3
sim settle
kubectl get pods -o wide
sim node stop worker-1
sleep 1m
kubectl get nodes
sleep 5m
kubectl get pods -o wide
sim time
