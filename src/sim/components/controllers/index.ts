/**
 * kube-controller-manager: the framework and every controller it runs, registered as data.
 * To add a controller, export its ControllerDefinition from its folder and list it below.
 */
import type { ControllerDefinition } from "./framework";
import { deploymentController } from "./deployment";
import { replicaSetController } from "./replicaset";
import { garbageCollectorController } from "./garbagecollector";
import { namespaceController } from "./namespace";
import { serviceAccountController, rootCaPublisherController, tokensController } from "./serviceaccount";
import { daemonSetControllerDefinition } from "./daemonset";
import { endpointSliceControllerDefinition } from "./endpointslice";
import { nodeLifecycleControllerDefinition } from "./nodelifecycle";
import { taintEvictionControllerDefinition } from "./tainteviction";
import { disruptionControllerDefinition } from "./disruption";
import { nodeIpamControllerDefinition } from "./nodeipam";
import { podGcControllerDefinition } from "./podgc";

/** The controllers kube-controller-manager starts, in the order it starts them. */
export const DEFAULT_CONTROLLERS: readonly ControllerDefinition[] = [
  deploymentController,
  replicaSetController,
  daemonSetControllerDefinition,
  endpointSliceControllerDefinition,
  nodeIpamControllerDefinition(),
  nodeLifecycleControllerDefinition,
  taintEvictionControllerDefinition,
  disruptionControllerDefinition,
  podGcControllerDefinition,
  garbageCollectorController,
  namespaceController,
  serviceAccountController,
  tokensController,
  rootCaPublisherController,
];

export {
  KubeControllerManager,
  type KubeControllerManagerOptions,
  type ControllerDefinition,
  type ControllerSetup,
  type ControllerRunner,
  type Plan,
  type PlannedCall,
  type Reconciler,
  type ReconcileContext,
} from "./framework";
export { templateHash } from "./deployment";
