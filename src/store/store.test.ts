import { describe, expect, it } from "vitest";
import type { Pod } from "../sim/api/types";
import { createAppStore } from "./appStore";
import { createBridge } from "./bridge";
import { deriveDiagramModel, layoutSignature } from "./diagramModel";
import { createDriver } from "./driver";
import { nginxDeployment } from "./examples";
import { selectNodeReadiness, selectPodStatus, statusCounts } from "./selectors";
import { addPackets, expirePackets, MAX_PACKETS, toPacket, type Packet } from "./slices/flowSlice";
import { applyObjectChanges, initialObjects } from "./slices/objectsSlice";
import { nextSpeed } from "./slices/playbackSlice";
import { createFakeCluster } from "./testing/fakeCluster";
import { formatClusterTime, hopLimit, hopWallMs, idleRate } from "./timeMapping";

const podObj = (name: string, nodeName?: string): Pod => ({ apiVersion: "v1", kind: "Pod", metadata: { name, namespace: "default" }, spec: { containers: [], nodeName } });

describe("objects slice", () => {
  it("indexes pods by node and moves them when bound", () => {
    let s = initialObjects();
    s = applyObjectChanges(s, [{ type: "ADDED", resource: "pods", revision: 1, object: podObj("a") }]);
    expect(s.podsByNode.get("")).toEqual(["default/a"]);
    const before = s;
    s = applyObjectChanges(s, [{ type: "MODIFIED", resource: "pods", revision: 2, object: podObj("a", "worker-1") }]);
    expect(s.podsByNode.get("")).toEqual([]);
    expect(s.podsByNode.get("worker-1")).toEqual(["default/a"]);
    expect(before.objects.pods.get("default/a")).not.toBe(s.objects.pods.get("default/a"));
    s = applyObjectChanges(s, [{ type: "DELETED", resource: "pods", revision: 3, object: podObj("a", "worker-1") }]);
    expect(s.podsByNode.get("worker-1")).toEqual([]);
    expect(s.objects.pods.size).toBe(0);
  });
  it("copies only the maps that changed and ignores untracked resources", () => {
    const s0 = initialObjects();
    const s1 = applyObjectChanges(s0, [{ type: "ADDED", resource: "pods", revision: 1, object: podObj("a") }]);
    expect(s1.objects.nodes).toBe(s0.objects.nodes);
    expect(applyObjectChanges(s1, [{ type: "ADDED", resource: "leases", revision: 2, object: podObj("x") }])).toBe(s1);
  });
});

describe("flow slice", () => {
  const p = (seq: number, routine = false): Packet => ({ seq, from: "a", to: "b", kind: "request", summary: "", at: 0, arrives: 10, shownAt: 0, minVisible: 500, routine });
  it("keeps a packet until cluster time passes its arrival and it was seen long enough", () => {
    const s = addPackets({ packets: [], active: {} }, [p(1)]);
    expect(s.active).toEqual({ a: 1, b: 1 });
    expect(expirePackets(s, 10, 100).packets).toHaveLength(1);
    expect(expirePackets(s, 5, 1000).packets).toHaveLength(1);
    expect(expirePackets(s, 10, 500).packets).toHaveLength(0);
  });
  it("drops routine packets first when there are too many", () => {
    const many = Array.from({ length: MAX_PACKETS }, (_, i) => p(i + 10));
    const s = addPackets(addPackets({ packets: [], active: {} }, [p(1, true)]), many);
    expect(s.packets).toHaveLength(MAX_PACKETS);
    expect(s.packets.some((x) => x.routine)).toBe(false);
  });
  it("marks lease renewals as routine", () => {
    const e = { seq: 1, at: 0, arrives: 2, from: "kubelet@w", to: "kube-apiserver", kind: "request" as const, verb: "update", resource: "leases", summary: "PUT leases/w", narration: "" };
    expect(toPacket(e, 0, 100).routine).toBe(true);
  });
});

describe("time mapping", () => {
  it("gives a followable hop at ×1 and a brisk one at ×600", () => {
    expect(hopWallMs(1)).toBe(520);
    expect(hopWallMs(600)).toBe(60);
    expect(hopWallMs(0.25)).toBe(1040);
  });
  it("accelerates idle time and caps it", () => {
    expect(idleRate(1, 0)).toBe(1);
    expect(idleRate(1, 450)).toBe(2);
    expect(idleRate(1, 100_000)).toBe(2000);
    expect(idleRate(600, 0)).toBe(600);
  });
  it("stretches a hop's latency over its time on screen", () => {
    expect(hopLimit(100, 110, 0, 700, 0)).toBe(100);
    expect(hopLimit(100, 110, 0, 700, 350)).toBe(105);
    expect(hopLimit(100, 110, 0, 700, 9000)).toBe(110);
  });
  it("formats the cluster clock", () => {
    expect(formatClusterTime(92_000)).toBe("1m32s");
    expect(formatClusterTime(4_250)).toBe("4.2s");
    expect(formatClusterTime(3_725_000)).toBe("1h02m05s");
  });
  it("steps through the speed list", () => {
    expect(nextSpeed(1, 1)).toBe(2);
    expect(nextSpeed(600, 1)).toBe(600);
    expect(nextSpeed(0.25, -1)).toBe(0.25);
  });
});

describe("bridge", () => {
  it("mirrors existing objects and components, and batches changes until flush", () => {
    const cluster = createFakeCluster();
    const store = createAppStore();
    const bridge = createBridge(cluster, store);
    expect(store.getState().objects.nodes.size).toBe(4);
    let updates = 0;
    store.subscribe(() => updates++);
    cluster.request({ verb: "create", resource: "deployments", namespace: "default", body: nginxDeployment() }, () => {});
    cluster.advance(50);
    expect(updates).toBe(0);
    expect(store.getState().objects.deployments.size).toBe(0);
    bridge.flush({ wallNow: 0, hopWall: 700, speed: 1, smart: false });
    expect(updates).toBe(1);
    const s = store.getState();
    expect(s.objects.deployments.size).toBe(1);
    expect(s.componentOrder).toContain("kubelet@worker-1");
    expect(s.narration.length).toBeGreaterThan(3);
    expect(s.marks.some((m) => m.label === "POST deployments" && m.tone === "user")).toBe(true);
    expect(s.now).toBe(50);
  });
  it("does not touch the store when nothing happened", () => {
    const cluster = createFakeCluster({ heartbeats: false });
    const store = createAppStore();
    const bridge = createBridge(cluster, store);
    bridge.flush({ wallNow: 0, hopWall: 700, speed: 1, smart: false });
    const s = store.getState();
    bridge.flush({ wallNow: 16, hopWall: 700, speed: 1, smart: false });
    expect(store.getState()).toBe(s);
  });
});

describe("driver", () => {
  function setup(opts: { smart: boolean; speed?: 1 | 10; heartbeats?: boolean }) {
    const cluster = createFakeCluster({ heartbeats: opts.heartbeats });
    const store = createAppStore();
    store.setState({ smart: opts.smart, speed: opts.speed ?? 1 });
    const bridge = createBridge(cluster, store);
    const driver = createDriver(cluster, store, bridge);
    return { cluster, store, driver };
  }

  it("maps wall time to virtual time at the chosen speed without smart speed", () => {
    const { cluster, driver } = setup({ smart: false, speed: 10 });
    driver.frame(1000);
    driver.frame(1016);
    expect(cluster.now()).toBe(160);
    driver.frame(5000); // a long pause (hidden tab) counts as at most 100 ms
    expect(cluster.now()).toBe(1160);
  });

  it("freezes the clock when paused", () => {
    const { cluster, store, driver } = setup({ smart: false });
    driver.frame(0);
    driver.frame(16);
    store.setState({ playing: false });
    driver.frame(32);
    driver.frame(48);
    expect(cluster.now()).toBe(16);
  });

  it("with smart speed, accelerates through idle time but keeps a 40 s stretch visible", () => {
    const { cluster, driver } = setup({ smart: true, heartbeats: false });
    let wall = 0;
    driver.frame(wall);
    while (cluster.now() < 40_000) driver.frame((wall += 16));
    expect(wall).toBeGreaterThan(1500);
    expect(wall).toBeLessThan(4500);
  });

  it("with smart speed, stops at each hop and stretches it over its time on screen", () => {
    const { cluster, store, driver } = setup({ smart: true, heartbeats: false });
    let wall = 0;
    driver.frame(wall);
    cluster.request({ verb: "create", resource: "deployments", namespace: "default", body: nginxDeployment() }, () => {});
    driver.frame((wall += 16));
    // The POST left kubectl: it is in flight and the clock has not jumped past its arrival.
    const first = store.getState().packets[0];
    expect(first.summary).toBe("POST deployments");
    expect(cluster.now()).toBeLessThan(first.arrives);
    driver.frame((wall += 350));
    expect(cluster.now()).toBeGreaterThan(first.at);
    expect(cluster.now()).toBeLessThanOrEqual(first.arrives);
    // Run the whole flow: three pods reach Running, and it takes followable wall time.
    while (wall < 120_000) {
      driver.frame((wall += 16));
      const pods = [...store.getState().objects.pods.values()].filter((p) => p.metadata.namespace === "default");
      if (pods.length === 3 && pods.every((p) => selectPodStatus(`default/${p.metadata.name}`)(store.getState()) === "Running")) break;
    }
    expect(wall).toBeGreaterThan(5_000);
    expect(wall).toBeLessThan(120_000);
  });

  it("with smart speed, does not crawl through a burst too large to follow", () => {
    const { cluster, store, driver } = setup({ smart: true, speed: 10, heartbeats: false });
    const big = nginxDeployment();
    big.spec.replicas = 200;
    cluster.request({ verb: "create", resource: "deployments", namespace: "default", body: big }, () => {});
    let wall = 0;
    driver.frame(wall);
    while (wall < 60_000 && store.getState().objects.pods.size < 200 + 8) driver.frame((wall += 16));
    expect(store.getState().objects.pods.size).toBeGreaterThanOrEqual(208);
    expect(wall).toBeLessThan(60_000);
  });

  it("Step runs to the next hop, pauses, and shows its narration", () => {
    const { cluster, store, driver } = setup({ smart: true, heartbeats: false });
    cluster.request({ verb: "create", resource: "deployments", namespace: "default", body: nginxDeployment() }, () => {});
    driver.step(0);
    let s = store.getState();
    expect(s.playing).toBe(false);
    expect(s.packets.map((p) => p.summary)).toEqual(["POST deployments"]);
    expect(s.narration.find((n) => n.seq === s.focusSeq)?.summary).toBe("POST deployments");
    driver.step(100);
    s = store.getState();
    expect(s.narration.find((n) => n.seq === s.focusSeq)?.summary).toBe("txn deployments");
    expect(s.now).toBe(5);
  });
});

describe("diagram model", () => {
  it("groups pods per node by owner, user workloads first", () => {
    const cluster = createFakeCluster({ heartbeats: false });
    const store = createAppStore();
    const bridge = createBridge(cluster, store);
    cluster.request({ verb: "create", resource: "deployments", namespace: "default", body: nginxDeployment() }, () => {});
    cluster.settle();
    bridge.flush({ wallNow: 0, hopWall: 700, speed: 1, smart: false });
    const model = deriveDiagramModel(store.getState());
    expect(model.controlPlane?.name).toBe("control-plane");
    expect(model.workers.map((w) => w.name)).toEqual(["worker-1", "worker-2", "worker-3"]);
    const w1 = model.workers[0];
    expect(w1.groups[0]).toMatchObject({ title: "nginx", subtitle: "Deployment › ReplicaSet 7c5ddbdf54", prefix: "nginx-7c5ddbdf54-" });
    expect(w1.groups[1]).toMatchObject({ title: "kube-proxy", subtitle: "DaemonSet" });
    expect(model.controlPlane?.groups.find((g) => g.title === "static pods")?.podKeys).toHaveLength(4);
    const s = store.getState();
    expect(statusCounts(s, w1.groups[0].podKeys)).toEqual([["Running", 1]]);
    expect(selectNodeReadiness("worker-1")(s)).toBe("Ready");
    // The signature changes when pods are added, not when they change status.
    const sig = layoutSignature(model);
    expect(layoutSignature(deriveDiagramModel(store.getState()))).toBe(sig);
  });
});
