import type { DaemonSet, Node, Pod, PodSpec } from "../../../api/types";
import { controllerRefTo } from "../framework/ownerRefs";
import { daemonPodTolerations } from "./daemonPodTolerations";

export const LABEL_REVISION_HASH = "controller-revision-hash";
export const LABEL_TEMPLATE_GENERATION = "pod-template-generation";

/** The template's pod spec with the daemon tolerations added (util.CreatePodTemplate). */
export function daemonPodSpec(ds: DaemonSet): PodSpec {
  const spec = ds.spec.template.spec;
  // One object per template spec (objects are never changed in place), so fits can be cached by it.
  let out = podSpecs.get(spec);
  if (!out) {
    out = { ...spec, tolerations: daemonPodTolerations(spec) };
    podSpecs.set(spec, out);
  }
  return out;
}

const podSpecs = new WeakMap<PodSpec, PodSpec>();

/**
 * The node a daemon pod is for: spec.nodeName once bound, before that the
 * `metadata.name In [node]` matchFields term the controller wrote (util.GetTargetNodeName).
 */
export function targetNodeName(pod: Pod): string | undefined {
  if (pod.spec.nodeName) return pod.spec.nodeName;
  for (const term of pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? []) {
    for (const f of term.matchFields ?? []) if (f.key === "metadata.name" && f.operator === "In" && f.values?.length === 1) return f.values[0];
  }
  return undefined;
}

/**
 * A new daemon pod for `node`: the template plus tolerations, the revision labels, a controller
 * owner reference and a required node affinity on `metadata.name` (since v1.12 the default
 * scheduler binds daemon pods; the affinity pins each one to its node).
 */
export function newDaemonPod(ds: DaemonSet, node: Node, name: string, hash: string): Pod {
  const t = ds.spec.template;
  const nodeName = node.metadata.name ?? "";
  const spec = daemonPodSpec(ds);
  const pin = { nodeSelectorTerms: [{ matchFields: [{ key: "metadata.name", operator: "In" as const, values: [nodeName] }] }] };
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name,
      generateName: `${ds.metadata.name}-`,
      namespace: ds.metadata.namespace,
      labels: { ...t.metadata?.labels, [LABEL_REVISION_HASH]: hash, [LABEL_TEMPLATE_GENERATION]: String(ds.metadata.generation ?? 1) },
      ...(t.metadata?.annotations ? { annotations: { ...t.metadata.annotations } } : {}),
      ownerReferences: [controllerRefTo(ds)],
    },
    spec: { ...spec, affinity: { ...spec.affinity, nodeAffinity: { ...spec.affinity?.nodeAffinity, requiredDuringSchedulingIgnoredDuringExecution: pin } } },
  };
}
