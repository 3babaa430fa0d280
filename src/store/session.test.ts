import { describe, expect, it } from "vitest";
import { createCluster } from "../sim";
import type { Pod } from "../sim/api/types";
import { nginxDeployment } from "./examples";
import { podStatus } from "./podStatus";
import { createSession } from "./session";

describe("a session on the real cluster", () => {
  it("mirrors the default cluster, then follows the nginx example to three Running pods", () => {
    const cluster = createCluster({ workers: 3, seed: 1 });
    const session = createSession(cluster);
    const { store, driver } = session;
    let wall = 0;
    driver.frame(wall);
    let s = store.getState();
    expect([...s.objects.nodes.keys()].sort()).toEqual(["control-plane", "worker-1", "worker-2", "worker-3"]);
    expect(s.componentOrder).toContain("kube-proxy@worker-3");

    cluster.request({ verb: "create", resource: "deployments", namespace: "default", body: nginxDeployment() }, () => {});
    store.setState({ speed: 10 });
    const running = () =>
      [...store.getState().objects.pods.values()].filter((p) => p.metadata.name?.startsWith("nginx-") && podStatus(p as Pod) === "Running").length;
    while (running() < 3 && wall < 300_000) driver.frame((wall += 16));
    expect(running()).toBe(3);
    s = store.getState();
    // The flow was narrated and marked: the user's request, the scheduler's decisions, the starts.
    expect(s.marks.some((m) => m.tone === "user" && m.label === "POST deployments")).toBe(true);
    expect(s.marks.some((m) => m.label.startsWith("Scheduled nginx-"))).toBe(true);
    expect(s.narration.some((n) => n.text.includes("binds default/nginx-"))).toBe(true);
    session.dispose();
  }, 60_000);
});
