import type { Node, Pod } from "../../../api/types";
import { keyOf } from "../framework/keys";
import type { ControllerDefinition } from "../framework/kubeControllerManager";
import { TaintEvictionController } from "./taintEvictionController";
import { noExecuteTaints } from "./tolerations";

const noExecuteOf = (n: Node) => JSON.stringify(noExecuteTaints(n.spec.taints).map((t) => [t.key, t.value ?? "", t.effect]));

/** kube-controller-manager's "taint-eviction-controller". */
export const taintEvictionControllerDefinition: ControllerDefinition = {
  name: "taint-eviction-controller",
  create(setup) {
    const runner = setup.run(new TaintEvictionController(), { workers: 8 });
    const pods = setup.informer<Pod>("pods");
    const nodes = setup.informer<Node>("nodes");
    const enqueueNodePods = (n: Node) => {
      for (const p of pods.byIndex("nodeName", n.metadata.name ?? "")) runner.enqueue(keyOf(p));
    };
    pods.addHandler({
      add: (p) => {
        if (p.spec.nodeName) runner.enqueue(keyOf(p));
      },
      update: (old, p) => {
        const tolerationsChanged = old.spec.tolerations !== p.spec.tolerations && JSON.stringify(old.spec.tolerations ?? []) !== JSON.stringify(p.spec.tolerations ?? []);
        if (old.spec.nodeName !== p.spec.nodeName || tolerationsChanged) runner.enqueue(keyOf(p));
      },
      delete: (p) => runner.enqueue(keyOf(p)),
    });
    nodes.addHandler({
      add: (n) => {
        if (noExecuteTaints(n.spec.taints).length > 0) enqueueNodePods(n);
      },
      update: (old, n) => {
        if (noExecuteOf(old) !== noExecuteOf(n)) enqueueNodePods(n);
      },
      delete: enqueueNodePods,
    });
  },
};
