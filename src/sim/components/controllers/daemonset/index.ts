export { DaemonSetController } from "./daemonSetController";
export { daemonSetControllerDefinition } from "./daemonSetDefinition";
export { daemonSetActions, type DaemonSetActions, type DaemonSetStatus } from "./daemonSetActions";
export { daemonPodTolerations } from "./daemonPodTolerations";
export { nodeShouldRunDaemonPod, fitsNodeAffinity } from "./nodeFit";
export { newDaemonPod, targetNodeName, LABEL_REVISION_HASH, LABEL_TEMPLATE_GENERATION } from "./daemonPod";
export { revisionHash } from "./revisionHash";
