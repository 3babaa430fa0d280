import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../sim/api";
import { ownerChain } from "./ownerChain";

const obj = (kind: string, apiVersion: string, name: string, owner?: { kind: string; apiVersion: string; name: string }): KubeObject =>
  ({ apiVersion, kind, metadata: { name, namespace: kind === "Node" ? undefined : "default", ownerReferences: owner ? [{ ...owner, uid: `${owner.name}-uid`, controller: true }] : undefined } }) as KubeObject;

describe("ownerChain", () => {
  it("follows Pod → ReplicaSet → Deployment", () => {
    const deploy = obj("Deployment", "apps/v1", "web");
    const rs = obj("ReplicaSet", "apps/v1", "web-6d4cf56db6", { kind: "Deployment", apiVersion: "apps/v1", name: "web" });
    const pod = obj("Pod", "v1", "web-6d4cf56db6-x2k9p", { kind: "ReplicaSet", apiVersion: "apps/v1", name: "web-6d4cf56db6" });
    const store: Record<string, KubeObject> = { "replicasets/web-6d4cf56db6": rs, "deployments/web": deploy };
    const chain = ownerChain(pod, (r, _ns, n) => store[`${r}/${n}`]);
    expect(chain).toEqual([
      { kind: "ReplicaSet", name: "web-6d4cf56db6", resource: "replicasets", namespace: "default", exists: true },
      { kind: "Deployment", name: "web", resource: "deployments", namespace: "default", exists: true },
    ]);
  });
  it("names a static pod's node and an owner that is gone", () => {
    const mirror = obj("Pod", "v1", "etcd-control-plane", { kind: "Node", apiVersion: "v1", name: "control-plane" });
    expect(ownerChain(mirror, () => undefined)).toEqual([{ kind: "Node", name: "control-plane", resource: "nodes", namespace: undefined, exists: false }]);
  });
});
