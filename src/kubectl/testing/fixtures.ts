/** Small objects for kubectl's tests, shaped as the simulated cluster stores them. */
import type { Deployment, KubeObject, Node, Pod, ReplicaSet } from "../../sim/api/types";

export function node(name: string, extra: Partial<Node["spec"]> = {}): Node {
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: { name, labels: { "kubernetes.io/hostname": name } },
    spec: { ...extra },
    status: {
      allocatable: { cpu: "2", memory: "4Gi", pods: "110" },
      capacity: { cpu: "2", memory: "4Gi", pods: "110" },
      conditions: [{ type: "Ready", status: "True", reason: "KubeletReady", message: "kubelet is posting ready status" }],
      nodeInfo: { kubeletVersion: "v1.34.1", containerRuntimeVersion: "containerd://2.1.4", osImage: "Ubuntu 24.04.3 LTS", kernelVersion: "6.8.0", operatingSystem: "linux", architecture: "amd64" },
    },
  };
}

export function pod(name: string, opts: { namespace?: string; node?: string; owner?: { kind: string; name: string; uid: string }; labels?: Record<string, string>; containers?: string[] } = {}): Pod {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name,
      namespace: opts.namespace ?? "default",
      labels: opts.labels ?? {},
      ...(opts.owner ? { ownerReferences: [{ apiVersion: "apps/v1", kind: opts.owner.kind, name: opts.owner.name, uid: opts.owner.uid, controller: true }] } : {}),
    },
    spec: { containers: (opts.containers ?? ["nginx"]).map((c) => ({ name: c, image: "nginx:1.26" })), ...(opts.node ? { nodeName: opts.node } : {}) },
    status: { phase: "Running" },
  };
}

export function deployment(name: string, replicas = 3, image = "nginx:1.26"): Deployment {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace: "default", generation: 1, labels: { app: name } },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: "nginx", image }] } },
    },
    status: { observedGeneration: 1, replicas: 0, updatedReplicas: 0, availableReplicas: 0 },
  };
}

export function replicaSet(d: KubeObject & Deployment, hash: string, revision: number, image: string): ReplicaSet {
  return {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: {
      name: `${d.metadata.name}-${hash}`,
      namespace: "default",
      labels: { app: d.metadata.name ?? "", "pod-template-hash": hash },
      annotations: { "deployment.kubernetes.io/revision": String(revision) },
      ownerReferences: [{ apiVersion: "apps/v1", kind: "Deployment", name: d.metadata.name ?? "", uid: d.metadata.uid ?? "", controller: true }],
    },
    spec: {
      replicas: 0,
      selector: { matchLabels: { app: d.metadata.name ?? "", "pod-template-hash": hash } },
      template: { metadata: { labels: { app: d.metadata.name ?? "", "pod-template-hash": hash } }, spec: { containers: [{ name: "nginx", image }] } },
    },
  };
}
