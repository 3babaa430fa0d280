import type { OwnerReference, Pod, ReplicaSet } from "../../../api";
import { controllerOf, keyFor, keyOf, podReadySince, type ControllerDefinition, type ControllerRunner, type Informer } from "../framework";
import { ReplicaSetReconciler } from "./replicaSetController";

/** The ReplicaSet a pod's controller reference points at (same uid), if it still exists. */
function ownerKey(pod: Pod, rsInformer: Informer<ReplicaSet>): string | undefined {
  const ref = controllerOf(pod);
  if (!ref || ref.kind !== "ReplicaSet") return undefined;
  const rs = rsInformer.get(pod.metadata.namespace, ref.name);
  if (!rs || rs.metadata.uid !== ref.uid) return undefined;
  return keyOf(rs);
}

function sameLabels(a: Pod["metadata"]["labels"], b: Pod["metadata"]["labels"]): boolean {
  if (a === b) return true;
  const ka = Object.keys(a ?? {});
  if (ka.length !== Object.keys(b ?? {}).length) return false;
  return ka.every((k) => a?.[k] === b?.[k]);
}

/**
 * Whether a pod update can change what its ReplicaSet counts (labels, phase, readiness and since
 * when). The real controller requeues on every update; skipping the rest (image pulls, container
 * states) changes no outcome and saves most syncs in a large cluster.
 */
function mattersToReplicaSet(old: Pod, pod: Pod): boolean {
  // podReadySince is undefined exactly when the pod is not ready, so it covers readiness too.
  return old.status?.phase !== pod.status?.phase || podReadySince(old) !== podReadySince(pod) || !sameLabels(old.metadata.labels, pod.metadata.labels);
}

/** Whether two controller references name the same owner (so they resolve to the same ReplicaSet). */
function sameRef(a: OwnerReference | undefined, b: OwnerReference | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.kind === b.kind && a.name === b.name && a.uid === b.uid);
}

function podKey(pod: Pod): string {
  return keyFor(pod.metadata.namespace, pod.metadata.name ?? "");
}

/**
 * Wires the ReplicaSet controller to its informers like the real one: ReplicaSet changes
 * enqueue the ReplicaSet; pod adds and deletes lower its expectations and enqueue the owner.
 */
export const replicaSetController: ControllerDefinition = {
  name: "replicaset",
  create(setup) {
    const replicaSets = setup.informer<ReplicaSet>("replicasets");
    const pods = setup.informer<Pod>("pods");
    const runner: ControllerRunner = setup.run(new ReplicaSetReconciler(), { workers: 5 });

    replicaSets.addHandler({
      add: (rs) => runner.enqueue(keyOf(rs)),
      update: (_old, rs) => runner.enqueue(keyOf(rs)),
      delete: (rs) => {
        runner.expectations.delete(keyOf(rs));
        runner.enqueue(keyOf(rs));
      },
    });

    const podGone = (pod: Pod) => {
      const key = ownerKey(pod, replicaSets);
      if (!key) return;
      runner.expectations.deletionObserved(key, podKey(pod));
      runner.enqueue(key);
    };

    pods.addHandler({
      add: (pod) => {
        if (pod.metadata.deletionTimestamp !== undefined) return podGone(pod);
        const key = ownerKey(pod, replicaSets);
        if (!key) return;
        runner.expectations.creationObserved(key);
        runner.enqueue(key);
      },
      update: (old, pod) => {
        if (pod.metadata.deletionTimestamp !== undefined && old.metadata.deletionTimestamp === undefined) return podGone(pod);
        const ref = controllerOf(pod);
        if (sameRef(controllerOf(old), ref)) {
          // The same owner before and after: only a change it counts wakes it (most updates are not).
          if (!ref || !mattersToReplicaSet(old, pod)) return;
          const key = ownerKey(pod, replicaSets);
          if (key) runner.enqueue(key);
          return;
        }
        const oldKey = ownerKey(old, replicaSets);
        const key = ownerKey(pod, replicaSets);
        if (oldKey && oldKey !== key) runner.enqueue(oldKey);
        if (key && (key !== oldKey || mattersToReplicaSet(old, pod))) runner.enqueue(key);
      },
      delete: podGone,
    });
  },
};
