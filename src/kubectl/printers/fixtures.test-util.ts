/** Small builders for realistic objects used by the printer tests. Times are virtual ms. */
import { toTimestamp } from "../../sim/runtime";
import type {
  Container,
  ContainerStatus,
  Deployment,
  KubeEvent,
  Node,
  Pod,
  PodStatus,
  ReplicaSet,
  Service,
} from "../../sim/api/types";

export const SEC = 1000;
export const MIN = 60 * SEC;
export const HOUR = 60 * MIN;
export const ts = toTimestamp;

export function container(name = "nginx", image = "nginx:1.27", extra: Partial<Container> = {}): Container {
  return {
    name,
    image,
    imagePullPolicy: "IfNotPresent",
    terminationMessagePath: "/dev/termination-log",
    terminationMessagePolicy: "File",
    ...extra,
  };
}

export function runningStatus(
  name = "nginx",
  startedAt = 0,
  extra: Partial<ContainerStatus> = {},
): ContainerStatus {
  return {
    name,
    image: "docker.io/library/nginx:1.27",
    imageID:
      "docker.io/library/nginx@sha256:6784fb0834aa7dbbe12e3d7471e69c290df3e6ba810dc38b34ae33d3c1c05f7d",
    containerID: "containerd://4c3f0c0b9b2a",
    ready: true,
    started: true,
    restartCount: 0,
    state: { running: { startedAt: ts(startedAt) } },
    lastState: {},
    ...extra,
  };
}

export interface PodOpts {
  name?: string;
  namespace?: string;
  node?: string;
  created?: number;
  phase?: PodStatus["phase"];
  containers?: Container[];
  statuses?: ContainerStatus[];
  podIP?: string;
  labels?: Record<string, string>;
}

export function pod(o: PodOpts = {}): Pod {
  const name = o.name ?? "web-7d4b9c8f5-x2x9k";
  const created = o.created ?? 0;
  const node = o.node ?? "worker-1";
  const podIP = o.podIP ?? "10.244.1.5";
  const containers = o.containers ?? [container()];
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name,
      namespace: o.namespace ?? "default",
      uid: "9a3e2c4b-1f0d-4d7e-9a51-0c2b8f7e6d11",
      resourceVersion: "1234",
      creationTimestamp: ts(created),
      labels: o.labels ?? { app: "web", "pod-template-hash": "7d4b9c8f5" },
      ownerReferences: [
        {
          apiVersion: "apps/v1",
          kind: "ReplicaSet",
          name: "web-7d4b9c8f5",
          uid: "rs-uid",
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: {
      containers,
      restartPolicy: "Always",
      terminationGracePeriodSeconds: 30,
      dnsPolicy: "ClusterFirst",
      nodeName: node || undefined,
      serviceAccountName: "default",
      schedulerName: "default-scheduler",
      priority: 0,
      enableServiceLinks: true,
      preemptionPolicy: "PreemptLowerPriority",
      tolerations: [
        {
          key: "node.kubernetes.io/not-ready",
          operator: "Exists",
          effect: "NoExecute",
          tolerationSeconds: 300,
        },
        {
          key: "node.kubernetes.io/unreachable",
          operator: "Exists",
          effect: "NoExecute",
          tolerationSeconds: 300,
        },
      ],
    },
    status: {
      phase: o.phase ?? "Running",
      hostIP: node ? "172.18.0.3" : undefined,
      hostIPs: node ? [{ ip: "172.18.0.3" }] : undefined,
      podIP: podIP || undefined,
      podIPs: podIP ? [{ ip: podIP }] : undefined,
      startTime: ts(created + SEC),
      qosClass: "BestEffort",
      containerStatuses: o.statuses ?? containers.map((c) => runningStatus(c.name, created + 3 * SEC)),
      conditions: [
        { type: "PodReadyToStartContainers", status: "True", lastTransitionTime: ts(created + 2 * SEC) },
        { type: "Initialized", status: "True", lastTransitionTime: ts(created + SEC) },
        { type: "Ready", status: "True", lastTransitionTime: ts(created + 4 * SEC) },
        { type: "ContainersReady", status: "True", lastTransitionTime: ts(created + 4 * SEC) },
        { type: "PodScheduled", status: "True", lastTransitionTime: ts(created) },
      ],
    },
  };
}

export function deployment(name = "web", replicas = 3, created = 0, ready = replicas): Deployment {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: {
      name,
      namespace: "default",
      uid: "dep-uid",
      generation: 1,
      creationTimestamp: ts(created),
      labels: { app: name },
      annotations: { "deployment.kubernetes.io/revision": "1" },
    },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [container()], restartPolicy: "Always" },
      },
      strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: "25%" } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    },
    status: {
      observedGeneration: 1,
      replicas,
      updatedReplicas: replicas,
      readyReplicas: ready,
      availableReplicas: ready,
      unavailableReplicas: replicas - ready || undefined,
      conditions: [
        {
          type: "Available",
          status: "True",
          reason: "MinimumReplicasAvailable",
          message: "Deployment has minimum availability.",
        },
        {
          type: "Progressing",
          status: "True",
          reason: "NewReplicaSetAvailable",
          message: `ReplicaSet "${name}-7d4b9c8f5" has successfully progressed.`,
        },
      ],
    },
  };
}

export function replicaSet(name = "web-7d4b9c8f5", replicas = 3, created = 0): ReplicaSet {
  return {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: {
      name,
      namespace: "default",
      uid: "rs-uid",
      creationTimestamp: ts(created),
      labels: { app: "web", "pod-template-hash": "7d4b9c8f5" },
      annotations: {
        "deployment.kubernetes.io/desired-replicas": String(replicas),
        "deployment.kubernetes.io/max-replicas": String(replicas + 1),
        "deployment.kubernetes.io/revision": "1",
      },
      ownerReferences: [
        {
          apiVersion: "apps/v1",
          kind: "Deployment",
          name: "web",
          uid: "dep-uid",
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: {
      replicas,
      selector: { matchLabels: { app: "web", "pod-template-hash": "7d4b9c8f5" } },
      template: {
        metadata: { labels: { app: "web", "pod-template-hash": "7d4b9c8f5" } },
        spec: { containers: [container()] },
      },
    },
    status: {
      replicas,
      fullyLabeledReplicas: replicas,
      readyReplicas: replicas,
      availableReplicas: replicas,
      observedGeneration: 1,
    },
  };
}

export function service(name = "web", type: Service["spec"]["type"] = "ClusterIP", created = 0): Service {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: {
      name,
      namespace: "default",
      uid: "svc-uid",
      creationTimestamp: ts(created),
      labels: { app: name },
    },
    spec: {
      type,
      selector: { app: name },
      ports: [
        {
          protocol: "TCP",
          port: 80,
          targetPort: 80,
          ...(type === "NodePort" || type === "LoadBalancer" ? { nodePort: 31234 } : {}),
        },
      ],
      clusterIP: "10.96.123.45",
      clusterIPs: ["10.96.123.45"],
      sessionAffinity: "None",
      ipFamilies: ["IPv4"],
      ipFamilyPolicy: "SingleStack",
      internalTrafficPolicy: "Cluster",
      ...(type === "NodePort" || type === "LoadBalancer"
        ? { externalTrafficPolicy: "Cluster" as const }
        : {}),
    },
    status: { loadBalancer: {} },
  };
}

export function node(
  name = "worker-1",
  created = 0,
  ready: "True" | "False" | "Unknown" = "True",
  roles: string[] = [],
): Node {
  const labels: Record<string, string> = {
    "beta.kubernetes.io/arch": "amd64",
    "beta.kubernetes.io/os": "linux",
    "kubernetes.io/arch": "amd64",
    "kubernetes.io/hostname": name,
    "kubernetes.io/os": "linux",
  };
  for (const r of roles) labels[`node-role.kubernetes.io/${r}`] = "";
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: {
      name,
      uid: `${name}-uid`,
      creationTimestamp: ts(created),
      labels,
      annotations: {
        "node.alpha.kubernetes.io/ttl": "0",
        "volumes.kubernetes.io/controller-managed-attach-detach": "true",
      },
    },
    spec: { podCIDR: "10.244.1.0/24", podCIDRs: ["10.244.1.0/24"], providerID: `kind://docker/kind/${name}` },
    status: {
      capacity: { cpu: "4", "ephemeral-storage": "102625208Ki", memory: "8148324Ki", pods: "110" },
      allocatable: { cpu: "4", "ephemeral-storage": "102625208Ki", memory: "8148324Ki", pods: "110" },
      conditions: [
        {
          type: "MemoryPressure",
          status: "False",
          reason: "KubeletHasSufficientMemory",
          message: "kubelet has sufficient memory available",
          lastHeartbeatTime: ts(created + 10 * MIN),
          lastTransitionTime: ts(created),
        },
        {
          type: "DiskPressure",
          status: "False",
          reason: "KubeletHasNoDiskPressure",
          message: "kubelet has no disk pressure",
          lastHeartbeatTime: ts(created + 10 * MIN),
          lastTransitionTime: ts(created),
        },
        {
          type: "PIDPressure",
          status: "False",
          reason: "KubeletHasSufficientPID",
          message: "kubelet has sufficient PID available",
          lastHeartbeatTime: ts(created + 10 * MIN),
          lastTransitionTime: ts(created),
        },
        {
          type: "Ready",
          status: ready,
          reason: ready === "True" ? "KubeletReady" : "NodeStatusUnknown",
          message:
            ready === "True" ? "kubelet is posting ready status" : "Kubelet stopped posting node status.",
          lastHeartbeatTime: ts(created + 10 * MIN),
          lastTransitionTime: ts(created + 20 * SEC),
        },
      ],
      addresses: [
        { type: "InternalIP", address: "172.18.0.3" },
        { type: "Hostname", address: name },
      ],
      nodeInfo: {
        machineID: "2f6c3e8b0c4f4a7d8c2b6b6f0a1e9d3c",
        systemUUID: "2f6c3e8b-0c4f-4a7d-8c2b-6b6f0a1e9d3c",
        bootID: "6a2d7f1e-8c3b-4e0a-9d5f-1b2c3d4e5f60",
        kernelVersion: "6.8.0-45-generic",
        osImage: "Debian GNU/Linux 12 (bookworm)",
        containerRuntimeVersion: "containerd://2.1.3",
        kubeletVersion: "v1.34.0",
        operatingSystem: "linux",
        architecture: "amd64",
      },
    },
  };
}

export function event(
  reason: string,
  message: string,
  o: {
    kind?: string;
    name?: string;
    type?: "Normal" | "Warning";
    component?: string;
    first?: number;
    last?: number;
    count?: number;
    fieldPath?: string;
    host?: string;
  } = {},
): KubeEvent {
  const name = o.name ?? "web-7d4b9c8f5-x2x9k";
  const first = o.first ?? 0;
  return {
    apiVersion: "v1",
    kind: "Event",
    metadata: { name: `${name}.18a2b3c4d5e6f7a8`, namespace: "default", creationTimestamp: ts(first) },
    involvedObject: {
      kind: o.kind ?? "Pod",
      namespace: "default",
      name,
      apiVersion: "v1",
      fieldPath: o.fieldPath,
    },
    reason,
    message,
    type: o.type ?? "Normal",
    source: { component: o.component ?? "kubelet", host: o.host },
    count: o.count ?? 1,
    firstTimestamp: ts(first),
    lastTimestamp: ts(o.last ?? first),
  };
}
