import type { DaemonSet, Node, Pod } from "../../../api/types";
import { keyFor, keyOf } from "../framework/keys";
import type { ControllerDefinition } from "../framework/kubeControllerManager";
import { controllerOf } from "../framework/ownerRefs";
import { DaemonSetController } from "./daemonSetController";

/** Node changes that can change where daemon pods belong (heartbeats alone cannot). */
function placementChanged(a: Node, b: Node): boolean {
  return (
    JSON.stringify(a.metadata.labels ?? {}) !== JSON.stringify(b.metadata.labels ?? {}) ||
    JSON.stringify(a.spec.taints ?? []) !== JSON.stringify(b.spec.taints ?? []) ||
    (a.spec.unschedulable ?? false) !== (b.spec.unschedulable ?? false)
  );
}

/** kube-controller-manager's "daemonset" controller. */
export const daemonSetControllerDefinition: ControllerDefinition = {
  name: "daemonset",
  create(setup) {
    const runner = setup.run(new DaemonSetController(), { workers: setup.config.concurrentDaemonSetSyncs ?? 2 });
    const daemonSets = setup.informer<DaemonSet>("daemonsets");
    const pods = setup.informer<Pod>("pods");
    const nodes = setup.informer<Node>("nodes");
    setup.informer("controllerrevisions");

    const ownerKey = (pod: Pod): string | undefined => {
      const ref = controllerOf(pod);
      return ref?.kind === "DaemonSet" ? keyFor(pod.metadata.namespace, ref.name) : undefined;
    };
    const enqueueAll = () => {
      for (const ds of daemonSets.list()) runner.enqueue(keyOf(ds));
    };

    daemonSets.addHandler({
      add: (ds) => runner.enqueue(keyOf(ds)),
      update: (_, ds) => runner.enqueue(keyOf(ds)),
      delete: (ds) => {
        runner.expectations.delete(keyOf(ds));
      },
    });
    pods.addHandler({
      add: (pod) => {
        const key = ownerKey(pod);
        if (!key) return;
        runner.expectations.creationObserved(key);
        runner.enqueue(key);
      },
      update: (old, pod) => {
        const key = ownerKey(pod);
        if (!key) return;
        if (!old.metadata.deletionTimestamp && pod.metadata.deletionTimestamp) runner.expectations.deletionObserved(key, keyOf(pod));
        runner.enqueue(key);
      },
      delete: (pod) => {
        const key = ownerKey(pod);
        if (!key) return;
        runner.expectations.deletionObserved(key, keyOf(pod));
        runner.enqueue(key);
      },
    });
    nodes.addHandler({
      add: enqueueAll,
      update: (old, node) => {
        if (placementChanged(old, node)) enqueueAll();
      },
      delete: enqueueAll,
    });
  },
};
