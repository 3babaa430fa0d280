/** `kubectl describe deployment|replicaset|daemonset` (describe.go describeDeployment & co). */
import type { DaemonSet, Deployment, KubeEvent, Pod, ReplicaSet } from "../../../sim/api/types";
import { formatLabelSelector, formatLabels, formatRFC1123Z, selectorString } from "../../format";
import { describePodTemplate } from "./containers";
import { DescribeWriter, LEVEL_0, LEVEL_1 } from "./describeWriter";
import { describeEvents, printAnnotationsMultiline, printController, printLabelsMultiline } from "./fields";

/** getPodStatusForController: phases of the pods whose controller is `uid`. */
export function podStatusCounts(pods: readonly Pod[], uid: string | undefined): string {
  let running = 0;
  let waiting = 0;
  let succeeded = 0;
  let failed = 0;
  for (const p of pods) {
    const ref = p.metadata.ownerReferences?.find((o) => o.controller);
    if (!ref || ref.uid !== uid) continue;
    switch (p.status?.phase) {
      case "Running":
        running++;
        break;
      case "Pending":
        waiting++;
        break;
      case "Succeeded":
        succeeded++;
        break;
      case "Failed":
        failed++;
        break;
    }
  }
  return `${running} Running / ${waiting} Waiting / ${succeeded} Succeeded / ${failed} Failed`;
}

function replicaSetsByLabels(list: readonly ReplicaSet[]): string {
  const s = list
    .map(
      (rs) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec.replicas ?? 0} replicas created)`,
    )
    .join(", ");
  return s || "<none>";
}

export interface DeploymentRelated {
  /** The ReplicaSets deploymentutil.GetAllReplicaSets returns: old ones and the new one (if any). */
  oldReplicaSets: readonly ReplicaSet[];
  newReplicaSet?: ReplicaSet;
  events?: readonly KubeEvent[];
}

export function describeDeployment(d: Deployment, related: DeploymentRelated, now: number): string {
  const w = new DescribeWriter();
  const st = d.status ?? {};
  w.write(LEVEL_0, `Name:\t${d.metadata.name ?? ""}\n`);
  w.write(LEVEL_0, `Namespace:\t${d.metadata.namespace ?? ""}\n`);
  w.write(LEVEL_0, `CreationTimestamp:\t${formatRFC1123Z(d.metadata.creationTimestamp)}\n`);
  printLabelsMultiline(w, "Labels", d.metadata.labels);
  printAnnotationsMultiline(w, "Annotations", d.metadata.annotations);
  w.write(LEVEL_0, `Selector:\t${selectorString(d.spec.selector)}\n`);
  w.write(
    LEVEL_0,
    `Replicas:\t${d.spec.replicas ?? 1} desired | ${st.updatedReplicas ?? 0} updated | ${st.replicas ?? 0} total | ${st.availableReplicas ?? 0} available | ${st.unavailableReplicas ?? 0} unavailable\n`,
  );
  w.write(LEVEL_0, `StrategyType:\t${d.spec.strategy?.type ?? ""}\n`);
  w.write(LEVEL_0, `MinReadySeconds:\t${d.spec.minReadySeconds ?? 0}\n`);
  const ru = d.spec.strategy?.rollingUpdate;
  if (ru)
    w.write(
      LEVEL_0,
      `RollingUpdateStrategy:\t${ru.maxUnavailable ?? 0} max unavailable, ${ru.maxSurge ?? 0} max surge\n`,
    );
  describePodTemplate(w, d.spec.template);
  if (st.conditions?.length) {
    w.write(LEVEL_0, "Conditions:\n  Type\tStatus\tReason\n");
    w.write(LEVEL_1, "----\t------\t------\n");
    for (const c of st.conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ""}\n`);
  }
  const newRS = related.newReplicaSet ? [related.newReplicaSet] : [];
  if (related.oldReplicaSets.length > 0 || newRS.length > 0) {
    w.write(LEVEL_0, `OldReplicaSets:\t${replicaSetsByLabels(related.oldReplicaSets)}\n`);
    w.write(LEVEL_0, `NewReplicaSet:\t${replicaSetsByLabels(newRS)}\n`);
  }
  if (related.events) describeEvents(w, related.events, now);
  return w.toString();
}

export interface ControllerRelated {
  /** Pods matching the selector (only those this object controls are counted). */
  pods: readonly Pod[];
  events?: readonly KubeEvent[];
}

export function describeReplicaSet(rs: ReplicaSet, related: ControllerRelated, now: number): string {
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${rs.metadata.name ?? ""}\n`);
  w.write(LEVEL_0, `Namespace:\t${rs.metadata.namespace ?? ""}\n`);
  w.write(LEVEL_0, `Selector:\t${formatLabelSelector(rs.spec.selector)}\n`);
  printLabelsMultiline(w, "Labels", rs.metadata.labels);
  printAnnotationsMultiline(w, "Annotations", rs.metadata.annotations);
  const controlledBy = printController(rs.metadata);
  if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
  w.write(LEVEL_0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec.replicas ?? 1} desired\n`);
  w.write(LEVEL_0, `Pods Status:\t${podStatusCounts(related.pods, rs.metadata.uid)}\n`);
  describePodTemplate(w, rs.spec.template);
  if (related.events) describeEvents(w, related.events, now);
  return w.toString();
}

export function describeDaemonSet(ds: DaemonSet, related: ControllerRelated, now: number): string {
  const w = new DescribeWriter();
  const st = ds.status;
  w.write(LEVEL_0, `Name:\t${ds.metadata.name ?? ""}\n`);
  w.write(LEVEL_0, `Namespace:\t${ds.metadata.namespace ?? ""}\n`);
  w.write(LEVEL_0, `Selector:\t${selectorString(ds.spec.selector)}\n`);
  w.write(LEVEL_0, `Node-Selector:\t${formatLabels(ds.spec.template.spec.nodeSelector)}\n`);
  printLabelsMultiline(w, "Labels", ds.metadata.labels);
  printAnnotationsMultiline(w, "Annotations", ds.metadata.annotations);
  w.write(LEVEL_0, `Desired Number of Nodes Scheduled: ${st?.desiredNumberScheduled ?? 0}\n`);
  w.write(LEVEL_0, `Current Number of Nodes Scheduled: ${st?.currentNumberScheduled ?? 0}\n`);
  w.write(LEVEL_0, `Number of Nodes Scheduled with Up-to-date Pods: ${st?.updatedNumberScheduled ?? 0}\n`);
  w.write(LEVEL_0, `Number of Nodes Scheduled with Available Pods: ${st?.numberAvailable ?? 0}\n`);
  w.write(LEVEL_0, `Number of Nodes Misscheduled: ${st?.numberMisscheduled ?? 0}\n`);
  w.write(LEVEL_0, `Pods Status:\t${podStatusCounts(related.pods, ds.metadata.uid)}\n`);
  describePodTemplate(w, ds.spec.template);
  if (related.events) describeEvents(w, related.events, now);
  return w.toString();
}
