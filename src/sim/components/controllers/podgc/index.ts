export { PodGcController, POD_GC_CHECK_PERIOD_MS, POD_GC_QUARANTINE_MS, POD_GC_KEY } from "./podGcController";
export { podGcControllerDefinition } from "./podGcDefinition";
