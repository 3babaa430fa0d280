/** kubectl's output layer: pure functions from typed objects and the virtual time to text. */
export {
  printObjects,
  validateOutputFormat,
  ALLOWED_FORMATS,
  type PrintResult,
  type GetPrintOptions,
} from "./output";
export { renderTable, type TableOptions } from "./table";
export { tableFor } from "./tables";
export type { TableDef, ColumnDef } from "./tableDef";
export { summarizePod, NODE_UNREACHABLE_POD_REASON, type PodSummary } from "./podStatus";
export { findNodeRoles, nodeStatus } from "./nodes";
export { ENDPOINTS_DEPRECATION_WARNING, formatEndpoints, type Endpoints } from "./network";
export { kindPrefix, groupOf, isClusterScoped } from "./kinds";
export { toJson, toYaml, toCompactJson, asList, canonical } from "./serialize";
export { parseJsonPath, executeJsonPath, JsonPathError } from "./jsonpath";
export { parseCustomColumns, renderCustomColumns, relaxedJsonPath } from "./customColumns";
export {
  humanDuration,
  shortHumanDuration,
  translateTimestampSince,
  tabwrite,
  formatLabels,
  formatLabelSelector,
  selectorString,
  formatRFC1123Z,
} from "../format";
export {
  describePod,
  describeDeployment,
  describeReplicaSet,
  describeDaemonSet,
  describeService,
  describeNode,
  describeNamespace,
  describeEvents,
  describeProbe,
  formatEndpointSlices,
  podQOS,
  podStatusCounts,
  taintString,
  type DeploymentRelated,
  type ControllerRelated,
  type ServiceRelated,
  type NodeRelated,
} from "./describe";
