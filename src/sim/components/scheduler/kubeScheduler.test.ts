import { describe, expect, it } from "vitest";
import type { KubeEvent, Node, Pod } from "../../api/types";
import { PROFILES } from "../../profiles";
import { objectOf, apiHarness } from "../apiserver/testHarness";
import { ApiClientImpl } from "../client";
import { KubeScheduler } from "./kubeScheduler";
import { CONTROL_PLANE_TAINT, makeNode, makePod } from "./testFixtures";

function setup() {
  const h = apiHarness(3);
  const client = new ApiClientImpl("kube-scheduler", h.kernel, h.apiserver, PROFILES.real);
  const scheduler = new KubeScheduler({ kernel: h.kernel, profile: PROFILES.real, client });
  const addNode = (n: Node) => objectOf(h.call({ verb: "create", resource: "nodes", body: n }));
  addNode(makeNode("control-plane", { taints: [CONTROL_PLANE_TAINT] }));
  for (let i = 1; i <= 3; i++) addNode(makeNode(`worker-${i}`, { zone: i % 2 ? "zone-a" : "zone-b" }));
  const run = (ms = 2_000) => h.kernel.runUntil(h.kernel.now + ms);
  const create = (p: Pod) => h.seedObject(p);
  const pod = (name: string) => objectOf<Pod>(h.call({ verb: "get", resource: "pods", namespace: "default", name }));
  const events = () => (h.call({ verb: "list", resource: "events", namespace: "default" }) as { items?: KubeEvent[] }).items ?? [];
  scheduler.start();
  run();
  return { h, scheduler, run, create, pod, events, addNode };
}

const replica = (i: number) => makePod(`web-${i}`, { labels: { app: "web", "pod-template-hash": "7c5ddbdf54" }, owner: "ReplicaSet", cpu: "100m" });

describe("KubeScheduler", () => {
  it("binds a 3-replica Deployment's pods one per worker, with Scheduled events", () => {
    const { run, create, pod, events, scheduler } = setup();
    for (let i = 0; i < 3; i++) create(replica(i));
    run();
    const nodes = [0, 1, 2].map((i) => pod(`web-${i}`).spec.nodeName);
    expect(new Set(nodes).size).toBe(3);
    expect(nodes.every((n) => n?.startsWith("worker-"))).toBe(true);
    const scheduled = events().filter((e) => e.reason === "Scheduled");
    expect(scheduled.map((e) => e.message).sort()).toEqual([0, 1, 2].map((i) => `Successfully assigned default/web-${i} to ${nodes[i]}`).sort());
    expect(scheduled[0].source.component).toBe("default-scheduler");
    expect(scheduled[0].type).toBe("Normal");
    expect(scheduler.resultFor("default", "web-0")?.node).toBe(nodes[0]);
  });

  it("reports an unschedulable pod and schedules it once a node fits", () => {
    const { run, create, pod, events, addNode, scheduler } = setup();
    create(makePod("big", { cpu: "5" }));
    run();
    const message =
      "0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.";
    const failed = events().find((e) => e.reason === "FailedScheduling");
    expect(failed?.message).toBe(message);
    expect(failed?.type).toBe("Warning");
    const cond = pod("big").status?.conditions?.find((c) => c.type === "PodScheduled");
    expect(cond).toMatchObject({ status: "False", reason: "Unschedulable", message });
    expect(pod("big").spec.nodeName).toBeUndefined();
    // Parked: no retry storm while nothing changes.
    const attempts = events().filter((e) => e.reason === "FailedScheduling").length;
    run(60_000);
    expect(events().filter((e) => e.reason === "FailedScheduling").length).toBe(attempts);
    expect(scheduler.queueCounts().unschedulable).toBe(1);
    addNode(makeNode("worker-4", { cpu: "8" }));
    run();
    expect(pod("big").spec.nodeName).toBe("worker-4");
  });

  it("leaves pods Pending while stopped and catches up when started", () => {
    const { run, create, pod, scheduler } = setup();
    scheduler.stop();
    create(replica(7));
    run(30_000);
    expect(pod("web-7").spec.nodeName).toBeUndefined();
    scheduler.start();
    run();
    expect(pod("web-7").spec.nodeName).toMatch(/^worker-/);
  });

  it("sees the resources of the pod it just bound (assumed pods)", () => {
    const { run, create, pod } = setup();
    // Each worker fits exactly one 3-cpu pod; created together, they must land on 3 nodes.
    for (let i = 0; i < 4; i++) create(makePod(`fat-${i}`, { cpu: "3" }));
    run();
    const placed = [0, 1, 2, 3].map((i) => pod(`fat-${i}`).spec.nodeName);
    expect(placed.filter((n) => n).length).toBe(3);
    expect(new Set(placed.filter((n) => n)).size).toBe(3);
  });
});
