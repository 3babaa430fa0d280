import type { KubeObject, Namespace } from "../../../api";
import { keyOf, type ControllerDefinition } from "../framework";
import { NAMESPACED_RESOURCES, namespaceReconciler } from "./namespaceController";

/**
 * Wires the namespace controller: a namespace that starts terminating is enqueued, and so is
 * a terminating namespace each time something in it disappears (it may be empty now).
 */
export const namespaceController: ControllerDefinition = {
  name: "namespace",
  create(setup) {
    const namespaces = setup.informer<Namespace>("namespaces");
    const runner = setup.run(namespaceReconciler, { workers: 10 });
    const check = (ns: Namespace) => {
      if (ns.metadata.deletionTimestamp !== undefined) runner.enqueue(keyOf(ns));
    };
    namespaces.addHandler({ add: check, update: (_o, ns) => check(ns) });
    for (const r of NAMESPACED_RESOURCES) {
      setup.informer<KubeObject>(r).addHandler({
        delete: (o) => {
          const ns = o.metadata.namespace ? namespaces.get(undefined, o.metadata.namespace) : undefined;
          if (ns) check(ns);
        },
      });
    }
  },
};
