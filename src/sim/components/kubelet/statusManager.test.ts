import { describe, expect, it } from "vitest";
import type { Pod, PodStatus } from "../../api/types";
import type { ApiRequest } from "../apiserver/request";
import type { PodWorker } from "./podWorker";
import { StatusManager } from "./statusManager";

function worker(uid: string, phase: PodStatus["phase"], conditions?: PodStatus["conditions"]): PodWorker {
  const pod = { apiVersion: "v1", kind: "Pod", metadata: { name: uid, namespace: "default", uid }, spec: { containers: [] } } as unknown as Pod;
  return { pod, status: () => ({ phase, ...(conditions ? { conditions } : {}) }) } as unknown as PodWorker;
}

function podWith(uid: string, conditions: PodStatus["conditions"]): Pod {
  return { apiVersion: "v1", kind: "Pod", metadata: { name: uid, namespace: "default", uid }, spec: { containers: [] }, status: { conditions } } as unknown as Pod;
}

function harness() {
  const timers: (() => void)[] = [];
  const sent: ApiRequest[] = [];
  const m = new StatusManager({
    now: () => 0,
    after: (_ms, fn) => timers.push(fn),
    send: (req, cb) => {
      sent.push(req);
      cb(true);
    },
    hasWorker: () => true,
  });
  const flush = () => timers.splice(0).forEach((fn) => fn());
  return { m, timers, sent, flush };
}

describe("the kubelet's status manager", () => {
  it("batches changes and patches only a status that differs from the last one sent", () => {
    const { m, sent, flush } = harness();
    const w = worker("a", "Pending");
    m.changed(w);
    m.changed(w);
    flush();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ verb: "patch", subresource: "status", name: "a", body: { status: { phase: "Pending" } } });
    m.changed(w);
    flush();
    expect(sent).toHaveLength(1);
  });

  it("after a restart, reports again even if the stopped process had a flush pending", () => {
    const { m, timers, sent, flush } = harness();
    m.changed(worker("a", "Pending"));
    // The process stops before its flush runs: the kubelet's timers die with it.
    timers.length = 0;
    m.reset();
    m.changed(worker("a", "Running"));
    expect(timers).toHaveLength(1);
    flush();
    expect(sent.map((r) => (r.body as { status: PodStatus }).status.phase)).toEqual(["Running"]);
  });

  it("reports again when another writer changed the conditions it sent", () => {
    const { m, sent, flush } = harness();
    const ready = (status: "True" | "False") => [{ type: "Ready" as const, status, lastProbeTime: null }];
    const w = worker("a", "Running", ready("True"));
    m.changed(w);
    flush();
    expect(sent).toHaveLength(1);
    // The API still has what was sent: nothing to do.
    m.reconcile(w, podWith("a", ready("True")));
    flush();
    expect(sent).toHaveLength(1);
    // node-controller marked the pod not ready: the same status is patched again.
    m.reconcile(w, podWith("a", ready("False")));
    flush();
    expect(sent).toHaveLength(2);
    m.reconcile(w, podWith("a", undefined));
    flush();
    expect(sent).toHaveLength(3);
  });

  it("sends a status again after its patch failed, and forgets a pod that is gone", () => {
    const timers: (() => void)[] = [];
    const sent: ApiRequest[] = [];
    let fail = true;
    const m = new StatusManager({
      now: () => 0,
      after: (_ms, fn) => timers.push(fn),
      send: (req, cb) => {
        sent.push(req);
        cb(!fail);
      },
      hasWorker: () => true,
    });
    const flush = () => timers.splice(0).forEach((fn) => fn());
    const w = worker("a", "Pending");
    m.changed(w);
    flush(); // the patch fails: a retry is scheduled
    fail = false;
    flush(); // the retry's changed()
    flush(); // its batch
    expect(sent).toHaveLength(2);
    m.changed(w);
    flush();
    expect(sent).toHaveLength(2);
    m.forget("a");
    m.changed(w);
    flush();
    expect(sent).toHaveLength(3);
  });
});
