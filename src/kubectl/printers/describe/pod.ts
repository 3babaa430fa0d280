/** `kubectl describe pod` (describe.go describePod). */
import type { KubeEvent, Pod } from "../../../sim/api/types";
import { formatRFC1123Z, parseQuantityValue, translateTimestampSince } from "../../format";
import {
  describeContainers,
  describeTopologySpreadConstraints,
  describeVolumes,
  type Volume,
} from "./containers";
import { DescribeWriter, LEVEL_0, LEVEL_1 } from "./describeWriter";
import {
  describeEvents,
  printAnnotationsMultiline,
  printController,
  printLabelsMultiline,
  printTolerationsMultiline,
} from "./fields";

/** qos.GetPodQOS: status.qosClass when set, else computed from cpu/memory requests and limits. */
export function podQOS(pod: Pod): string {
  if (pod.status?.qosClass) return pod.status.qosClass;
  let any = false;
  let guaranteed = true;
  for (const c of [...pod.spec.containers, ...(pod.spec.initContainers ?? [])]) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    for (const r of ["cpu", "memory"]) {
      if (req[r] !== undefined || lim[r] !== undefined) any = true;
      if (lim[r] === undefined) guaranteed = false;
      else if (req[r] !== undefined && parseQuantityValue(req[r]) !== parseQuantityValue(lim[r]))
        guaranteed = false;
    }
  }
  if (!any) return "BestEffort";
  return guaranteed ? "Guaranteed" : "Burstable";
}

/** `events` undefined omits the Events section (--show-events=false). */
export function describePod(pod: Pod, events: readonly KubeEvent[] | undefined, now: number): string {
  const w = new DescribeWriter();
  const m = pod.metadata;
  const st = pod.status ?? {};
  w.write(LEVEL_0, `Name:\t${m.name ?? ""}\n`);
  w.write(LEVEL_0, `Namespace:\t${m.namespace ?? ""}\n`);
  if (pod.spec.priority !== undefined) w.write(LEVEL_0, `Priority:\t${pod.spec.priority}\n`);
  const priorityClassName = (pod.spec as { priorityClassName?: string }).priorityClassName;
  if (priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${priorityClassName}\n`);
  if (pod.spec.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${pod.spec.serviceAccountName}\n`);
  w.write(
    LEVEL_0,
    pod.spec.nodeName ? `Node:\t${pod.spec.nodeName}/${st.hostIP ?? ""}\n` : "Node:\t<none>\n",
  );
  if (st.startTime) w.write(LEVEL_0, `Start Time:\t${formatRFC1123Z(st.startTime)}\n`);
  printLabelsMultiline(w, "Labels", m.labels);
  printAnnotationsMultiline(w, "Annotations", m.annotations);
  if (m.deletionTimestamp && st.phase !== "Failed" && st.phase !== "Succeeded") {
    w.write(LEVEL_0, `Status:\tTerminating (lasts ${translateTimestampSince(m.deletionTimestamp, now)})\n`);
    w.write(
      LEVEL_0,
      `Termination Grace Period:\t${m.deletionGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30}s\n`,
    );
  } else {
    w.write(LEVEL_0, `Status:\t${st.phase ?? ""}\n`);
  }
  if (st.reason) w.write(LEVEL_0, `Reason:\t${st.reason}\n`);
  if (st.message) w.write(LEVEL_0, `Message:\t${st.message}\n`);
  w.write(LEVEL_0, `IP:\t${st.podIP ?? ""}\n`);
  const ips = st.podIPs ?? (st.podIP ? [{ ip: st.podIP }] : []);
  if (ips.length === 0) w.write(LEVEL_0, "IPs:\t<none>\n");
  else {
    w.write(LEVEL_0, "IPs:\n");
    for (const ip of ips) w.write(LEVEL_1, `IP:\t${ip.ip}\n`);
  }
  const controlledBy = printController(m);
  if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
  if (st.nominatedNodeName) w.write(LEVEL_0, `NominatedNodeName:\t${st.nominatedNodeName}\n`);
  if (pod.spec.initContainers?.length)
    describeContainers(w, "Init Containers", pod.spec.initContainers, st.initContainerStatuses ?? [], "");
  describeContainers(w, "Containers", pod.spec.containers, st.containerStatuses ?? [], "");
  if (st.conditions?.length) {
    w.write(LEVEL_0, "Conditions:\n  Type\tStatus\n");
    for (const c of st.conditions) w.write(LEVEL_1, `${c.type} \t${c.status} \n`);
  }
  describeVolumes(w, (pod.spec as { volumes?: Volume[] }).volumes, "");
  w.write(LEVEL_0, `QoS Class:\t${podQOS(pod)}\n`);
  printLabelsMultiline(w, "Node-Selectors", pod.spec.nodeSelector);
  printTolerationsMultiline(w, "Tolerations", pod.spec.tolerations);
  describeTopologySpreadConstraints(w, pod.spec.topologySpreadConstraints, "");
  if (events) describeEvents(w, events, now);
  return w.toString();
}
