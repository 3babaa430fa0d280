// Read access to the running simulation's internals for the lazy panels (inspector, faults).
// It imports the simulation, so only lazily loaded code may import this folder.
export { clusterImpl, useTicker } from "./clusterAccess";
