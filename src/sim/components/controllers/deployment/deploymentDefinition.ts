import type { Deployment, KubeObject, Pod, ReplicaSet } from "../../../api";
import { controllerOf, keyOf, type ControllerDefinition, type Informer } from "../framework";
import { deploymentReconciler } from "./deploymentController";

/** The key of the `kind` owner that controls `obj`, if it still exists with the same uid. */
function ownerKey<T extends KubeObject>(obj: KubeObject, kind: string, owners: Informer<T>): string | undefined {
  const ref = controllerOf(obj);
  if (!ref || ref.kind !== kind) return undefined;
  const owner = owners.get(obj.metadata.namespace, ref.name);
  return owner && owner.metadata.uid === ref.uid ? keyOf(owner) : undefined;
}

/**
 * Wires the Deployment controller: Deployment changes enqueue it; ReplicaSet changes enqueue
 * the owning Deployment; a deleted pod wakes a Recreate Deployment waiting for old pods to go.
 */
export const deploymentController: ControllerDefinition = {
  name: "deployment",
  create(setup) {
    const deployments = setup.informer<Deployment>("deployments");
    const replicaSets = setup.informer<ReplicaSet>("replicasets");
    const pods = setup.informer<Pod>("pods");
    const runner = setup.run(deploymentReconciler, { workers: 5 });

    deployments.addHandler({
      add: (d) => runner.enqueue(keyOf(d)),
      update: (_o, d) => runner.enqueue(keyOf(d)),
      delete: (d) => runner.enqueue(keyOf(d)),
    });
    const rsChanged = (rs: ReplicaSet) => {
      const key = ownerKey(rs, "Deployment", deployments);
      if (key) runner.enqueue(key);
    };
    replicaSets.addHandler({
      add: rsChanged,
      update: (old, rs) => {
        const oldKey = ownerKey(old, "Deployment", deployments);
        const key = ownerKey(rs, "Deployment", deployments);
        if (oldKey && oldKey !== key) runner.enqueue(oldKey);
        if (key) runner.enqueue(key);
      },
      delete: rsChanged,
    });
    pods.addHandler({
      delete: (pod) => {
        const ref = controllerOf(pod);
        if (!ref || ref.kind !== "ReplicaSet") return;
        const rs = replicaSets.get(pod.metadata.namespace, ref.name);
        if (!rs) return;
        const key = ownerKey(rs, "Deployment", deployments);
        const d = key ? deployments.get(rs.metadata.namespace, controllerOf(rs)!.name) : undefined;
        if (key && d?.spec.strategy?.type === "Recreate") runner.enqueue(key);
      },
    });
  },
};
