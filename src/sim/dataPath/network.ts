import type { Pod } from "../api/types";
import type { ClusterImpl } from "../cluster";
import type { NodeMachine } from "../nodeMachine";
import type { Process } from "../components/runtime";

/** Where a packet starts: a pod's network namespace on a node, or a machine outside the cluster. */
export interface Origin {
  /** The node whose kernel routes the packet (undefined: outside the cluster). */
  node?: NodeMachine;
  namespace: string;
  podName?: string;
  ip: string;
}

/** The address an outside client has on the nodes' network (the host running the cluster). */
export const OUTSIDE_IP = "192.168.49.1";

/**
 * Can a packet from `from` reach `to`? A stopped machine answers nothing; a partitioned one is
 * cut off from everything but itself (its containers still talk to each other).
 */
export function reachable(from: NodeMachine | undefined, to: NodeMachine): boolean {
  if (to.state === "running") return from === undefined || from.state === "running" || from === to;
  if (to.state === "partitioned") return from === to;
  return false;
}

export function machineByNodeIP(c: ClusterImpl, ip: string): NodeMachine | undefined {
  for (const m of c.machines.values()) if (m.state !== "removed" && m.spec.internalIP === ip) return m;
  return undefined;
}

/** A pod IP lives in the sandbox that holds it, on whichever machine runs that sandbox. */
export function podEndpoint(c: ClusterImpl, ip: string): { machine: NodeMachine; namespace: string; pod: string; podUid: string; sandboxId: string } | undefined {
  for (const m of c.machines.values()) {
    if (m.state === "stopped" || m.state === "removed") continue;
    const sb = m.runtime.runtime.sandboxByIP(ip);
    if (sb) return { machine: m, namespace: sb.config.namespace, pod: sb.config.podName, podUid: sb.config.podUid, sandboxId: sb.id };
  }
  return undefined;
}

/** The running process of the sandbox that listens on `port` (or any running one, to answer "refused"). */
export function listener(m: NodeMachine, podUid: string, sandboxId: string, port: number): Process | undefined {
  const rt = m.runtime.runtime;
  let fallback: Process | undefined;
  for (const info of rt.containersOf(podUid)) {
    if (info.sandboxId !== sandboxId || info.state !== "running") continue;
    const proc = rt.process(info.id);
    if (!proc) continue;
    if (proc.listening(port)) return proc;
    fallback ??= proc;
  }
  return fallback;
}

/** The pod a request is sent from: it must be running on a powered machine. */
export function originOf(c: ClusterImpl, from: { namespace: string; pod: string } | undefined): Origin {
  if (!from) return { namespace: "default", ip: OUTSIDE_IP };
  const pod = c.etcd.store.get(`/registry/pods/${from.namespace}/${from.pod}`)?.value as Pod | undefined;
  if (!pod) throw new Error(`pods "${from.pod}" not found`);
  const machine = pod.spec.nodeName ? c.machines.get(pod.spec.nodeName) : undefined;
  const ip = pod.status?.podIP;
  if (!machine || !ip || machine.state === "stopped" || machine.state === "removed" || !machine.runtime.runtime.sandboxByIP(ip)) {
    throw new Error(`pod ${from.namespace}/${from.pod} is not running`);
  }
  if (pod.spec.hostNetwork) return { node: machine, namespace: from.namespace, podName: from.pod, ip: machine.spec.internalIP };
  return { node: machine, namespace: from.namespace, podName: from.pod, ip };
}
