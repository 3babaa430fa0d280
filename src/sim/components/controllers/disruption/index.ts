export { DisruptionController } from "./disruptionController";
export { disruptionControllerDefinition } from "./disruptionDefinition";
export { disruptionsAllowed, computePdbStatus, expectedPodCount, countHealthyPods, PDB_DELETION_TIMEOUT_MS, type Pdb, type PdbStatus, type ScaleOf } from "./disruptionBudget";
export { checkEviction, podIgnoresBudget } from "./evictionCheck";
