import type { KubeObject, Pod, PodTemplateSpec } from "../../../api/types";
import type { Rng } from "../../../runtime";
import { controllerRefTo } from "../framework";

/** Kubernetes' name alphabet (no vowels, no 0/1/3: no words, no look-alikes). */
export const NAME_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
const MAX_GENERATED_NAME = 63;
const SUFFIX_LENGTH = 5;

/** names.SimpleNameGenerator: `<base><5 chars>`, the base cut so the whole fits in 63. */
export function generateName(base: string, rng: Rng): string {
  const cut = base.length > MAX_GENERATED_NAME - SUFFIX_LENGTH ? base.slice(0, MAX_GENERATED_NAME - SUFFIX_LENGTH) : base;
  return cut + rng.string(NAME_ALPHABET, SUFFIX_LENGTH);
}

/**
 * controller.GetPodFromTemplate: the template's labels, annotations and spec, generateName
 * `<owner>-`, and a controller ownerReference (blockOwnerDeletion) to the owner. The name is
 * drawn here from the seeded rng so a run is reproducible.
 */
export function podFromTemplate(template: PodTemplateSpec, owner: KubeObject, rng: Rng): Pod {
  const prefix = `${owner.metadata.name ?? ""}-`;
  const meta = template.metadata ?? {};
  const pod: Pod = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name: generateName(prefix, rng),
      generateName: prefix,
      namespace: owner.metadata.namespace,
      labels: { ...(meta.labels ?? {}) },
      ownerReferences: [controllerRefTo(owner)],
    },
    spec: structuredClone(template.spec),
  };
  if (meta.annotations) pod.metadata.annotations = { ...meta.annotations };
  if (meta.finalizers) pod.metadata.finalizers = [...meta.finalizers];
  return pod;
}
