export { deploymentController } from "./deploymentDefinition";
export { deploymentReconciler, syncDeployment } from "./deploymentController";
export { maxSurge, maxUnavailable, resolveFenceposts, templateHash, REVISION, DESIRED_REPLICAS, MAX_REPLICAS, POD_TEMPLATE_HASH } from "./deploymentUtil";
