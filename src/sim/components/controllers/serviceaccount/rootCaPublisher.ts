import type { ConfigMap, Namespace } from "../../../api";
import { NOTHING, type Plan, type ReconcileContext, type Reconciler } from "../framework";
import { isActive } from "./serviceAccountController";

export const ROOT_CA_CONFIGMAP = "kube-root-ca.crt";
const DESCRIPTION =
  "Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.";

/** The simulated cluster CA (a stand-in certificate: nothing in the simulation verifies it). */
export const CLUSTER_CA_PEM = [
  "-----BEGIN CERTIFICATE-----",
  "MIIDBTCCAe2gAwIBAgIIKubeGlassMA0GCSqGSIb3DQEBCwUAMBUxEzARBgNVBAMT",
  "Cmt1YmVybmV0ZXMwHhcNMjYwMTAxMDkwMDAwWhcNMzYwMTAxMDkwMDAwWjAVMRMw",
  "EQYDVQQDEwprdWJlcm5ldGVzMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKC",
  "-----END CERTIFICATE-----",
  "",
].join("\n");

/** root-ca-certificate-publisher: a `kube-root-ca.crt` ConfigMap in every active namespace. */
export function syncRootCa(key: string, ctx: ReconcileContext): Plan {
  const ns = ctx.lister<Namespace>("namespaces").get(undefined, key);
  if (!isActive(ns)) return NOTHING;
  const cm = ctx.lister<ConfigMap>("configmaps").get(key, ROOT_CA_CONFIGMAP);
  if (cm && cm.data?.["ca.crt"] === CLUSTER_CA_PEM) return NOTHING;
  const body: ConfigMap = {
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: { name: ROOT_CA_CONFIGMAP, namespace: key, annotations: { "kubernetes.io/description": DESCRIPTION } },
    data: { "ca.crt": CLUSTER_CA_PEM },
  };
  return {
    calls: [
      cm
        ? {
            request: { verb: "update", resource: "configmaps", namespace: key, name: ROOT_CA_CONFIGMAP, resourceVersion: cm.metadata.resourceVersion, body: { ...cm, data: body.data } },
            why: `The root CA publisher puts the cluster's CA certificate back into ConfigMap ${ROOT_CA_CONFIGMAP} in namespace ${key}.`,
          }
        : {
            request: { verb: "create", resource: "configmaps", namespace: key, body },
            why: `The root CA publisher saw namespace ${key} has no ${ROOT_CA_CONFIGMAP} ConfigMap, so it creates one holding the cluster's CA certificate, which pods use to trust kube-apiserver.`,
            okStatuses: [409],
          },
    ],
  };
}

export const rootCaPublisherReconciler: Reconciler = { name: "root-ca-certificate-publisher", sync: syncRootCa };
