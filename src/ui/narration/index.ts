export { NarrationLog, StepCard } from "./NarrationLog";
export { Timeline } from "./Timeline";
