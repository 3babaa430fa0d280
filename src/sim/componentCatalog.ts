import type { ComponentInfo } from "./clusterTypes";
import { CLOUD, CONTROL_PLANE_COMPONENTS, controlPlaneComponent, KUBECTL, nodeComponents, REGISTRY } from "./clusterPlan";
import type { NodeMachine } from "./nodeMachine";

/** A process that a fault can stop and start. */
export interface Process {
  readonly id: string;
  readonly running: boolean;
  start(): void;
  stop(): void;
}

export { CONTROL_PLANE_COMPONENTS };

/** Every box of the architecture diagram, with its running state (the plan's boxes, live). */
export function describeComponents(processes: Map<string, Process>, machines: NodeMachine[]): ComponentInfo[] {
  const out: ComponentInfo[] = [KUBECTL];
  for (const name of CONTROL_PLANE_COMPONENTS) out.push(controlPlaneComponent(name, processes.get(name)?.running ?? false));
  for (const m of machines) {
    if (m.state === "removed") continue;
    const up = m.state !== "stopped";
    out.push(...nodeComponents(m.name, { kubelet: up && m.kubelet.running, runtime: up, proxy: up && m.proxy.running }));
  }
  out.push(REGISTRY, CLOUD);
  return out;
}
