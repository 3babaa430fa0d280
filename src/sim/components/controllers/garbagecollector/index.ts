export { garbageCollectorController } from "./garbageCollectorDefinition";
export { garbageCollectorReconciler, syncGarbage } from "./garbageCollector";
export { OWNER_INDEX, ownerUids, GC_RESOURCES, gcKey, FOREGROUND, ORPHAN } from "./ownerGraph";
