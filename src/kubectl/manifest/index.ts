export { loadManifests, readFilenameArgs, type ManifestObject, type LoadResult } from "./loadManifests";
export { LAST_APPLIED, lastAppliedValue, withLastApplied, goJson } from "./lastApplied";
export { threeWayPatch, subsetEqual, deepEqual } from "./threeWayPatch";
