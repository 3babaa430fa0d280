import { describe, expect, it } from "vitest";
import type { Deployment, KubeEvent, ReplicaSet } from "../../../api";
import { toTimestamp } from "../../../runtime";
import { testContext, type Plan } from "../framework";
import { syncDeployment } from "./deploymentController";
import { maxSurge, maxUnavailable, templateHash } from "./deploymentUtil";

function deployment(replicas: number, image = "nginx:1.27", extra: Partial<Deployment["spec"]> = {}): Deployment {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "web", namespace: "default", uid: "d-uid", generation: 1, resourceVersion: "5", creationTimestamp: toTimestamp(0) },
    spec: {
      replicas,
      selector: { matchLabels: { app: "web" } },
      template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "nginx", image }] } },
      ...extra,
    },
  };
}

/** The ReplicaSet the controller would create for `d`, as stored (uid, status) with `replicas` pods all available. */
function storedRS(d: Deployment, replicas: number, available = replicas, opts: { created?: number; revision?: string } = {}): ReplicaSet {
  const plan = syncDeployment("default/web", testContext({ objects: [d] }));
  const body = structuredClone(plan.calls[0].request.body as ReplicaSet);
  body.metadata.uid = `rs-${body.metadata.name}`;
  body.metadata.resourceVersion = "7";
  body.metadata.generation = 1;
  body.metadata.creationTimestamp = toTimestamp(opts.created ?? 0);
  if (opts.revision) body.metadata.annotations = { ...body.metadata.annotations, "deployment.kubernetes.io/revision": opts.revision };
  body.spec.replicas = replicas;
  body.status = { replicas, fullyLabeledReplicas: replicas, readyReplicas: available, availableReplicas: available, observedGeneration: 1 };
  return body;
}

const calls = (plan: Plan) => plan.calls.map((c) => `${c.request.verb} ${c.request.resource} ${c.request.name ?? (c.request.body as ReplicaSet).metadata.name}`);
const events = (plan: Plan) => plan.calls.flatMap((c) => c.onSuccess ?? []).map((e) => (e.request.body as KubeEvent).message);
const statusOf = (plan: Plan) => (plan.after?.[0].request.body as Deployment).status!;

describe("Deployment controller sync", () => {
  it("creates <deployment>-<pod-template-hash> with all replicas for a new Deployment", () => {
    const d = deployment(3);
    const plan = syncDeployment("default/web", testContext({ objects: [d], now: 1000 }));
    const hash = templateHash(d.spec.template);
    const rs = plan.calls[0].request.body as ReplicaSet;
    expect(rs.metadata.name).toBe(`web-${hash}`);
    expect(hash).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{1,10}$/);
    expect(rs.spec.replicas).toBe(3);
    expect(rs.spec.selector.matchLabels).toEqual({ app: "web", "pod-template-hash": hash });
    expect(rs.spec.template.metadata?.labels).toEqual({ app: "web", "pod-template-hash": hash });
    expect(rs.metadata.annotations).toEqual({
      "deployment.kubernetes.io/desired-replicas": "3",
      "deployment.kubernetes.io/max-replicas": "4",
      "deployment.kubernetes.io/revision": "1",
    });
    expect(rs.metadata.ownerReferences?.[0]).toMatchObject({ kind: "Deployment", name: "web", uid: "d-uid", controller: true, blockOwnerDeletion: true });
    expect(events(plan)).toEqual([`Scaled up replica set web-${hash} from 0 to 3`]);
    expect(plan.calls[0].why).toBe(`The Deployment controller saw web has no ReplicaSet yet, so it asks kube-apiserver to create web-${hash} with 3 replicas.`);
    const after = plan.after?.[0].request.body as Deployment;
    expect(after.metadata.annotations?.["deployment.kubernetes.io/revision"]).toBe("1");
    expect(after.status?.conditions?.map((c) => [c.type, c.status, c.reason, c.message])).toEqual([
      ["Progressing", "True", "NewReplicaSetCreated", `Created new replica set "web-${hash}"`],
      ["Available", "False", "MinimumReplicasUnavailable", "Deployment does not have minimum availability."],
    ]);
    // The new ReplicaSet is counted by its spec: 3 wanted, none available yet.
    // Zero counts are omitted, as kube-apiserver serialises them.
    expect(after.status).toEqual({ observedGeneration: 1, unavailableReplicas: 3, conditions: after.status?.conditions });
  });

  it("rolls out a new template one surge pod at a time (maxSurge 25 % of 3 = 1, maxUnavailable 0)", () => {
    const oldD = deployment(3, "nginx:1.27");
    const old = storedRS(oldD, 3, 3, { created: 0 });
    const d = deployment(3, "nginx:1.28");
    d.metadata.generation = 2;
    const first = syncDeployment("default/web", testContext({ objects: [d, old], now: 60_000 }));
    const newName = `web-${templateHash(d.spec.template)}`;
    expect(calls(first)).toEqual([`create replicasets ${newName}`]);
    expect((first.calls[0].request.body as ReplicaSet).spec.replicas).toBe(1);
    expect((first.calls[0].request.body as ReplicaSet).metadata.annotations?.["deployment.kubernetes.io/revision"]).toBe("2");
    expect(events(first)).toEqual([`Scaled up replica set ${newName} from 0 to 1`]);

    // The new pod is available: now one old pod may go.
    const fresh = storedRS(d, 1, 1, { created: 60_000, revision: "2" });
    const second = syncDeployment("default/web", testContext({ objects: [d, old, fresh], now: 70_000 }));
    expect(calls(second)).toEqual([`update replicasets ${old.metadata.name}`]);
    expect((second.calls[0].request.body as ReplicaSet).spec.replicas).toBe(2);
    expect(events(second)).toEqual([`Scaled down replica set ${old.metadata.name} from 3 to 2`]);
    expect(second.calls[0].why).toBe(`The Deployment controller scales the old ReplicaSet ${old.metadata.name} down from 3 to 2, keeping at least 3 of 3 pods available (maxUnavailable 0).`);

    // Old shrunk to 2: the new one may grow to 2.
    const old2 = { ...old, spec: { ...old.spec, replicas: 2 }, status: { ...old.status!, replicas: 2, availableReplicas: 2, readyReplicas: 2 } };
    const third = syncDeployment("default/web", testContext({ objects: [d, old2, fresh], now: 71_000 }));
    expect(calls(third)).toEqual([`update replicasets ${newName}`]);
    expect(events(third)).toEqual([`Scaled up replica set ${newName} from 1 to 2`]);
  });

  it("does not scale down old pods while the new ones are unavailable", () => {
    const old = storedRS(deployment(3, "nginx:1.27"), 3, 3);
    const d = deployment(3, "nginx:1.28");
    const fresh = storedRS(d, 1, 0, { created: 60_000, revision: "2" });
    const plan = syncDeployment("default/web", testContext({ objects: [d, old, fresh], now: 70_000 }));
    expect(plan.calls).toEqual([]);
  });

  it("marks the rollout complete with NewReplicaSetAvailable", () => {
    const d = deployment(3);
    const rs = storedRS(d, 3, 3);
    d.status = {
      observedGeneration: 1,
      replicas: 3,
      updatedReplicas: 2,
      readyReplicas: 2,
      availableReplicas: 2,
      conditions: [{ type: "Progressing", status: "True", reason: "ReplicaSetUpdated", message: `ReplicaSet "${rs.metadata.name}" is progressing.`, lastUpdateTime: toTimestamp(0), lastTransitionTime: toTimestamp(0) }],
    };
    d.metadata.annotations = { "deployment.kubernetes.io/revision": "1" };
    const plan = syncDeployment("default/web", testContext({ objects: [d, rs], now: 30_000 }));
    const s = statusOf(plan);
    expect(s).toMatchObject({ replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 });
    expect(s.unavailableReplicas).toBeUndefined();
    expect(s.conditions?.map((c) => [c.type, c.status, c.reason, c.message])).toEqual([
      ["Available", "True", "MinimumReplicasAvailable", "Deployment has minimum availability."],
      ["Progressing", "True", "NewReplicaSetAvailable", `ReplicaSet "${rs.metadata.name}" has successfully progressed.`],
    ]);
    expect(plan.after?.[0].why).toBe("The Deployment controller records web's status: 3 of 3 pods up to date, 3 ready, 3 available.");
  });

  it("reports ProgressDeadlineExceeded when nothing moved for progressDeadlineSeconds", () => {
    const d = deployment(3);
    const rs = storedRS(d, 3, 0);
    rs.status = { ...rs.status!, readyReplicas: 0, availableReplicas: 0 };
    d.metadata.annotations = { "deployment.kubernetes.io/revision": "1" };
    d.status = {
      observedGeneration: 1,
      replicas: 3,
      updatedReplicas: 3,
      unavailableReplicas: 3,
      conditions: [
        { type: "Available", status: "False", reason: "MinimumReplicasUnavailable", message: "Deployment does not have minimum availability.", lastUpdateTime: toTimestamp(0), lastTransitionTime: toTimestamp(0) },
        { type: "Progressing", status: "True", reason: "ReplicaSetUpdated", message: "x", lastUpdateTime: toTimestamp(0), lastTransitionTime: toTimestamp(0) },
      ],
    };
    const early = syncDeployment("default/web", testContext({ objects: [d, rs], now: 100_000 }));
    expect(early.after).toBeUndefined();
    expect(early.resyncAfterMs).toBe(501_000);
    const late = syncDeployment("default/web", testContext({ objects: [d, rs], now: 600_001 }));
    const p = statusOf(late).conditions?.find((c) => c.type === "Progressing");
    expect([p?.status, p?.reason, p?.message]).toEqual(["False", "ProgressDeadlineExceeded", `ReplicaSet "${rs.metadata.name}" has timed out progressing.`]);
  });

  it("scales the only ReplicaSet when replicas change", () => {
    const d = deployment(5);
    const rs = storedRS(deployment(3), 3, 3);
    d.metadata.annotations = { "deployment.kubernetes.io/revision": "1" };
    const plan = syncDeployment("default/web", testContext({ objects: [d, rs], now: 10_000 }));
    expect(calls(plan)).toEqual([`update replicasets ${rs.metadata.name}`]);
    const body = plan.calls[0].request.body as ReplicaSet;
    expect(body.spec.replicas).toBe(5);
    expect(body.metadata.annotations?.["deployment.kubernetes.io/desired-replicas"]).toBe("5");
    expect(body.metadata.annotations?.["deployment.kubernetes.io/max-replicas"]).toBe("7");
    expect(events(plan)).toEqual([`Scaled up replica set ${rs.metadata.name} from 3 to 5`]);
  });

  it("on rollback gives the old ReplicaSet the next revision and keeps its history", () => {
    const v1 = deployment(3, "nginx:1.27");
    const v2 = deployment(3, "nginx:1.28");
    const rs1 = storedRS(v1, 0, 0, { created: 0, revision: "1" });
    const rs2 = storedRS(v2, 3, 3, { created: 100_000, revision: "2" });
    const d = deployment(3, "nginx:1.27"); // kubectl rollout undo put the old template back
    d.metadata.annotations = { "deployment.kubernetes.io/revision": "2" };
    const plan = syncDeployment("default/web", testContext({ objects: [d, rs1, rs2], now: 200_000 }));
    const update = plan.calls[0].request.body as ReplicaSet;
    expect(update.metadata.name).toBe(rs1.metadata.name);
    expect(update.metadata.annotations?.["deployment.kubernetes.io/revision"]).toBe("3");
    expect(update.metadata.annotations?.["deployment.kubernetes.io/revision-history"]).toBe("1");
    expect(update.spec.replicas).toBe(1);
    expect(plan.calls[0].why).toContain(`go back to the pod template of ReplicaSet ${rs1.metadata.name}, so it marks that ReplicaSet as revision 3.`);
    expect((plan.after?.[0].request.body as Deployment).metadata.annotations?.["deployment.kubernetes.io/revision"]).toBe("3");
  });

  it("Recreate scales every old ReplicaSet to 0 before creating the new one", () => {
    const old = storedRS(deployment(3, "nginx:1.27"), 3, 3);
    const d = deployment(3, "nginx:1.28", { strategy: { type: "Recreate" } });
    const plan = syncDeployment("default/web", testContext({ objects: [d, old], now: 1000 }));
    expect(calls(plan)).toEqual([`update replicasets ${old.metadata.name}`]);
    expect(events(plan)).toEqual([`Scaled down replica set ${old.metadata.name} from 3 to 0`]);
    const gone = { ...old, spec: { ...old.spec, replicas: 0 }, status: { ...old.status!, replicas: 0, readyReplicas: 0, availableReplicas: 0 } };
    const next = syncDeployment("default/web", testContext({ objects: [d, gone], now: 5000 }));
    expect((next.calls[0].request.body as ReplicaSet).spec.replicas).toBe(3);
    expect(next.calls[0].request.verb).toBe("create");
  });

  it("deletes empty old ReplicaSets beyond revisionHistoryLimit once complete", () => {
    const d = deployment(2, "nginx:1.30", { revisionHistoryLimit: 1 });
    const cur = storedRS(d, 2, 2, { created: 300, revision: "3" });
    const a = storedRS(deployment(2, "nginx:1.27"), 0, 0, { created: 100, revision: "1" });
    const b = storedRS(deployment(2, "nginx:1.28"), 0, 0, { created: 200, revision: "2" });
    d.metadata.annotations = { "deployment.kubernetes.io/revision": "3" };
    d.status = { observedGeneration: 1, replicas: 2, updatedReplicas: 2, readyReplicas: 2, availableReplicas: 2 };
    const plan = syncDeployment("default/web", testContext({ objects: [d, a, b, cur], now: 9000 }));
    expect(calls(plan)).toEqual([`delete replicasets ${a.metadata.name}`]);
  });

  it("while paused only scales, and says so in the Progressing condition", () => {
    const d = deployment(3, "nginx:1.28", { paused: true });
    const old = storedRS(deployment(3, "nginx:1.27"), 3, 3);
    d.metadata.annotations = { "deployment.kubernetes.io/revision": "1" };
    const plan = syncDeployment("default/web", testContext({ objects: [d, old], now: 1000 }));
    expect(plan.calls).toEqual([]);
    const p = statusOf(plan).conditions?.find((c) => c.type === "Progressing");
    expect([p?.status, p?.reason, p?.message]).toEqual(["Unknown", "DeploymentPaused", "Deployment is paused"]);
  });
});

describe("rolling update arithmetic", () => {
  const withStrategy = (replicas: number, maxSurgeV?: number | string, maxUnavailableV?: number | string) =>
    deployment(replicas, "x", { strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: maxSurgeV, maxUnavailable: maxUnavailableV } } });

  it("rounds maxSurge up and maxUnavailable down", () => {
    expect([maxSurge(withStrategy(10)), maxUnavailable(withStrategy(10))]).toEqual([3, 2]);
    expect([maxSurge(withStrategy(3)), maxUnavailable(withStrategy(3))]).toEqual([1, 0]);
    expect([maxSurge(withStrategy(1)), maxUnavailable(withStrategy(1))]).toEqual([1, 0]);
  });

  it("never lets both be zero", () => {
    expect([maxSurge(withStrategy(4, 0, "0%")), maxUnavailable(withStrategy(4, 0, "0%"))]).toEqual([0, 1]);
  });

  it("takes absolute numbers and caps maxUnavailable at replicas", () => {
    expect(maxUnavailable(withStrategy(2, 1, 5))).toBe(2);
    expect(maxSurge(deployment(4, "x", { strategy: { type: "Recreate" } }))).toBe(0);
  });
});
