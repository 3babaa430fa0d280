export { serviceAccountController, rootCaPublisherController, tokensController } from "./serviceAccountDefinition";
export { syncServiceAccounts, serviceAccountReconciler, DEFAULT_SERVICE_ACCOUNTS } from "./serviceAccountController";
export { syncRootCa, rootCaPublisherReconciler, ROOT_CA_CONFIGMAP, CLUSTER_CA_PEM } from "./rootCaPublisher";
export { syncToken, tokensReconciler, SA_TOKEN_TYPE, SA_NAME_ANNOTATION } from "./tokensController";
