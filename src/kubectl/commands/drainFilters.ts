import type { Pod } from "../../sim/api/types";

/** kubectl drain's pod filters (k8s.io/kubectl/pkg/drain/filters.go): what to evict, skip, warn or refuse. */
export interface DrainOptions {
  ignoreDaemonSets: boolean;
  deleteEmptyDirData: boolean;
  force: boolean;
}

export interface DrainPlan {
  evict: Pod[];
  /** message → "ns/name" list */
  warnings: Map<string, string[]>;
  errors: Map<string, string[]>;
}

const MIRROR_ANNOTATION = "kubernetes.io/config.mirror";

function add(m: Map<string, string[]>, key: string, pod: Pod): void {
  const list = m.get(key) ?? [];
  list.push(`${pod.metadata.namespace}/${pod.metadata.name}`);
  m.set(key, list);
}

function hasEmptyDir(pod: Pod): boolean {
  const volumes: unknown = (pod.spec as unknown as { volumes?: unknown }).volumes;
  return Array.isArray(volumes) && volumes.some((v) => typeof v === "object" && v !== null && "emptyDir" in v);
}

export function planDrain(pods: readonly Pod[], opts: DrainOptions): DrainPlan {
  const plan: DrainPlan = { evict: [], warnings: new Map(), errors: new Map() };
  for (const pod of pods) {
    const finished = pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed";
    const controller = pod.metadata.ownerReferences?.find((r) => r.controller);
    if (controller?.kind === "DaemonSet") {
      if (opts.ignoreDaemonSets) add(plan.warnings, "ignoring DaemonSet-managed Pods", pod);
      else add(plan.errors, "cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore)", pod);
      continue;
    }
    if (pod.metadata.annotations?.[MIRROR_ANNOTATION] !== undefined) continue;
    let ok = true;
    if (!finished && hasEmptyDir(pod)) {
      if (opts.deleteEmptyDirData) add(plan.warnings, "deleting Pods with local storage", pod);
      else {
        add(plan.errors, "cannot delete Pods with local storage (use --delete-emptydir-data to override)", pod);
        ok = false;
      }
    }
    if (!finished && !controller) {
      if (opts.force) add(plan.warnings, "deleting Pods that declare no controller", pod);
      else {
        add(plan.errors, "cannot delete Pods declare no controller (use --force to override)", pod);
        ok = false;
      }
    }
    if (ok) plan.evict.push(pod);
  }
  return plan;
}

/** `key: a, b; key2: c` (sorted), as PodDeleteList.Warnings and errors print. */
export function joinMessages(m: Map<string, string[]>): string[] {
  return [...m.entries()].map(([k, pods]) => `${k}: ${pods.join(", ")}`).sort();
}
