// kube-scheduler: the component, and its pure core (cache, plugins, algorithm, queue) for
// tests and the inspector.
export { KubeScheduler, SCHEDULER_NAME, COMPONENT_ID, type KubeSchedulerOptions } from "./kubeScheduler";
export { Snapshot } from "./snapshot";
export { NodeInfo } from "./nodeInfo";
export { makePodInfo, podKey, type PodInfo } from "./podInfo";
export { defaultPlugins, type PluginSet } from "./plugins";
export { MAX_NODE_SCORE, type FilterStatus, type PluginName, type FilterPlugin, type ScorePlugin } from "./framework";
export { scheduleOne, createScheduleContext, numFeasibleNodesToFind, NO_NODES_AVAILABLE, type ScheduleContext } from "./scheduleOne";
export { describeResult, evaluatedNames, verdictsOf, scoredNames, type SchedulingResult, type ResultDetail, type NodeFilterDetail, type NodeScoreDetail, type FilterVerdict, type ScoreColumn } from "./schedulingResult";
export { failedSchedulingMessage, fitErrorMessage, preemptionMessage } from "./failedSchedulingMessage";
export { SchedulingQueue, DEFAULT_QUEUE_TIMINGS, type ClusterEvent, type QueuedPod } from "./schedulingQueue";
export { ResultStore } from "./resultStore";
export { narrateResult } from "./narration";
