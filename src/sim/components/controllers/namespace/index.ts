export { namespaceController } from "./namespaceDefinition";
export { syncNamespace, namespaceReconciler, NAMESPACED_RESOURCES, KUBERNETES_FINALIZER } from "./namespaceController";
