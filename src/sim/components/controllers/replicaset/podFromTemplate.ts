import { deepCopy, generateName, type KubeObject, type Pod, type PodTemplateSpec } from "../../../api";
import type { Rng } from "../../../runtime";
import { controllerRefTo } from "../framework";

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
    spec: deepCopy(template.spec),
  };
  if (meta.annotations) pod.metadata.annotations = { ...meta.annotations };
  if (meta.finalizers) pod.metadata.finalizers = [...meta.finalizers];
  return pod;
}
