export { replicaSetController } from "./replicaSetDefinition";
export { ReplicaSetReconciler, syncReplicaSet, activePodsOf, BURST_REPLICAS } from "./replicaSetController";
export { podsToDelete } from "./podsToDelete";
export { podFromTemplate } from "./podFromTemplate";
