export * from "./fieldError";
export * from "./names";
export { validateLabels, validateLabelName, validateLabelSelector, validateObjectMeta, goLabelSelector } from "./meta";
export { validatePodSpec, validatePodTemplateSpec, validateResourceRequirements, validateTolerations } from "./pod";
export { DEFAULT_NODE_PORT_RANGE, NODE_PORT_ALLOCATED, validateNodePorts, type PortRange } from "./service";
export { POD_UPDATE_FORBIDDEN, validateObject, validateObjectFieldErrors, validationStatus, type ValidateOptions } from "./validate";
