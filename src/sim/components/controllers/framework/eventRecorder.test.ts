import { describe, expect, it } from "vitest";
import type { KubeEvent, KubeObject, ReplicaSet } from "../../../api";
import { Rng } from "../../../runtime";
import { EventRecorder } from "./eventRecorder";

const rs: ReplicaSet = {
  apiVersion: "apps/v1",
  kind: "ReplicaSet",
  metadata: { name: "web-7c5ddbdf54", namespace: "default", uid: "u-1" },
  spec: { selector: {}, template: { spec: { containers: [] } } },
};

describe("EventRecorder", () => {
  it("creates a core/v1 Event the first time", () => {
    const now = 5000;
    const r = new EventRecorder("replicaset-controller", () => now);
    const call = r.normal(rs, "SuccessfulCreate", "Created pod: web-7c5ddbdf54-x2k9p");
    expect(call.bestEffort).toBe(true);
    expect(call.request.verb).toBe("create");
    expect(call.request.resource).toBe("events");
    expect(call.request.namespace).toBe("default");
    const ev = call.request.body as KubeEvent;
    expect(ev.metadata.name).toMatch(/^web-7c5ddbdf54\.[0-9a-f]{15,16}$/);
    expect(ev).toMatchObject({
      involvedObject: { kind: "ReplicaSet", namespace: "default", name: "web-7c5ddbdf54", uid: "u-1", apiVersion: "apps/v1" },
      reason: "SuccessfulCreate",
      message: "Created pod: web-7c5ddbdf54-x2k9p",
      type: "Normal",
      source: { component: "replicaset-controller" },
      count: 1,
      firstTimestamp: "2026-01-01T09:00:05Z",
      lastTimestamp: "2026-01-01T09:00:05Z",
    });
  });

  it("patches count and lastTimestamp when the same event repeats", () => {
    let now = 0;
    const r = new EventRecorder("deployment-controller", () => now);
    const ok = { ok: true as const, status: 201 };
    const first = r.warning(rs, "FailedCreate", "boom");
    first.followUp?.(ok);
    now = 61_000;
    const second = r.warning(rs, "FailedCreate", "boom");
    second.followUp?.(ok);
    const third = r.warning(rs, "FailedCreate", "boom");
    expect(second.request).toEqual({
      verb: "patch",
      resource: "events",
      namespace: "default",
      name: (first.request.body as KubeEvent).metadata.name,
      patchType: "strategic",
      body: { count: 2, lastTimestamp: "2026-01-01T09:01:01Z", message: "boom" },
    });
    expect((third.request.body as { count: number }).count).toBe(3);
  });

  it("creates the Event again when the first create was never sent", () => {
    const r = new EventRecorder("deployment-controller", () => 0);
    r.normal(rs, "ScalingReplicaSet", "Scaled up replica set web-1 from 1 to 2"); // its plan failed before sending it
    expect(r.normal(rs, "ScalingReplicaSet", "Scaled up replica set web-1 from 1 to 2").request.verb).toBe("create");
  });

  it("forgets the least recently used event beyond 4096", () => {
    const r = new EventRecorder("replicaset-controller", () => 0);
    const ok = { ok: true as const, status: 201 };
    for (let i = 0; i < 4096; i++) r.normal(rs, "SuccessfulCreate", `Created pod: p${i}`).followUp?.(ok);
    r.normal(rs, "SuccessfulCreate", "Created pod: p0").followUp?.(ok); // p0 is used again: p1 is now the oldest
    r.normal(rs, "SuccessfulCreate", "Created pod: new").followUp?.(ok);
    expect(r.normal(rs, "SuccessfulCreate", "Created pod: p0").request.verb).toBe("patch");
    expect(r.normal(rs, "SuccessfulCreate", "Created pod: p1").request.verb).toBe("create");
    expect(r.normal(rs, "SuccessfulCreate", "Created pod: p2").request.verb).toBe("patch");
  });

  it("creates the Event again after a repeat's patch failed", () => {
    const r = new EventRecorder("replicaset-controller", () => 0);
    r.normal(rs, "SuccessfulCreate", "Created pod: a").followUp?.({ ok: true as const, status: 201 });
    const repeat = r.normal(rs, "SuccessfulCreate", "Created pod: a");
    expect(repeat.why).toBe("The SuccessfulCreate event on ReplicaSet web-7c5ddbdf54 happened again, so replicaset-controller bumps its count to 2.");
    repeat.onFailure?.({ apiVersion: "v1", kind: "Status", status: "Failure", message: "not found", reason: "NotFound", code: 404 });
    expect(r.normal(rs, "SuccessfulCreate", "Created pod: a").request.verb).toBe("create");
  });

  it("gives distinct names to different events in the same millisecond", () => {
    const r = new EventRecorder("replicaset-controller", () => 0);
    const a = r.normal(rs, "SuccessfulCreate", "Created pod: a").request.body as KubeEvent;
    const b = r.normal(rs, "SuccessfulCreate", "Created pod: b").request.body as KubeEvent;
    expect(a.metadata.name).not.toBe(b.metadata.name);
  });

  it("puts events of cluster-scoped objects in default", () => {
    const r = new EventRecorder("node-controller", () => 0);
    const call = r.normal({ apiVersion: "v1", kind: "Node", metadata: { name: "worker-1" } }, "RegisteredNode", "Node worker-1 event: Registered Node worker-1 in Controller");
    expect(call.request.namespace).toBe("default");
  });

  it("correlates like one LRU map keyed by object, type, reason and message", () => {
    // The reference: client-go's cache as a Map in recency order, keyed by the joined key.
    const ref = new Map<string, string>();
    const counts = new Map<string, number>(); // by Event name: the count each cache entry holds
    const rng = new Rng(7);
    const r = new EventRecorder("replicaset-controller", () => 0);
    const objects: KubeObject[] = [
      rs,
      { ...rs, metadata: { ...rs.metadata, name: "other" } }, // same uid, another name
      { ...rs, kind: "Deployment" },
      { apiVersion: "v1", kind: "Node", metadata: { name: "worker-1" } }, // no uid
    ];
    const pending: { call: ReturnType<EventRecorder["normal"]>; key: string }[] = [];
    for (let i = 0; i < 30_000; i++) {
      const obj = objects[rng.int(0, objects.length - 1)];
      const warning = rng.int(0, 3) === 0;
      const reason = rng.int(0, 1) ? "SuccessfulCreate" : "FailedCreate";
      const message = `m${rng.int(0, 2999)}`;
      const key = [obj.metadata.uid ?? "", obj.kind, obj.metadata.namespace ?? "", obj.metadata.name, warning ? "Warning" : "Normal", reason, message].join("/");
      const call = warning ? r.warning(obj, reason, message) : r.normal(obj, reason, message);
      const hit = ref.get(key);
      expect(call.request.verb).toBe(hit ? "patch" : "create");
      if (hit) {
        expect(call.request.name).toBe(hit);
        expect((call.request.body as { count: number }).count).toBe(counts.get(hit)! + 1);
      }
      pending.push({ call, key });
      // Responses arrive later and in any order; some calls fail, some are never sent.
      while (pending.length > rng.int(0, 5)) {
        const { call: c, key: k } = pending.splice(rng.int(0, pending.length - 1), 1)[0];
        const outcome = rng.int(0, 9);
        const count = c.request.verb === "create" ? 1 : (c.request.body as { count: number }).count;
        const name = c.request.verb === "create" ? (c.request.body as KubeEvent).metadata.name! : c.request.name!;
        if (outcome < 7) {
          c.followUp?.({ ok: true, status: 200 });
          counts.set(name, Math.max(counts.get(name) ?? 0, count));
          ref.delete(k);
          ref.set(k, name);
          if (ref.size > 4096) ref.delete(ref.keys().next().value!);
        } else if (outcome < 9) {
          c.onFailure?.({ apiVersion: "v1", kind: "Status", status: "Failure", message: "x", reason: "NotFound", code: 404 });
          if (count !== 1) ref.delete(k);
        }
      }
    }
  });
});
