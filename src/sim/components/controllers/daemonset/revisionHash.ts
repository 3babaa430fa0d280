import type { PodTemplateSpec } from "../../../api/types";
import { podTemplateHash } from "../../../api";

/**
 * controller.ComputeHash of the pod template, as for a Deployment's pod-template-hash: the
 * label value `controller-revision-hash` and the ControllerRevision name suffix.
 */
export function revisionHash(template: PodTemplateSpec): string {
  return podTemplateHash(template);
}
