// Golden output of kubectl describe (v1.34), following staging/src/k8s.io/kubectl/pkg/describe/describe.go:
// field order of describePod / describeNode / describeDeployment / describeReplicaSet / describeDaemonSet /
// describeService / describeNamespace, tabbedString's tabwriter (padding 2, column blocks), DescribeEvents.
// Each expected text was checked line by line against that source.
import { describe, expect, it } from "vitest";
import type { DaemonSet, EndpointSlice, Namespace } from "../../../sim/api/types";
import {
  describeDaemonSet,
  describeDeployment,
  describeNamespace,
  describeNode,
  describePod,
  describeReplicaSet,
  describeService,
} from ".";
import {
  MIN,
  SEC,
  container,
  deployment,
  event,
  node,
  pod,
  replicaSet,
  runningStatus,
  service,
  ts,
} from "../fixtures.test-util";

describe("kubectl describe", () => {
  it("a running pod with requests, a probe, tolerations and events", () => {
    const p = pod();
    p.spec.containers[0].resources = {
      requests: { cpu: "100m", memory: "128Mi" },
      limits: { memory: "256Mi" },
    };
    p.spec.containers[0].ports = [{ containerPort: 80, protocol: "TCP" }];
    p.spec.containers[0].readinessProbe = {
      httpGet: { path: "/", port: 80, scheme: "HTTP" },
      timeoutSeconds: 1,
      periodSeconds: 10,
      successThreshold: 1,
      failureThreshold: 3,
    };
    p.status!.qosClass = "Burstable";
    const evs = [
      event("Scheduled", "Successfully assigned default/web-7d4b9c8f5-x2x9k to worker-1", {
        component: "default-scheduler",
        first: 0,
      }),
      // The kubelet's events name the container (involvedObject.fieldPath); describe does not print it.
      event("Pulled", 'Container image "nginx:1.27" already present on machine', {
        first: 2 * SEC,
        host: "worker-1",
        fieldPath: "spec.containers{nginx}",
      }),
      event("BackOff", "Back-off restarting failed container nginx in pod web(uid)", {
        type: "Warning",
        first: 1 * MIN,
        last: 4 * MIN,
        count: 3,
      }),
    ];
    expect(describePod(p, evs, 5 * MIN)).toBe(`Name:             web-7d4b9c8f5-x2x9k
Namespace:        default
Priority:         0
Service Account:  default
Node:             worker-1/172.18.0.3
Start Time:       Thu, 01 Jan 2026 09:00:01 +0000
Labels:           app=web
                  pod-template-hash=7d4b9c8f5
Annotations:      <none>
Status:           Running
IP:               10.244.1.5
IPs:
  IP:           10.244.1.5
Controlled By:  ReplicaSet/web-7d4b9c8f5
Containers:
  nginx:
    Container ID:   containerd://4c3f0c0b9b2a
    Image:          nginx:1.27
    Image ID:       docker.io/library/nginx@sha256:6784fb0834aa7dbbe12e3d7471e69c290df3e6ba810dc38b34ae33d3c1c05f7d
    Port:           80/TCP
    Host Port:      0/TCP
    State:          Running
      Started:      Thu, 01 Jan 2026 09:00:03 +0000
    Ready:          True
    Restart Count:  0
    Limits:
      memory:  256Mi
    Requests:
      cpu:        100m
      memory:     128Mi
    Readiness:    http-get http://:80/ delay=0s timeout=1s period=10s #success=1 #failure=3
    Environment:  <none>
    Mounts:       <none>
Conditions:
  Type                        Status
  PodReadyToStartContainers   True 
  Initialized                 True 
  Ready                       True 
  ContainersReady             True 
  PodScheduled                True 
Volumes:                      <none>
QoS Class:                    Burstable
Node-Selectors:               <none>
Tolerations:                  node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                              node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
Events:
  Type     Reason     Age               From               Message
  ----     ------     ----              ----               -------
  Normal   Scheduled  5m                default-scheduler  Successfully assigned default/web-7d4b9c8f5-x2x9k to worker-1
  Normal   Pulled     4m58s             kubelet            Container image "nginx:1.27" already present on machine
  Warning  BackOff    60s (x3 over 4m)  kubelet            Back-off restarting failed container nginx in pod web(uid)
`);
  });

  it("a crash-looping container shows Waiting, Last State and no events", () => {
    const p = pod({ containers: [container("app", "busybox:1.36", { command: ["sh", "-c", "exit 1"] })] });
    p.status!.phase = "Running";
    p.status!.containerStatuses = [
      runningStatus("app", 0, {
        ready: false,
        restartCount: 4,
        state: { waiting: { reason: "CrashLoopBackOff" } },
        lastState: {
          terminated: { exitCode: 1, reason: "Error", startedAt: ts(2 * MIN), finishedAt: ts(2 * MIN + SEC) },
        },
      }),
    ];
    p.status!.conditions = [{ type: "Ready", status: "False" }];
    expect(describePod(p, [], 5 * MIN)).toBe(`Name:             web-7d4b9c8f5-x2x9k
Namespace:        default
Priority:         0
Service Account:  default
Node:             worker-1/172.18.0.3
Start Time:       Thu, 01 Jan 2026 09:00:01 +0000
Labels:           app=web
                  pod-template-hash=7d4b9c8f5
Annotations:      <none>
Status:           Running
IP:               10.244.1.5
IPs:
  IP:           10.244.1.5
Controlled By:  ReplicaSet/web-7d4b9c8f5
Containers:
  app:
    Container ID:  containerd://4c3f0c0b9b2a
    Image:         busybox:1.36
    Image ID:      docker.io/library/nginx@sha256:6784fb0834aa7dbbe12e3d7471e69c290df3e6ba810dc38b34ae33d3c1c05f7d
    Port:          <none>
    Host Port:     <none>
    Command:
      sh
      -c
      exit 1
    State:          Waiting
      Reason:       CrashLoopBackOff
    Last State:     Terminated
      Reason:       Error
      Exit Code:    1
      Started:      Thu, 01 Jan 2026 09:02:00 +0000
      Finished:     Thu, 01 Jan 2026 09:02:01 +0000
    Ready:          False
    Restart Count:  4
    Environment:    <none>
    Mounts:         <none>
Conditions:
  Type           Status
  Ready          False 
Volumes:         <none>
QoS Class:       BestEffort
Node-Selectors:  <none>
Tolerations:     node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                 node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
Events:          <none>
`);
  });

  it("a terminating pod", () => {
    const p = pod();
    p.metadata.deletionTimestamp = ts(4 * MIN + 50 * SEC);
    p.metadata.deletionGracePeriodSeconds = 30;
    p.status!.conditions = undefined;
    expect(describePod(p, undefined, 5 * MIN)).toBe(`Name:                      web-7d4b9c8f5-x2x9k
Namespace:                 default
Priority:                  0
Service Account:           default
Node:                      worker-1/172.18.0.3
Start Time:                Thu, 01 Jan 2026 09:00:01 +0000
Labels:                    app=web
                           pod-template-hash=7d4b9c8f5
Annotations:               <none>
Status:                    Terminating (lasts 10s)
Termination Grace Period:  30s
IP:                        10.244.1.5
IPs:
  IP:           10.244.1.5
Controlled By:  ReplicaSet/web-7d4b9c8f5
Containers:
  nginx:
    Container ID:   containerd://4c3f0c0b9b2a
    Image:          nginx:1.27
    Image ID:       docker.io/library/nginx@sha256:6784fb0834aa7dbbe12e3d7471e69c290df3e6ba810dc38b34ae33d3c1c05f7d
    Port:           <none>
    Host Port:      <none>
    State:          Running
      Started:      Thu, 01 Jan 2026 09:00:03 +0000
    Ready:          True
    Restart Count:  0
    Environment:    <none>
    Mounts:         <none>
Volumes:            <none>
QoS Class:          BestEffort
Node-Selectors:     <none>
Tolerations:        node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                    node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
`);
  });

  it("a node with a pod, a lease and taints", () => {
    const n = node("worker-2", 0, "Unknown");
    n.spec.taints = [
      { key: "node.kubernetes.io/unreachable", effect: "NoSchedule", timeAdded: ts(MIN) },
      { key: "node.kubernetes.io/unreachable", effect: "NoExecute", timeAdded: ts(MIN) },
    ];
    n.spec.unschedulable = true;
    const p = pod({ node: "worker-2" });
    p.spec.containers[0].resources = {
      requests: { cpu: "250m", memory: "64Mi" },
      limits: { cpu: "500m", memory: "128Mi" },
    };
    const lease = {
      apiVersion: "coordination.k8s.io/v1" as const,
      kind: "Lease" as const,
      metadata: { name: "worker-2", namespace: "kube-node-lease" },
      spec: { holderIdentity: "worker-2", leaseDurationSeconds: 40, renewTime: ts(4 * MIN) },
    };
    const evs = [
      event("NodeNotReady", "Node worker-2 status is now: NodeNotReady", {
        kind: "Node",
        name: "worker-2",
        component: "node-controller",
        first: 4 * MIN + 50 * SEC,
      }),
    ];
    expect(describeNode(n, { pods: [p], lease, events: evs }, 5 * MIN)).toBe(`Name:               worker-2
Roles:              <none>
Labels:             beta.kubernetes.io/arch=amd64
                    beta.kubernetes.io/os=linux
                    kubernetes.io/arch=amd64
                    kubernetes.io/hostname=worker-2
                    kubernetes.io/os=linux
Annotations:        node.alpha.kubernetes.io/ttl: 0
                    volumes.kubernetes.io/controller-managed-attach-detach: true
CreationTimestamp:  Thu, 01 Jan 2026 09:00:00 +0000
Taints:             node.kubernetes.io/unreachable:NoExecute
                    node.kubernetes.io/unreachable:NoSchedule
Unschedulable:      true
Lease:
  HolderIdentity:  worker-2
  AcquireTime:     <unset>
  RenewTime:       Thu, 01 Jan 2026 09:04:00 +0000
Conditions:
  Type             Status    LastHeartbeatTime                 LastTransitionTime                Reason                       Message
  ----             ------    -----------------                 ------------------                ------                       -------
  MemoryPressure   False     Thu, 01 Jan 2026 09:10:00 +0000   Thu, 01 Jan 2026 09:00:00 +0000   KubeletHasSufficientMemory   kubelet has sufficient memory available
  DiskPressure     False     Thu, 01 Jan 2026 09:10:00 +0000   Thu, 01 Jan 2026 09:00:00 +0000   KubeletHasNoDiskPressure     kubelet has no disk pressure
  PIDPressure      False     Thu, 01 Jan 2026 09:10:00 +0000   Thu, 01 Jan 2026 09:00:00 +0000   KubeletHasSufficientPID      kubelet has sufficient PID available
  Ready            Unknown   Thu, 01 Jan 2026 09:10:00 +0000   Thu, 01 Jan 2026 09:00:20 +0000   NodeStatusUnknown            Kubelet stopped posting node status.
Addresses:
  InternalIP:  172.18.0.3
  Hostname:    worker-2
Capacity:
  cpu:                4
  ephemeral-storage:  102625208Ki
  memory:             8148324Ki
  pods:               110
Allocatable:
  cpu:                4
  ephemeral-storage:  102625208Ki
  memory:             8148324Ki
  pods:               110
System Info:
  Machine ID:                 2f6c3e8b0c4f4a7d8c2b6b6f0a1e9d3c
  System UUID:                2f6c3e8b-0c4f-4a7d-8c2b-6b6f0a1e9d3c
  Boot ID:                    6a2d7f1e-8c3b-4e0a-9d5f-1b2c3d4e5f60
  Kernel Version:             6.8.0-45-generic
  OS Image:                   Debian GNU/Linux 12 (bookworm)
  Operating System:           linux
  Architecture:               amd64
  Container Runtime Version:  containerd://2.1.3
  Kubelet Version:            v1.34.0
PodCIDR:                      10.244.1.0/24
PodCIDRs:                     10.244.1.0/24
ProviderID:                   kind://docker/kind/worker-2
Non-terminated Pods:          (1 in total)
  Namespace                   Name                   CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age
  ---------                   ----                   ------------  ----------  ---------------  -------------  ---
  default                     web-7d4b9c8f5-x2x9k    250m (6%)     500m (12%)  64Mi (0%)        128Mi (1%)     5m
Allocated resources:
  (Total limits may be over 100 percent, i.e., overcommitted.)
  Resource           Requests   Limits
  --------           --------   ------
  cpu                250m (6%)  500m (12%)
  memory             64Mi (0%)  128Mi (1%)
  ephemeral-storage  0 (0%)     0 (0%)
Events:
  Type    Reason        Age   From             Message
  ----    ------        ----  ----             -------
  Normal  NodeNotReady  10s   node-controller  Node worker-2 status is now: NodeNotReady
`);
  });

  it("a node without a lease", () => {
    const n = node("worker-3");
    expect(describeNode(n, { pods: [], lease: null }, 5 * MIN)).toBe(`Name:               worker-3
Roles:              <none>
Labels:             beta.kubernetes.io/arch=amd64
                    beta.kubernetes.io/os=linux
                    kubernetes.io/arch=amd64
                    kubernetes.io/hostname=worker-3
                    kubernetes.io/os=linux
Annotations:        node.alpha.kubernetes.io/ttl: 0
                    volumes.kubernetes.io/controller-managed-attach-detach: true
CreationTimestamp:  Thu, 01 Jan 2026 09:00:00 +0000
Taints:             <none>
Unschedulable:      false
Lease:              Failed to get lease: leases.coordination.k8s.io "worker-3" not found
Conditions:
  Type             Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message
  ----             ------  -----------------                 ------------------                ------                       -------
  MemoryPressure   False   Thu, 01 Jan 2026 09:10:00 +0000   Thu, 01 Jan 2026 09:00:00 +0000   KubeletHasSufficientMemory   kubelet has sufficient memory available
  DiskPressure     False   Thu, 01 Jan 2026 09:10:00 +0000   Thu, 01 Jan 2026 09:00:00 +0000   KubeletHasNoDiskPressure     kubelet has no disk pressure
  PIDPressure      False   Thu, 01 Jan 2026 09:10:00 +0000   Thu, 01 Jan 2026 09:00:00 +0000   KubeletHasSufficientPID      kubelet has sufficient PID available
  Ready            True    Thu, 01 Jan 2026 09:10:00 +0000   Thu, 01 Jan 2026 09:00:20 +0000   KubeletReady                 kubelet is posting ready status
Addresses:
  InternalIP:  172.18.0.3
  Hostname:    worker-3
Capacity:
  cpu:                4
  ephemeral-storage:  102625208Ki
  memory:             8148324Ki
  pods:               110
Allocatable:
  cpu:                4
  ephemeral-storage:  102625208Ki
  memory:             8148324Ki
  pods:               110
System Info:
  Machine ID:                 2f6c3e8b0c4f4a7d8c2b6b6f0a1e9d3c
  System UUID:                2f6c3e8b-0c4f-4a7d-8c2b-6b6f0a1e9d3c
  Boot ID:                    6a2d7f1e-8c3b-4e0a-9d5f-1b2c3d4e5f60
  Kernel Version:             6.8.0-45-generic
  OS Image:                   Debian GNU/Linux 12 (bookworm)
  Operating System:           linux
  Architecture:               amd64
  Container Runtime Version:  containerd://2.1.3
  Kubelet Version:            v1.34.0
PodCIDR:                      10.244.1.0/24
PodCIDRs:                     10.244.1.0/24
ProviderID:                   kind://docker/kind/worker-3
Non-terminated Pods:          (0 in total)
  Namespace                   Name    CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age
  ---------                   ----    ------------  ----------  ---------------  -------------  ---
Allocated resources:
  (Total limits may be over 100 percent, i.e., overcommitted.)
  Resource           Requests  Limits
  --------           --------  ------
  cpu                0 (0%)    0 (0%)
  memory             0 (0%)    0 (0%)
  ephemeral-storage  0 (0%)    0 (0%)
`);
  });

  it("a deployment with its new replica set", () => {
    const evs = [
      event("ScalingReplicaSet", "Scaled up replica set web-7d4b9c8f5 from 0 to 3", {
        kind: "Deployment",
        name: "web",
        component: "deployment-controller",
      }),
    ];
    expect(
      describeDeployment(
        deployment(),
        { oldReplicaSets: [], newReplicaSet: replicaSet(), events: evs },
        5 * MIN,
      ),
    ).toBe(`Name:                   web
Namespace:              default
CreationTimestamp:      Thu, 01 Jan 2026 09:00:00 +0000
Labels:                 app=web
Annotations:            deployment.kubernetes.io/revision: 1
Selector:               app=web
Replicas:               3 desired | 3 updated | 3 total | 3 available | 0 unavailable
StrategyType:           RollingUpdate
MinReadySeconds:        0
RollingUpdateStrategy:  25% max unavailable, 25% max surge
Pod Template:
  Labels:  app=web
  Containers:
   nginx:
    Image:         nginx:1.27
    Port:          <none>
    Host Port:     <none>
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Conditions:
  Type           Status  Reason
  ----           ------  ------
  Available      True    MinimumReplicasAvailable
  Progressing    True    NewReplicaSetAvailable
OldReplicaSets:  <none>
NewReplicaSet:   web-7d4b9c8f5 (3/3 replicas created)
Events:
  Type    Reason             Age   From                   Message
  ----    ------             ----  ----                   -------
  Normal  ScalingReplicaSet  5m    deployment-controller  Scaled up replica set web-7d4b9c8f5 from 0 to 3
`);
  });

  it("a replica set counts the pods it controls", () => {
    const pending = pod({ name: "web-7d4b9c8f5-q8zvn", phase: "Pending" });
    pending.metadata.ownerReferences![0].uid = "rs-uid";
    const mine = pod();
    mine.metadata.ownerReferences![0].uid = "rs-uid";
    const other = pod({ name: "web-5c9f8d7b6-abcde" });
    expect(describeReplicaSet(replicaSet(), { pods: [mine, pending, other], events: [] }, 5 * MIN))
      .toBe(`Name:           web-7d4b9c8f5
Namespace:      default
Selector:       app=web,pod-template-hash=7d4b9c8f5
Labels:         app=web
                pod-template-hash=7d4b9c8f5
Annotations:    deployment.kubernetes.io/desired-replicas: 3
                deployment.kubernetes.io/max-replicas: 4
                deployment.kubernetes.io/revision: 1
Controlled By:  Deployment/web
Replicas:       3 current / 3 desired
Pods Status:    2 Running / 1 Waiting / 0 Succeeded / 0 Failed
Pod Template:
  Labels:  app=web
           pod-template-hash=7d4b9c8f5
  Containers:
   nginx:
    Image:         nginx:1.27
    Port:          <none>
    Host Port:     <none>
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Events:            <none>
`);
  });

  it("a daemon set", () => {
    const ds: DaemonSet = {
      apiVersion: "apps/v1",
      kind: "DaemonSet",
      metadata: {
        name: "kube-proxy",
        namespace: "kube-system",
        uid: "ds-uid",
        creationTimestamp: ts(0),
        labels: { "k8s-app": "kube-proxy" },
        annotations: { "deprecated.daemonset.template.generation": "1" },
      },
      spec: {
        selector: { matchLabels: { "k8s-app": "kube-proxy" } },
        template: {
          metadata: { labels: { "k8s-app": "kube-proxy" } },
          spec: {
            containers: [
              container("kube-proxy", "registry.k8s.io/kube-proxy:v1.34.0", {
                command: ["/usr/local/bin/kube-proxy", "--config=/var/lib/kube-proxy/config.conf"],
              }),
            ],
            nodeSelector: { "kubernetes.io/os": "linux" },
            serviceAccountName: "kube-proxy",
            tolerations: [{ operator: "Exists" }],
          },
        },
      },
      status: {
        currentNumberScheduled: 2,
        numberMisscheduled: 0,
        desiredNumberScheduled: 2,
        numberReady: 2,
        updatedNumberScheduled: 2,
        numberAvailable: 2,
      },
    };
    const a = pod({ name: "kube-proxy-x7k2p", namespace: "kube-system" });
    a.metadata.ownerReferences = [
      { apiVersion: "apps/v1", kind: "DaemonSet", name: "kube-proxy", uid: "ds-uid", controller: true },
    ];
    expect(describeDaemonSet(ds, { pods: [a], events: [] }, 5 * MIN)).toBe(`Name:           kube-proxy
Namespace:      kube-system
Selector:       k8s-app=kube-proxy
Node-Selector:  kubernetes.io/os=linux
Labels:         k8s-app=kube-proxy
Annotations:    deprecated.daemonset.template.generation: 1
Desired Number of Nodes Scheduled: 2
Current Number of Nodes Scheduled: 2
Number of Nodes Scheduled with Up-to-date Pods: 2
Number of Nodes Scheduled with Available Pods: 2
Number of Nodes Misscheduled: 0
Pods Status:  1 Running / 0 Waiting / 0 Succeeded / 0 Failed
Pod Template:
  Labels:           k8s-app=kube-proxy
  Service Account:  kube-proxy
  Containers:
   kube-proxy:
    Image:      registry.k8s.io/kube-proxy:v1.34.0
    Port:       <none>
    Host Port:  <none>
    Command:
      /usr/local/bin/kube-proxy
      --config=/var/lib/kube-proxy/config.conf
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  kubernetes.io/os=linux
  Tolerations:     op=Exists
Events:            <none>
`);
  });

  it("a NodePort service with endpoints", () => {
    const svc = service("web", "NodePort");
    const eps: EndpointSlice = {
      apiVersion: "discovery.k8s.io/v1",
      kind: "EndpointSlice",
      metadata: { name: "web-x7k2p", namespace: "default", labels: { "kubernetes.io/service-name": "web" } },
      addressType: "IPv4",
      ports: [{ name: "", port: 80, protocol: "TCP" }],
      endpoints: [
        { addresses: ["10.244.1.5"], conditions: { ready: true } },
        { addresses: ["10.244.2.6"], conditions: { ready: true } },
        { addresses: ["10.244.3.7"], conditions: { ready: false } },
        { addresses: ["10.244.1.8"], conditions: { ready: true } },
        { addresses: ["10.244.2.9"], conditions: { ready: true } },
      ],
    };
    expect(describeService(svc, { endpointSlices: [eps], events: [] }, 5 * MIN))
      .toBe(`Name:                     web
Namespace:                default
Labels:                   app=web
Annotations:              <none>
Selector:                 app=web
Type:                     NodePort
IP Family Policy:         SingleStack
IP Families:              IPv4
IP:                       10.96.123.45
IPs:                      10.96.123.45
Port:                     <unset>  80/TCP
TargetPort:               80/TCP
NodePort:                 <unset>  31234/TCP
Endpoints:                10.244.1.5:80,10.244.2.6:80,10.244.1.8:80 + 1 more...
Session Affinity:         None
External Traffic Policy:  Cluster
Internal Traffic Policy:  Cluster
Events:                   <none>
`);
  });

  it("a namespace", () => {
    const ns: Namespace = {
      apiVersion: "v1",
      kind: "Namespace",
      metadata: { name: "default", labels: { "kubernetes.io/metadata.name": "default" } },
      status: { phase: "Active" },
    };
    expect(describeNamespace(ns)).toBe(`Name:         default
Labels:       kubernetes.io/metadata.name=default
Annotations:  <none>
Status:       Active

No resource quota.

No LimitRange resource.
`);
  });
});
