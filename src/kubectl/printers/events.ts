/** `kubectl get events` (printers.go eventColumnDefinitions, printEvent). */
import type { KubeEvent } from "../../sim/api/types";
import { translateTimestampSince } from "../format";
import type { TableDef } from "./tableDef";

/** formatEventSource: `component, host`, or just the component. */
export function formatEventSource(e: KubeEvent): string {
  const component = e.source?.component || e.reportingComponent || "";
  const host = e.source?.host || e.reportingInstance || "";
  return host ? `${component}, ${host}` : component;
}

export const eventTable: TableDef<KubeEvent> = {
  columns: [
    { name: "Last Seen" },
    { name: "Type" },
    { name: "Reason" },
    { name: "Object" },
    { name: "Subobject", wide: true },
    { name: "Source", wide: true },
    { name: "Message" },
    { name: "First Seen", wide: true },
    { name: "Count", wide: true },
    { name: "Name", wide: true, isName: true },
  ],
  row(e, now) {
    const first = translateTimestampSince(e.firstTimestamp, now);
    const last = e.lastTimestamp ? translateTimestampSince(e.lastTimestamp, now) : first;
    const count = e.count || 1;
    const kind = e.involvedObject.kind.toLowerCase();
    const target = e.involvedObject.name ? `${kind}/${e.involvedObject.name}` : kind;
    return [
      last,
      e.type,
      e.reason,
      target,
      e.involvedObject.fieldPath ?? "",
      formatEventSource(e),
      e.message.trim(),
      first,
      String(count),
      e.metadata.name ?? "",
    ];
  },
};
