// Small builders for the scheduler's unit tests (nodes and pods with just the fields that matter).
import type { Labels, Node, Pod, PodSpec, Taint } from "../../api/types";

export interface NodeOpts {
  cpu?: string;
  memory?: string;
  pods?: string;
  labels?: Labels;
  taints?: Taint[];
  unschedulable?: boolean;
  zone?: string;
  images?: { names: string[]; sizeBytes: number }[];
}

/** Drops undefined fields, as JSON on the wire would (the API's strict decoder rejects them). */
function plain<T>(o: T): T {
  return JSON.parse(JSON.stringify(o)) as T;
}

export function makeNode(name: string, o: NodeOpts = {}): Node {
  return plain<Node>({
    apiVersion: "v1",
    kind: "Node",
    metadata: {
      name,
      labels: {
        "kubernetes.io/hostname": name,
        "kubernetes.io/os": "linux",
        ...(o.zone ? { "topology.kubernetes.io/zone": o.zone } : {}),
        ...o.labels,
      },
    },
    spec: { taints: o.taints, unschedulable: o.unschedulable },
    status: {
      allocatable: { cpu: o.cpu ?? "4", memory: o.memory ?? "16Gi", pods: o.pods ?? "110" },
      images: o.images,
    },
  });
}

export interface PodOpts {
  namespace?: string;
  labels?: Labels;
  cpu?: string;
  memory?: string;
  nodeName?: string;
  image?: string;
  hostPort?: number;
  owner?: "ReplicaSet" | "DaemonSet";
  spec?: Partial<PodSpec>;
  uid?: string;
  deleting?: boolean;
}

export function makePod(name: string, o: PodOpts = {}): Pod {
  const requests: Record<string, string> = {};
  if (o.cpu) requests.cpu = o.cpu;
  if (o.memory) requests.memory = o.memory;
  return plain<Pod>({
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name,
      namespace: o.namespace ?? "default",
      uid: o.uid ?? `uid-${name}`,
      labels: o.labels,
      ownerReferences: o.owner ? [{ apiVersion: "apps/v1", kind: o.owner, name: "owner", uid: "owner-uid", controller: true }] : undefined,
      deletionTimestamp: o.deleting ? "2026-01-01T09:00:00Z" : undefined,
    },
    spec: {
      containers: [
        {
          name: "app",
          image: o.image ?? "nginx:1.27",
          resources: Object.keys(requests).length > 0 ? { requests } : undefined,
          ports: o.hostPort ? [{ containerPort: 80, hostPort: o.hostPort }] : undefined,
        },
      ],
      nodeName: o.nodeName,
      schedulerName: "default-scheduler",
      ...o.spec,
    },
  });
}

export const CONTROL_PLANE_TAINT: Taint = { key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" };

/** Tie-breaking "rng" that never replaces the current pick: the first tied node wins. */
export const firstTieRng = { int: (_min: number, max: number) => max };
/** Tie-breaking "rng" that always replaces the current pick: the last tied node wins. */
export const lastTieRng = { int: (min: number) => min };
