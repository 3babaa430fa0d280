import { describe, expect, it } from "vitest";
import { createCluster } from "../../..";
import type { ApiRequest, ApiResponse } from "../../apiserver/request";
import type { Deployment, KubeEvent, Pod, ReplicaSet } from "../../../api";
import { templateHash } from "./deploymentUtil";

function cluster() {
  const c = createCluster({ seed: 7, workers: 3 });
  const call = (req: ApiRequest): ApiResponse => {
    let out: ApiResponse | undefined;
    c.request(req, (r) => (out = r));
    c.settle(300_000);
    if (!out) throw new Error("no response");
    return out;
  };
  return { c, call };
}

const web = (replicas: number, image: string): Deployment => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "web", namespace: "default" },
  spec: { replicas, selector: { matchLabels: { app: "web" } }, template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "nginx", image }] } } },
});

const controllerEvents = (events: KubeEvent[], component: string) =>
  events.filter((e) => e.source.component === component).sort((a, b) => a.metadata.name!.localeCompare(b.metadata.name!)).map((e) => e.message);

describe("Deployment and ReplicaSet controllers in a cluster", () => {
  it("apply → ReplicaSet <deploy>-<hash> → 3 pods <rs>-<5 chars> Running, with the real events", () => {
    const { c, call } = cluster();
    const d = web(3, "nginx:1.27");
    expect(call({ verb: "create", resource: "deployments", namespace: "default", body: d }).ok).toBe(true);
    // The hash is of the template as stored (after kube-apiserver's defaulting).
    const rsName = `web-${templateHash(c.list<Deployment>("deployments", "default")[0].spec.template)}`;
    const [rs] = c.list<ReplicaSet>("replicasets", "default");
    expect(rs.metadata.name).toBe(rsName);
    const pods = c.list<Pod>("pods", "default");
    expect(pods).toHaveLength(3);
    for (const p of pods) {
      expect(p.metadata.name).toMatch(new RegExp(`^${rsName}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
      expect(p.status?.phase).toBe("Running");
    }
    const dep = c.list<Deployment>("deployments", "default")[0];
    expect(dep.status).toMatchObject({ replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 });
    expect(dep.status?.conditions?.map((x) => x.reason)).toEqual(["MinimumReplicasAvailable", "NewReplicaSetAvailable"]);
    const events = c.list<KubeEvent>("events", "default");
    expect(controllerEvents(events, "deployment-controller")).toEqual([`Scaled up replica set ${rsName} from 0 to 3`]);
    expect(controllerEvents(events, "replicaset-controller").sort()).toEqual(pods.map((p) => `Created pod: ${p.metadata.name}`).sort());

    // The controllers' creates are traced in causal order, each with a plain-English narration.
    const trace = c.kernel.trace.events;
    const rsCreate = trace.findIndex((e) => e.from === "kube-controller-manager" && e.verb === "create" && e.resource === "replicasets");
    const podCreate = trace.findIndex((e) => e.from === "kube-controller-manager" && e.verb === "create" && e.resource === "pods");
    expect(rsCreate).toBeGreaterThanOrEqual(0);
    expect(podCreate).toBeGreaterThan(rsCreate);
    expect(trace.some((e) => e.verb === "reconcile" && e.narration.startsWith(`The ReplicaSet controller saw ${rsName} wants 3 pods and has 0, so it asks kube-apiserver to create 3.`))).toBe(true);
  });

  it("rolls out a new image with maxSurge/maxUnavailable and ends with only new pods", () => {
    const { c, call } = cluster();
    call({ verb: "create", resource: "deployments", namespace: "default", body: web(4, "nginx:1.27") });
    const oldRS = c.list<ReplicaSet>("replicasets", "default")[0].metadata.name!;
    call({ verb: "patch", resource: "deployments", namespace: "default", name: "web", patchType: "strategic", body: { spec: { template: { spec: { containers: [{ name: "nginx", image: "nginx:1.28" }] } } } } });
    c.advance(30_000);
    c.settle(300_000);
    const rss = c.list<ReplicaSet>("replicasets", "default");
    const newRS = rss.find((r) => r.metadata.name !== oldRS)!;
    expect(rss.find((r) => r.metadata.name === oldRS)?.spec.replicas).toBe(0);
    expect(newRS.spec.replicas).toBe(4);
    expect(newRS.metadata.annotations?.["deployment.kubernetes.io/revision"]).toBe("2");
    const pods = c.list<Pod>("pods", "default");
    expect(pods.every((p) => p.metadata.name!.startsWith(newRS.metadata.name!) && p.status?.phase === "Running")).toBe(true);
    expect(pods).toHaveLength(4);
    const scaling = controllerEvents(c.list<KubeEvent>("events", "default"), "deployment-controller");
    expect(scaling).toContain(`Scaled up replica set ${newRS.metadata.name} from 0 to 1`);
    expect(scaling).toContain(`Scaled down replica set ${oldRS} from 4 to 3`);
    expect(scaling).toContain(`Scaled down replica set ${oldRS} from 1 to 0`);
    // Never more than replicas + maxSurge (5) pods, never fewer than replicas − maxUnavailable (3) available: every step is an event.
    expect(scaling.filter((m) => m.includes("from"))).toHaveLength(1 + 2 * 4);
  });

  it("replaces a deleted pod at once and catches up after kube-controller-manager restarts", () => {
    const { c, call } = cluster();
    call({ verb: "create", resource: "deployments", namespace: "default", body: web(2, "nginx:1.27") });
    const victim = c.list<Pod>("pods", "default")[0].metadata.name!;
    call({ verb: "delete", resource: "pods", namespace: "default", name: victim });
    expect(c.list<Pod>("pods", "default").filter((p) => !p.metadata.deletionTimestamp)).toHaveLength(2);

    const kcm = c.processes.get("kube-controller-manager") as unknown as { stop(): void; start(): void };
    kcm.stop();
    call({ verb: "patch", resource: "deployments", namespace: "default", name: "web", patchType: "merge", body: { spec: { replicas: 4 } } });
    expect(c.list<Pod>("pods", "default").filter((p) => !p.metadata.deletionTimestamp)).toHaveLength(2);
    kcm.start();
    c.settle(300_000);
    expect(c.list<Pod>("pods", "default").filter((p) => !p.metadata.deletionTimestamp)).toHaveLength(4);
  });
});
