import type { Namespace, ServiceAccount } from "../../../api";
import { NOTHING, type Plan, type ReconcileContext, type Reconciler } from "../framework";

/** The ServiceAccounts every namespace gets (--service-account… defaults: just `default`). */
export const DEFAULT_SERVICE_ACCOUNTS = ["default"] as const;

export function isActive(ns: Namespace | undefined): ns is Namespace {
  return ns !== undefined && ns.metadata.deletionTimestamp === undefined && ns.status?.phase !== "Terminating";
}

/** serviceaccounts-controller: make sure each active namespace has its `default` ServiceAccount. Key: the namespace name. */
export function syncServiceAccounts(key: string, ctx: ReconcileContext): Plan {
  const ns = ctx.lister<Namespace>("namespaces").get(undefined, key);
  if (!isActive(ns)) return NOTHING;
  const accounts = ctx.lister<ServiceAccount>("serviceaccounts");
  const calls = DEFAULT_SERVICE_ACCOUNTS.filter((name) => !accounts.get(key, name)).map((name) => {
    const sa: ServiceAccount = { apiVersion: "v1", kind: "ServiceAccount", metadata: { name, namespace: key } };
    return {
      request: { verb: "create" as const, resource: "serviceaccounts", namespace: key, body: sa },
      why: `The ServiceAccount controller saw namespace ${key} has no "${name}" ServiceAccount, so it asks kube-apiserver to create one: pods that name no ServiceAccount run as it.`,
      okStatuses: [409],
    };
  });
  return { calls };
}

export const serviceAccountReconciler: Reconciler = { name: "service-account-controller", sync: syncServiceAccounts };
