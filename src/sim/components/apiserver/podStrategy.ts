import type { Container, Pod, PodCondition, PodStatus, Toleration } from "../../api/types";
import { toTimestamp } from "../../runtime/virtualTime";

/** QoS class as kube-apiserver computes it (pkg/apis/core/helper/qos). */
export function qosClass(pod: Pod): NonNullable<PodStatus["qosClass"]> {
  const all: Container[] = [...(pod.spec.initContainers ?? []), ...pod.spec.containers];
  let anySet = false;
  let guaranteed = true;
  for (const c of all) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    if (Object.keys(req).length || Object.keys(lim).length) anySet = true;
    for (const r of ["cpu", "memory"]) {
      const l = lim[r];
      const q = req[r] ?? l;
      if (!l || q !== l) guaranteed = false;
    }
  }
  if (!anySet) return "BestEffort";
  return guaranteed ? "Guaranteed" : "Burstable";
}

/** A new pod starts Pending with its QoS class; everything else comes from the scheduler and kubelet. */
export function initialPodStatus(pod: Pod): PodStatus {
  return { phase: "Pending", qosClass: qosClass(pod) };
}

/**
 * DefaultTolerationSeconds admission: pods tolerate not-ready and unreachable nodes for 300 s
 * unless they say otherwise, so a node outage evicts them after five minutes.
 */
export function withDefaultTolerations(pod: Pod, seconds: number): Pod {
  const own = pod.spec.tolerations ?? [];
  const has = (key: string) => own.some((t) => (t.key === key || (t.operator === "Exists" && !t.key)) && (!t.effect || t.effect === "NoExecute"));
  const added = DEFAULT_TOLERATED.filter((key) => !has(key)).map((key): Toleration => ({ key, operator: "Exists", effect: "NoExecute", tolerationSeconds: seconds }));
  // concat sizes the stored array exactly (one grown by push keeps 17 slots for every pod).
  return { ...pod, spec: { ...pod.spec, tolerations: own.concat(added) } };
}

const DEFAULT_TOLERATED = ["node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"];

/** The binding subresource: sets spec.nodeName and the PodScheduled condition (in a new pod, metadata copied too). */
export function bindPod(pod: Pod, node: string, now: number): Pod {
  const cond: PodCondition = { type: "PodScheduled", status: "True", lastProbeTime: null, lastTransitionTime: toTimestamp(now) };
  // Sized exactly, as the pod is stored (a spread then one more element would keep 17 slots).
  const conditions = (pod.status?.conditions ?? []).filter((c) => c.type !== "PodScheduled").concat([cond]);
  return { ...pod, metadata: { ...pod.metadata }, spec: { ...pod.spec, nodeName: node }, status: { ...pod.status, conditions } };
}
