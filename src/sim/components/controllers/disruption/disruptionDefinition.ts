import type { Pod } from "../../../api/types";
import { keyOf } from "../framework/keys";
import type { ControllerDefinition } from "../framework/kubeControllerManager";
import { selectorMatches } from "../framework/labelSelector";
import { DisruptionController } from "./disruptionController";
import type { Pdb } from "./disruptionBudget";

/** kube-controller-manager's "disruption" controller. */
export const disruptionControllerDefinition: ControllerDefinition = {
  name: "disruption",
  create(setup) {
    const runner = setup.run(new DisruptionController());
    const pdbs = setup.informer<Pdb>("poddisruptionbudgets");
    const pods = setup.informer<Pod>("pods");
    setup.informer("replicasets");
    setup.informer("deployments");
    const enqueueFor = (pod: Pod) => {
      for (const pdb of pdbs.list(pod.metadata.namespace)) if (selectorMatches(pdb.spec.selector, pod.metadata.labels)) runner.enqueue(keyOf(pdb));
    };
    pdbs.addHandler({ add: (p) => runner.enqueue(keyOf(p)), update: (_, p) => runner.enqueue(keyOf(p)) });
    pods.addHandler({
      add: enqueueFor,
      update: (old, pod) => {
        enqueueFor(pod);
        if (old.metadata.labels !== pod.metadata.labels && JSON.stringify(old.metadata.labels ?? {}) !== JSON.stringify(pod.metadata.labels ?? {})) enqueueFor(old);
      },
      delete: enqueueFor,
    });
  },
};
