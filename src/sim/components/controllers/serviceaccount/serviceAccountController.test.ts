import { describe, expect, it } from "vitest";
import type { ConfigMap, KubeObject, Namespace, Secret, ServiceAccount } from "../../../api";
import { toTimestamp } from "../../../runtime";
import { testContext } from "../framework";
import { syncRootCa, ROOT_CA_CONFIGMAP, CLUSTER_CA_PEM } from "./rootCaPublisher";
import { syncServiceAccounts } from "./serviceAccountController";
import { syncToken } from "./tokensController";

const ns = (name: string, terminating = false): Namespace => ({
  apiVersion: "v1",
  kind: "Namespace",
  metadata: { name, uid: `ns-${name}`, ...(terminating ? { deletionTimestamp: toTimestamp(0) } : {}) },
  spec: { finalizers: ["kubernetes"] },
  status: { phase: terminating ? "Terminating" : "Active" },
});
const sa = (namespace: string, name = "default"): ServiceAccount => ({ apiVersion: "v1", kind: "ServiceAccount", metadata: { name, namespace } });

describe("ServiceAccount controller", () => {
  it("creates the default ServiceAccount in a new namespace", () => {
    const plan = syncServiceAccounts("team-a", testContext({ objects: [ns("team-a")] }));
    expect(plan.calls.map((c) => c.request)).toEqual([
      { verb: "create", resource: "serviceaccounts", namespace: "team-a", body: { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "default", namespace: "team-a" } } },
    ]);
    expect(plan.calls[0].okStatuses).toEqual([409]);
    expect(plan.calls[0].why).toBe(
      'The ServiceAccount controller saw namespace team-a has no "default" ServiceAccount, so it asks kube-apiserver to create one: pods that name no ServiceAccount run as it.',
    );
  });

  it("does nothing when it exists, or when the namespace is terminating or gone", () => {
    expect(syncServiceAccounts("team-a", testContext({ objects: [ns("team-a"), sa("team-a")] })).calls).toEqual([]);
    expect(syncServiceAccounts("team-a", testContext({ objects: [ns("team-a", true)] })).calls).toEqual([]);
    expect(syncServiceAccounts("gone", testContext()).calls).toEqual([]);
  });
});

describe("root CA publisher", () => {
  it("creates kube-root-ca.crt with the CA bundle", () => {
    const plan = syncRootCa("default", testContext({ objects: [ns("default")] }));
    const cm = plan.calls[0].request.body as ConfigMap;
    expect(cm.metadata.name).toBe(ROOT_CA_CONFIGMAP);
    expect(cm.data?.["ca.crt"]).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
  });

  it("leaves a correct one alone", () => {
    const existing: ConfigMap = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: ROOT_CA_CONFIGMAP, namespace: "default" }, data: { "ca.crt": CLUSTER_CA_PEM } };
    expect(syncRootCa("default", testContext({ objects: [ns("default"), existing] })).calls).toEqual([]);
  });
});

describe("tokens controller", () => {
  const secret = (data?: Record<string, string>): Secret => ({
    apiVersion: "v1",
    kind: "Secret",
    type: "kubernetes.io/service-account-token",
    metadata: { name: "build-token", namespace: "ci", annotations: { "kubernetes.io/service-account.name": "build" }, resourceVersion: "3" },
    data,
  });

  it("fills a service-account-token Secret with token, ca.crt and namespace", () => {
    const objects: KubeObject[] = [secret(), sa("ci", "build")];
    const plan = syncToken("ci/build-token", testContext({ objects }));
    const body = plan.calls[0].request.body as Secret;
    expect(Object.keys(body.data ?? {}).sort()).toEqual(["ca.crt", "namespace", "token"]);
    expect(atob(body.data!.namespace)).toBe("ci");
    expect(atob(body.data!.token)).toMatch(/^eyJhbGciOiJSUzI1NiJ9\./);
  });

  it("waits for the ServiceAccount and skips filled Secrets", () => {
    expect(syncToken("ci/build-token", testContext({ objects: [secret()] })).calls).toEqual([]);
    expect(syncToken("ci/build-token", testContext({ objects: [secret({ token: "x" }), sa("ci", "build")] })).calls).toEqual([]);
  });
});
