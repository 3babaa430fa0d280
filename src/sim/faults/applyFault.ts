import type { Fault } from "../clusterTypes";
import { CONTROL_PLANE_COMPONENTS } from "../componentCatalog";
import type { ClusterImpl } from "../cluster";

/**
 * Breaks (or repairs) the cluster on purpose. Each fault is a trace event the diagram shows;
 * everything that follows (NotReady, evictions, replacements) is the cluster's own doing.
 * Throws an Error with a user-facing message for an impossible request.
 */
export function applyFault(c: ClusterImpl, fault: Fault): string {
  const note = (target: string, verb: string, narration: string) =>
    c.kernel.note(() => ({ from: target, to: target, kind: "fault", verb, summary: `${verb} ${target}`, narration }));
  const machine = (name: string) => {
    const m = c.machines.get(name);
    if (!m || m.state === "removed") throw new Error(`node "${name}" not found`);
    return m;
  };
  switch (fault.type) {
    case "node-stop": {
      const m = machine(fault.node);
      if (m.state === "stopped") return `node ${fault.node} is already stopped`;
      m.powerOff();
      note(m.kubelet.id, "stop", `${fault.node} lost power: its kubelet, kube-proxy and containers are gone, and it stops renewing its Lease.`);
      return `node ${fault.node} stopped`;
    }
    case "node-start": {
      const m = machine(fault.node);
      if (m.state === "running") return `node ${fault.node} is already running`;
      if (m.state === "partitioned") m.heal();
      else m.powerOn();
      note(m.kubelet.id, "start", `${fault.node} boots: its kubelet registers again, renews its Lease and reconciles the pods bound to it.`);
      return `node ${fault.node} started`;
    }
    case "node-partition": {
      const m = machine(fault.node);
      if (m.state !== "running") throw new Error(`node ${fault.node} is not running`);
      m.partition();
      note(m.kubelet.id, "partition", `${fault.node} is cut off from the control plane: its containers keep running, but its heartbeats no longer arrive.`);
      return `node ${fault.node} partitioned`;
    }
    case "node-heal": {
      const m = machine(fault.node);
      if (m.state !== "partitioned") throw new Error(`node ${fault.node} is not partitioned`);
      m.heal();
      note(m.kubelet.id, "heal", `The network to ${fault.node} is back: its kubelet reaches kube-apiserver again and re-lists its pods.`);
      return `node ${fault.node} healed`;
    }
    case "node-remove": {
      const m = machine(fault.node);
      if (m.state !== "stopped") m.powerOff();
      m.state = "removed";
      c.cloud.removeInstance(fault.node);
      note(m.kubelet.id, "remove", `The machine ${fault.node} is deleted from the cloud; cloud-controller-manager will notice and delete its Node object.`);
      return `node ${fault.node} removed`;
    }
    case "node-add": {
      const m = c.addWorker(undefined, fault.node);
      note(m.kubelet.id, "add", `A new machine ${m.name} joins the cluster: its kubelet registers the Node and starts renewing its Lease.`);
      return `node ${m.name} added`;
    }
    case "component-stop":
    case "component-start": {
      const name = fault.component;
      const p = c.processes.get(name);
      if (!p) throw new Error(`unknown component "${name}": expected one of ${CONTROL_PLANE_COMPONENTS.join(", ")}`);
      const stop = fault.type === "component-stop";
      if (stop === !p.running) return `${name} is already ${stop ? "stopped" : "running"}`;
      if (stop) p.stop();
      else p.start();
      note(name, stop ? "stop" : "start", stop ? STOPPED[name] : `${name} is running again; it re-lists what it watches and catches up.`);
      return `${name} ${stop ? "stopped" : "started"}`;
    }
    case "pod-crash": {
      const crashed = c.crashPod(fault.namespace, fault.name);
      note(crashed.component, "crash", `The main process of pod ${fault.namespace}/${fault.name} crashed; its kubelet will restart it according to restartPolicy.`);
      return `pod ${fault.namespace}/${fault.name} crashed`;
    }
  }
}

const STOPPED: Record<string, string> = {
  "kube-apiserver": "kube-apiserver is down: every client call is refused, watches break, but kubelets keep their pods running.",
  etcd: "etcd is down: kube-apiserver can neither read nor write cluster state, but nothing stored is lost.",
  "kube-scheduler": "kube-scheduler is down: new pods are stored but stay Pending with no node.",
  "kube-controller-manager": "kube-controller-manager is down: Deployments and ReplicaSets are stored, but no controller creates, replaces or evicts pods.",
  "cloud-controller-manager": "cloud-controller-manager is down: no load balancers are provisioned and vanished machines are not cleaned up.",
  coredns: "CoreDNS is down: pods can no longer resolve Service names.",
};
