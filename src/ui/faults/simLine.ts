import type { Fault } from "../../sim/clusterTypes";

/** The `sim …` line that makes the same fault, as a shared link replays it. */
export function simLineFor(fault: Fault): string {
  switch (fault.type) {
    case "node-stop":
    case "node-start":
    case "node-partition":
    case "node-heal":
    case "node-remove":
      return `sim node ${fault.type.slice(5)} ${fault.node}`;
    case "node-add":
      return fault.node ? `sim node add ${fault.node}` : "sim node add";
    case "component-stop":
    case "component-start":
      return `sim component ${fault.type.slice(10)} ${fault.component}`;
    case "pod-crash":
      return `sim pod crash -n ${fault.namespace} ${fault.name}`;
  }
}
