# A container that exits at once: the kubelet restarts it immediately, then waits 10 s, 20 s,
# 40 s… (CrashLoopBackOff), and RESTARTS says when it last died.
kubectl run crash --image=busybox:1.36 -- sh -c "echo starting; exit 1"
sleep 5s
kubectl get pod crash
sleep 10s
kubectl get pod crash
sleep 1m
kubectl get pod crash
kubectl logs crash --previous
