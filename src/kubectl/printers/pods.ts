/** `kubectl get pods` columns (printers.go podColumnDefinitions, printPod). */
import type { Pod } from "../../sim/api/types";
import { translateTimestampSince } from "../format";
import { summarizePod } from "./podStatus";
import { AGE, NAME, type TableDef } from "./tableDef";

interface ReadinessGate {
  conditionType: string;
}

export const podTable: TableDef<Pod> = {
  columns: [
    NAME,
    { name: "Ready" },
    { name: "Status" },
    { name: "Restarts" },
    AGE,
    { name: "IP", wide: true },
    { name: "Node", wide: true },
    { name: "Nominated Node", wide: true },
    { name: "Readiness Gates", wide: true },
  ],
  row(pod, now) {
    const s = summarizePod(pod, now);
    const status = pod.status ?? {};
    // printPod reads PodIPs[0]; fall back to podIP for objects that only carry the singular field
    const podIP = status.podIPs?.[0]?.ip || status.podIP || "<none>";
    const gates = (pod.spec as { readinessGates?: ReadinessGate[] }).readinessGates ?? [];
    let readinessGates = "<none>";
    if (gates.length > 0) {
      let trueConditions = 0;
      for (const g of gates) {
        const c = (status.conditions ?? []).find((x) => (x.type as string) === g.conditionType);
        if (c?.status === "True") trueConditions++;
      }
      readinessGates = `${trueConditions}/${gates.length}`;
    }
    return [
      pod.metadata.name ?? "",
      s.ready,
      s.status,
      s.restarts,
      translateTimestampSince(pod.metadata.creationTimestamp, now),
      podIP,
      pod.spec.nodeName || "<none>",
      status.nominatedNodeName || "<none>",
      readinessGates,
    ];
  },
};
