# Without kube-scheduler nothing binds new pods to nodes: they stay Pending with no events.
# Started again, it schedules them in its next cycle.
sim component stop kube-scheduler
kubectl create deployment web --image=nginx:1.27 --replicas=2
sleep 1m
kubectl get pods -o wide
sim component start kube-scheduler
sleep 10s
kubectl get pods -o wide
kubectl get events --field-selector reason=Scheduled
