import type { KubeEvent, KubeObject, Namespace } from "../../../api";
import { NOTHING, type Plan, type PlannedCall, type ReconcileContext, type Reconciler } from "../framework";

/** The namespaced resources the controller empties (and watches to know when they are gone). */
export const NAMESPACED_RESOURCES = [
  "deployments",
  "daemonsets",
  "replicasets",
  "controllerrevisions",
  "pods",
  "services",
  "endpointslices",
  "poddisruptionbudgets",
  "configmaps",
  "secrets",
  "serviceaccounts",
  "leases",
] as const;

export const KUBERNETES_FINALIZER = "kubernetes";

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/**
 * The namespace controller (NamespacedResourcesDeleter): for a Terminating namespace, delete
 * everything in it; once nothing is left, remove the `kubernetes` finalizer through the
 * finalize subresource and kube-apiserver deletes the namespace. Key: the namespace name.
 */
export function syncNamespace(key: string, ctx: ReconcileContext): Plan {
  const ns = ctx.lister<Namespace>("namespaces").get(undefined, key);
  if (!ns || ns.metadata.deletionTimestamp === undefined) return NOTHING;
  const finalizers = ns.spec?.finalizers ?? [];
  if (!finalizers.includes(KUBERNETES_FINALIZER)) return NOTHING;

  const remaining: { resource: string; obj: KubeObject }[] = [];
  for (const resource of NAMESPACED_RESOURCES) for (const obj of ctx.lister(resource).list(key)) remaining.push({ resource, obj });

  if (remaining.length === 0) {
    const rest = finalizers.filter((f) => f !== KUBERNETES_FINALIZER);
    return {
      calls: [
        {
          request: { verb: "update", resource: "namespaces", name: key, subresource: "finalize", resourceVersion: ns.metadata.resourceVersion, body: { ...ns, spec: { ...ns.spec, finalizers: rest } } },
          why: `Namespace ${key} is empty now, so the namespace controller removes its "kubernetes" finalizer and kube-apiserver deletes the namespace.`,
          okStatuses: [404],
        },
      ],
    };
  }

  const toDelete = remaining.filter(({ obj }) => obj.metadata.deletionTimestamp === undefined);
  const counts = new Map<string, number>();
  for (const { obj } of toDelete) counts.set(obj.kind, (counts.get(obj.kind) ?? 0) + 1);
  const what = [...counts].map(([kind, n]) => plural(n, kind)).join(", ");
  const why = `Namespace ${key} is being deleted, so the namespace controller deletes everything in it (${what}).`;
  const calls: PlannedCall[] = toDelete.map(({ resource, obj }) => ({
    request: { verb: "delete", resource, namespace: key, name: obj.metadata.name },
    why,
    okStatuses: [404, 409],
  }));
  if (calls.length > 0) calls.push(deleteEvents(key));
  return { calls, execution: "concurrent" };
}

/** Events are not watched (there are too many): list them once and delete what comes back. */
function deleteEvents(namespace: string): PlannedCall {
  return {
    request: { verb: "list", resource: "events", namespace },
    why: `The namespace controller also lists the events of ${namespace} to delete them.`,
    bestEffort: true,
    followUp: (res) =>
      (res.ok ? ((res.items ?? []) as KubeEvent[]) : []).map((e) => ({
        request: { verb: "delete" as const, resource: "events", namespace, name: e.metadata.name },
        why: `The namespace controller deletes event ${e.metadata.name}.`,
      })),
  };
}

export const namespaceReconciler: Reconciler = { name: "namespace-controller", sync: syncNamespace };
