export { EndpointSliceController } from "./endpointSliceController";
export { endpointSliceControllerDefinition } from "./endpointSliceDefinition";
export { podToEndpoint, findPort, endpointPorts, shouldPodBeInEndpoints, type SlicePort } from "./podToEndpoint";
export { reconcileSlices, sliceLabels, MAX_ENDPOINTS_PER_SLICE, LABEL_SERVICE_NAME, LABEL_MANAGED_BY, CONTROLLER_NAME, type EndpointGroup, type SliceChanges } from "./sliceReconciler";
export { ENDPOINTSLICE_INDEXES } from "./podIndexes";
