/** kubectl describe: one function per kind, given the object, its related objects and the time. */
export { describePod, podQOS } from "./pod";
export {
  describeDeployment,
  describeReplicaSet,
  describeDaemonSet,
  podStatusCounts,
  type DeploymentRelated,
  type ControllerRelated,
} from "./workloads";
export { describeService, formatEndpointSlices, type ServiceRelated } from "./service";
export { describeNode, type NodeRelated } from "./node";
export { describeNamespace } from "./namespace";
export { describeEvents, taintString } from "./fields";
export { describeProbe } from "./containers";
export { DescribeWriter } from "./describeWriter";
