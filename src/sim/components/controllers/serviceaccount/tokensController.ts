import type { Secret } from "../../../api";
import { NOTHING, splitKey, type Plan, type ReconcileContext, type Reconciler } from "../framework";
import { CLUSTER_CA_PEM } from "./rootCaPublisher";

export const SA_TOKEN_TYPE = "kubernetes.io/service-account-token";
export const SA_NAME_ANNOTATION = "kubernetes.io/service-account.name";
const TOKEN_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/**
 * tokens-controller: since v1.24 no token Secrets are made automatically, but a Secret of type
 * `kubernetes.io/service-account-token` created by hand is filled with a token, the CA and the
 * namespace. Key: the Secret's `namespace/name`.
 */
export function syncToken(key: string, ctx: ReconcileContext): Plan {
  const { namespace, name } = splitKey(key);
  const secret = ctx.lister<Secret>("secrets").get(namespace, name);
  if (!secret || secret.type !== SA_TOKEN_TYPE || secret.data?.token) return NOTHING;
  const sa = secret.metadata.annotations?.[SA_NAME_ANNOTATION];
  if (!sa || !ctx.lister("serviceaccounts").get(namespace, sa)) return NOTHING;
  const jwt = `eyJhbGciOiJSUzI1NiJ9.${ctx.rng.string(TOKEN_ALPHABET, 120)}.${ctx.rng.string(TOKEN_ALPHABET, 86)}`;
  const data = { "ca.crt": btoa(CLUSTER_CA_PEM), namespace: btoa(namespace ?? ""), token: btoa(jwt) };
  return {
    calls: [
      {
        request: { verb: "update", resource: "secrets", namespace, name, resourceVersion: secret.metadata.resourceVersion, body: { ...secret, data: { ...(secret.data ?? {}), ...data } } },
        why: `The token controller fills Secret ${name} with a token for ServiceAccount ${sa}, the cluster CA and the namespace.`,
      },
    ],
  };
}

export const tokensReconciler: Reconciler = { name: "tokens-controller", sync: syncToken };
