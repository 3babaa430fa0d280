import { describe, expect, it } from "vitest";
import type { ConfigMap, KubeObject, Status } from "../../../api";
import { Kernel } from "../../../runtime";
import type { ApiRequest, ApiResponse } from "../../apiserver/request";
import type { ApiClient, Informer, InformerFactory, InformerHandler } from "../../client";
import { KubeControllerManager, type ControllerDefinition } from "./kubeControllerManager";
import { keyOf, splitKey } from "./keys";
import type { Plan, Reconciler } from "./plan";

/** A client whose responses come from `respond`, 2 ms later. */
function fakeClient(kernel: Kernel, respond: (req: ApiRequest) => ApiResponse): ApiClient & { sent: ApiRequest[] } {
  const sent: ApiRequest[] = [];
  return {
    identity: "kube-controller-manager",
    sent,
    request(req, cb) {
      sent.push(req);
      kernel.send(2, null, () => cb?.(respond(req)));
    },
    watch() {
      return { stop() {} };
    },
  };
}

const conflict: Status = { apiVersion: "v1", kind: "Status", status: "Failure", message: "the object has been modified", reason: "Conflict", code: 409 };

/** An in-memory informer factory whose caches the test fills by hand; syncs 10 ms after start. */
function fakeFactory(kernel: Kernel, initial: KubeObject[]) {
  const informers = new Map<string, Informer<KubeObject> & { emitAdd(o: KubeObject): void }>();
  let started = false;
  const make = (resource: string) => {
    const items = new Map<string, KubeObject>();
    const handlers: InformerHandler<KubeObject>[] = [];
    let synced = false;
    const inf = {
      resource,
      get hasSynced() {
        return synced;
      },
      get: (ns: string | undefined, name: string) => items.get(ns ? `${ns}/${name}` : name),
      list: () => [...items.values()],
      byIndex: () => [],
      addIndex() {},
      addHandler: (h: InformerHandler<KubeObject>) => void handlers.push(h),
      emitAdd(o: KubeObject) {
        items.set(keyOf(o), o);
        for (const h of handlers) h.add?.(o);
      },
      sync() {
        for (const o of initial) if (`${o.kind.toLowerCase()}s` === resource) this.emitAdd(o);
        synced = true;
      },
    };
    return inf;
  };
  const factory: InformerFactory & { get(r: string): ReturnType<typeof make> } = {
    informer<T extends KubeObject>(resource: string) {
      if (!informers.has(resource)) informers.set(resource, make(resource));
      return informers.get(resource) as unknown as Informer<T>;
    },
    get: (r: string) => informers.get(r) as ReturnType<typeof make>,
    start() {
      started = true;
      kernel.after(10, () => {
        for (const i of informers.values()) (i as ReturnType<typeof make>).sync();
      });
    },
    stop() {
      started = false;
    },
  };
  void started;
  return factory;
}

const cm = (name: string): ConfigMap => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name, namespace: "default" } });

/** A toy controller: labels every ConfigMap `seen=yes` unless it already is. */
function labeller(log: string[], planFor?: (key: string) => Plan): ControllerDefinition {
  const reconciler: Reconciler = {
    name: "labeller-controller",
    sync(key, ctx) {
      log.push(`${ctx.now}:${key}`);
      if (planFor) return planFor(key);
      const { namespace, name } = splitKey(key);
      const obj = ctx.lister<ConfigMap>("configmaps").get(namespace, name);
      if (!obj) return { calls: [] };
      return {
        calls: [
          {
            request: { verb: "patch", resource: "configmaps", namespace, name, body: { metadata: { labels: { seen: "yes" } } } },
            why: `The labeller saw ${name} without a label, so it asks kube-apiserver to add one.`,
          },
        ],
      };
    },
  };
  return {
    name: "labeller",
    create(setup) {
      const inf = setup.informer<ConfigMap>("configmaps");
      const runner = setup.run(reconciler);
      inf.addHandler({ add: (o) => runner.enqueue(keyOf(o)) });
    },
  };
}

describe("ControllerRunner via KubeControllerManager", () => {
  it("waits for the caches to sync, then syncs each key once and sends its plan", () => {
    const kernel = new Kernel(1);
    const client = fakeClient(kernel, () => ({ ok: true, status: 200 }));
    const log: string[] = [];
    const factory = fakeFactory(kernel, [cm("a"), cm("b")]);
    const kcm = new KubeControllerManager({ kernel, client, newInformerFactory: () => factory, controllers: [labeller(log)], processingMs: 1 });
    kcm.start();
    kernel.runUntil(1000);
    // The caches sync at 10 ms; the runner looks again after its 100 ms WaitForCacheSync poll.
    expect(log).toEqual(["111:default/a", "114:default/b"]);
    expect(client.sent.map((r) => `${r.verb} ${r.name}`)).toEqual(["patch a", "patch b"]);
    expect(kernel.trace.events.some((e) => e.verb === "reconcile" && e.narration.includes("without a label"))).toBe(true);
  });

  it("requeues with back-off while calls fail, and forgets the key once they succeed", () => {
    const kernel = new Kernel(1);
    let failures = 3;
    const client = fakeClient(kernel, () => (failures-- > 0 ? { ok: false, status: 409, error: conflict } : { ok: true, status: 200 }));
    const log: string[] = [];
    const kcm = new KubeControllerManager({ kernel, client, newInformerFactory: () => fakeFactory(kernel, [cm("a")]), controllers: [labeller(log)], processingMs: 1 });
    kcm.start();
    kernel.runUntil(1000);
    // sync at 111, response at 113, retry after 5 ms → sync 119, response 121, +10 → 132, 134, +20 → 155.
    expect(log).toEqual(["111:default/a", "119:default/a", "132:default/a", "155:default/a"]);
    expect(kcm.runners[0].queue.numRequeues("default/a")).toBe(0);
    const retry = kernel.trace.events.find((e) => e.verb === "requeue");
    expect(retry?.narration).toBe(
      "labeller-controller could not finish default/a (Conflict: the object has been modified), so it puts it back in its work queue to retry in 5 ms.",
    );
  });

  it("sends slowStart batches of 1, 2, 4 and stops at a failing batch", () => {
    const kernel = new Kernel(1);
    let n = 0;
    const client = fakeClient(kernel, () => (++n === 3 ? { ok: false, status: 409, error: conflict } : { ok: true, status: 201 }));
    const calls = Array.from({ length: 7 }, (_, i) => ({
      request: { verb: "create" as const, resource: "pods", namespace: "default", body: { i } },
      why: "create",
      expectation: { kind: "create" as const },
    }));
    let once = true;
    const log: string[] = [];
    const kcm = new KubeControllerManager({
      kernel,
      client,
      newInformerFactory: () => fakeFactory(kernel, [cm("a")]),
      controllers: [
        labeller(log, (key) => {
          if (!once) return { calls: [] };
          once = false;
          return { calls, execution: "slowStart", expectations: { key, creates: 7 } };
        }),
      ],
    });
    kcm.start();
    kernel.runUntil(112);
    const runner = kcm.runners[0];
    expect(runner.expectations.pending("default/a").adds).toBe(7);
    kernel.runUntil(1000);
    // batch 1: 1 call; batch 2: 2 calls (the 3rd request overall fails) → the remaining 4 are skipped.
    expect(client.sent.filter((r) => r.resource === "pods")).toHaveLength(3);
    // 1 failed + 4 skipped lowered; 2 succeeded creates still await the informer.
    expect(runner.expectations.pending("default/a").adds).toBe(2);
  });

  it("survives a sync that throws: records it and retries with back-off", () => {
    const kernel = new Kernel(1);
    const client = fakeClient(kernel, () => ({ ok: true, status: 200 }));
    let calls = 0;
    const log: string[] = [];
    const kcm = new KubeControllerManager({
      kernel,
      client,
      newInformerFactory: () => fakeFactory(kernel, [cm("a")]),
      controllers: [
        labeller(log, () => {
          if (calls++ === 0) throw new Error("boom");
          return { calls: [] };
        }),
      ],
    });
    kcm.start();
    kernel.runUntil(1000);
    // Thrown at 111, back in the queue 5 ms later, synced after 1 ms of processing.
    expect(log).toEqual(["111:default/a", "117:default/a"]);
    expect((kcm.runners[0].lastError as Error).message).toBe("boom");
  });

  it("does nothing while stopped and catches up from a fresh list on start", () => {
    const kernel = new Kernel(1);
    const client = fakeClient(kernel, () => ({ ok: true, status: 200 }));
    const log: string[] = [];
    const kcm = new KubeControllerManager({ kernel, client, newInformerFactory: () => fakeFactory(kernel, [cm("a")]), controllers: [labeller(log)] });
    kcm.start();
    kcm.stop();
    kernel.runUntil(1000);
    expect(log).toEqual([]);
    expect(kcm.running).toBe(false);
    kcm.start();
    kernel.runUntil(2000);
    expect(log).toEqual(["1111:default/a"]);
  });
});
