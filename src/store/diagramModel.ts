import type { KubeObject, Node, Pod, ReplicaSet } from "../sim/api/types";
import type { ClusterPlan } from "../sim/clusterPlan";
import type { AppState } from "./appStore";

/** Pods on one node sharing a controller owner (Deployment → ReplicaSet, DaemonSet, static…). */
export interface PodGroupModel {
  id: string;
  /** `nginx`, `kube-proxy`, `static pods`. */
  title: string;
  /** `Deployment › ReplicaSet 7c5ddbdf54`, `DaemonSet`, `mirror pods of the kubelet`. */
  subtitle: string;
  namespace: string;
  /** Removed from pod names to get the chip label (`nginx-7c5ddbdf54-`). */
  prefix: string;
  /** Removed from the end of pod names (static pods end in `-<node>`). */
  suffix: string;
  podKeys: string[];
  /** Longest chip label, in characters (chip width). */
  maxLabel: number;
}

export interface NodeModel {
  name: string;
  groups: PodGroupModel[];
  podCount: number;
}

export interface DiagramModel {
  controlPlane: NodeModel | null;
  workers: NodeModel[];
  /** Pods not yet bound to a node, grouped by owner like a node's. */
  unscheduledNode: NodeModel;
}

const CONTROL_PLANE_LABEL = "node-role.kubernetes.io/control-plane";

export function isControlPlaneNode(node: Node): boolean {
  return node.metadata.labels?.[CONTROL_PLANE_LABEL] !== undefined || node.spec.taints?.some((t) => t.key === CONTROL_PLANE_LABEL) === true || node.metadata.name === "control-plane";
}

// One collator: localeCompare with options builds one per call (slow on the first render).
const NATURAL = new Intl.Collator("en", { numeric: true });

/** worker-2 before worker-10. */
export function naturalCompare(a: string, b: string): number {
  return NATURAL.compare(a, b);
}

function controllerOf(obj: KubeObject): { kind: string; name: string } | undefined {
  const refs = obj.metadata.ownerReferences;
  return refs?.find((r) => r.controller) ?? refs?.[0];
}

function groupFor(pod: Pod, node: string, replicasets: ReadonlyMap<string, KubeObject>): Omit<PodGroupModel, "podKeys" | "maxLabel"> {
  const ns = pod.metadata.namespace ?? "default";
  const owner = controllerOf(pod);
  const mirror = pod.metadata.annotations?.["kubernetes.io/config.mirror"] !== undefined;
  if (mirror || owner?.kind === "Node") return { id: `${ns}/static`, title: "static pods", subtitle: "run by the kubelet from manifests", namespace: ns, prefix: "", suffix: `-${node}` };
  if (!owner) return { id: `${ns}/pod`, title: "pods", subtitle: `${ns} · no controller`, namespace: ns, prefix: "", suffix: "" };
  if (owner.kind === "ReplicaSet") {
    const rs = replicasets.get(`${ns}/${owner.name}`) as ReplicaSet | undefined;
    const deploy = rs ? controllerOf(rs) : undefined;
    if (deploy?.kind === "Deployment") {
      const hash = owner.name.startsWith(`${deploy.name}-`) ? owner.name.slice(deploy.name.length + 1) : owner.name;
      return { id: `${ns}/rs/${owner.name}`, title: deploy.name, subtitle: `Deployment › ReplicaSet ${hash}`, namespace: ns, prefix: `${owner.name}-`, suffix: "" };
    }
    return { id: `${ns}/rs/${owner.name}`, title: owner.name, subtitle: "ReplicaSet", namespace: ns, prefix: `${owner.name}-`, suffix: "" };
  }
  return { id: `${ns}/${owner.kind}/${owner.name}`, title: owner.name, subtitle: owner.kind, namespace: ns, prefix: `${owner.name}-`, suffix: "" };
}

/** The short label on a pod chip: `x2k9p` for `nginx-7c5ddbdf54-x2k9p`, `etcd` for `etcd-control-plane`. */
export function chipLabel(podName: string, group: Pick<PodGroupModel, "prefix" | "suffix">): string {
  let s = podName;
  if (group.prefix && s.startsWith(group.prefix)) s = s.slice(group.prefix.length);
  if (group.suffix && s.endsWith(group.suffix)) s = s.slice(0, -group.suffix.length);
  return s || podName;
}

/** One node's pods grouped by owner. */
export function nodeModel(name: string, state: Pick<AppState, "objects" | "podsByNode">): NodeModel {
  const keys = state.podsByNode.get(name) ?? [];
  const groups = new Map<string, PodGroupModel>();
  for (const key of keys) {
    const pod = state.objects.pods.get(key) as Pod | undefined;
    if (!pod) continue;
    const g = groupFor(pod, name, state.objects.replicasets);
    let group = groups.get(g.id);
    if (!group) groups.set(g.id, (group = { ...g, podKeys: [], maxLabel: 0 }));
    group.podKeys.push(key);
    group.maxLabel = Math.max(group.maxLabel, chipLabel(pod.metadata.name ?? "", group).length);
  }
  // The user's workloads first, then the system's; stable by id.
  const sorted = [...groups.values()].sort((a, b) => Number(a.namespace === "kube-system") - Number(b.namespace === "kube-system") || a.id.localeCompare(b.id));
  for (const g of sorted) g.podKeys.sort(naturalCompare);
  return { name, groups: sorted, podCount: keys.length };
}

/** What the diagram draws, derived from the mirrored objects. */
export function deriveDiagramModel(state: Pick<AppState, "objects" | "podsByNode">): DiagramModel {
  let controlPlane: NodeModel | null = null;
  const workers: NodeModel[] = [];
  const names = [...state.objects.nodes.values()].sort((a, b) => naturalCompare(a.metadata.name ?? "", b.metadata.name ?? ""));
  for (const node of names as Node[]) {
    const model = nodeModel(node.metadata.name ?? "", state);
    if (!controlPlane && isControlPlaneNode(node)) controlPlane = model;
    else workers.push(model);
  }
  return { controlPlane, workers, unscheduledNode: nodeModel("", state) };
}

/** What the diagram draws while the cluster starts: its planned nodes, no pods yet. */
export function planDiagramModel(plan: Pick<ClusterPlan, "controlPlane" | "workers">): DiagramModel {
  const empty = (name: string): NodeModel => ({ name, groups: [], podCount: 0 });
  return { controlPlane: empty(plan.controlPlane), workers: plan.workers.map(empty), unscheduledNode: empty("") };
}

/** A string that changes exactly when the layout must change (node set, groups, pod counts). */
export function layoutSignature(model: DiagramModel): string {
  const node = (n: NodeModel) => `${n.name}[${n.groups.map((g) => `${g.id}:${g.podKeys.length}:${g.maxLabel}`).join(",")}]`;
  return [model.controlPlane ? node(model.controlPlane) : "-", ...model.workers.map(node), node(model.unscheduledNode)].join("|");
}
