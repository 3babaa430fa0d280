import type { KubeObject } from "../../../api";
import type { ControllerDefinition, Informer, Lister } from "../framework";
import { garbageCollectorReconciler } from "./garbageCollector";
import { FOREGROUND, GC_RESOURCES, gcKey, ORPHAN, OWNER_INDEX, ownerState, ownerUids, resourceOfKind } from "./ownerGraph";

function hasGcFinalizer(o: KubeObject): boolean {
  const f = o.metadata.finalizers;
  return o.metadata.deletionTimestamp !== undefined && f !== undefined && (f.includes(FOREGROUND) || f.includes(ORPHAN));
}

/**
 * The garbage collector's graph builder: it watches every owning/owned resource (indexing
 * objects by owner uid) and enqueues only what may need work: objects whose owner is gone or
 * deleting in the foreground, owners with a foregroundDeletion/orphan finalizer, and the
 * dependents of anything deleted.
 */
export const garbageCollectorController: ControllerDefinition = {
  name: "garbage-collector",
  create(setup) {
    const informers = new Map<string, Informer<KubeObject>>();
    for (const r of GC_RESOURCES) {
      const inf = setup.informer<KubeObject>(r);
      inf.addIndex(OWNER_INDEX, ownerUids, (o) => o.metadata.ownerReferences);
      informers.set(r, inf);
    }
    const lister = (r: string): Lister<KubeObject> => informers.get(r)!;
    const runner = setup.run(garbageCollectorReconciler, { workers: 20 });

    const ownersNotSolid = (o: KubeObject) =>
      (o.metadata.ownerReferences ?? []).some((ref) => {
        const s = ownerState(ref, o.metadata.namespace, lister);
        return s === "dangling" || s === "waiting";
      });

    for (const [resource, inf] of informers) {
      const check = (o: KubeObject) => {
        if (hasGcFinalizer(o) || ownersNotSolid(o)) runner.enqueue(gcKey(resource, o));
      };
      inf.addHandler({
        add: check,
        update: (_old, o) => check(o),
        delete: (o) => {
          const uid = o.metadata.uid;
          if (uid) for (const [r, i] of informers) for (const dep of i.byIndex(OWNER_INDEX, uid)) runner.enqueue(gcKey(r, dep));
          // An owner deleting in the foreground waits for this dependent: look at it again.
          for (const ref of o.metadata.ownerReferences ?? []) {
            const r = resourceOfKind(ref.kind);
            const owner = r ? informers.get(r)?.get(ref.kind === "Node" ? undefined : o.metadata.namespace, ref.name) : undefined;
            if (r && owner && owner.metadata.uid === ref.uid && hasGcFinalizer(owner)) runner.enqueue(gcKey(r, owner));
          }
        },
      });
    }
  },
};
