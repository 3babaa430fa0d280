import type { PodSpec, Toleration } from "../../../api/types";

/**
 * AddOrUpdateDaemonPodTolerations (pkg/controller/daemon/util): a daemon pod keeps running on a
 * node that is not ready, unreachable, under pressure or cordoned, so these are always added.
 */
export function daemonPodTolerations(spec: PodSpec): Toleration[] {
  const out = (spec.tolerations ?? []).map((t) => ({ ...t }));
  const add = (key: string, effect: "NoExecute" | "NoSchedule") => {
    const t: Toleration = { key, operator: "Exists", effect };
    // AddOrUpdateTolerationInPodSpec: replace a toleration with the same key, operator, value and effect.
    const i = out.findIndex((x) => x.key === key && x.effect === effect && x.operator === "Exists" && !x.value);
    if (i >= 0) out[i] = t;
    else out.push(t);
  };
  add("node.kubernetes.io/not-ready", "NoExecute");
  add("node.kubernetes.io/unreachable", "NoExecute");
  add("node.kubernetes.io/disk-pressure", "NoSchedule");
  add("node.kubernetes.io/memory-pressure", "NoSchedule");
  add("node.kubernetes.io/pid-pressure", "NoSchedule");
  add("node.kubernetes.io/unschedulable", "NoSchedule");
  if (spec.hostNetwork) add("node.kubernetes.io/network-unavailable", "NoSchedule");
  return out;
}
