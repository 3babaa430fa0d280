export { FakeTransport, mergePatch, matchesLabelSelector, status } from "./fakeTransport";
export { kubectl, type RunResult } from "./harness";
export { node, pod, deployment, replicaSet } from "./fixtures";
