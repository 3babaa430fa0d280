import { describe, expect, it } from "vitest";
import type { Container, Pod } from "../api/types";
import { createCluster, type ClusterImpl } from "../cluster";
import { create, events, pod, readyOf, service, waitFor } from "./fixtures";
import type { EndpointSlice } from "../api/types";
import type { RequestResult } from "../dataPath";

const get = (c: ClusterImpl, name: string) => c.list<Pod>("pods", "default").find((p) => p.metadata.name === name)!;
const messages = (c: ClusterImpl, name: string) => events(c, "default").filter((e) => e.involvedObject.name === name).map((e) => `${e.type} ${e.reason}: ${e.message}`);

/** What kubectl's STATUS column would read from the first container. */
function statusColumn(p: Pod): string {
  const s = p.status?.containerStatuses?.[0]?.state;
  return s?.waiting?.reason ?? s?.terminated?.reason ?? (s?.running ? "Running" : (p.status?.phase ?? ""));
}

/** Every status kube-apiserver stored for pod `name`: [virtual ms, STATUS, restartCount]. */
function recordStatuses(c: ClusterImpl, name: string): [number, string, number][] {
  const seen: [number, string, number][] = [];
  c.onObjectChange((ch) => {
    if (ch.resource !== "pods" || ch.object.metadata.name !== name) return;
    const p = ch.object as Pod;
    const row: [number, string, number] = [c.now(), statusColumn(p), p.status?.containerStatuses?.[0]?.restartCount ?? 0];
    const last = seen[seen.length - 1];
    if (!last || last[1] !== row[1] || last[2] !== row[2]) seen.push(row);
  });
  return seen;
}

describe("CrashLoopBackOff: busybox running sh -c \"exit 1\" (real profile)", () => {
  const c = createCluster({ seed: 81 });
  const seen = recordStatuses(c, "crash");
  create(c, "pods", pod("crash", { containers: [{ name: "app", image: "busybox:1.36", command: ["sh", "-c", "exit 1"] }] }));
  c.advance(200_000);

  it("restarts with the kubelet's back-off: at once, then 10 s, 20 s, 40 s, 80 s", () => {
    const restarts = seen.filter((r, i) => i > 0 && r[2] > seen[i - 1][2]).map((r) => r[0]);
    expect(restarts.length).toBeGreaterThanOrEqual(5);
    const gaps = restarts.slice(1, 5).map((t, i) => t - restarts[i]);
    const expected = [10_000, 20_000, 40_000, 80_000];
    gaps.forEach((g, i) => {
      expect(g).toBeGreaterThan(expected[i] - 50);
      expect(g).toBeLessThan(expected[i] + 1_000);
    });
    expect(get(c, "crash").status?.containerStatuses?.[0]?.restartCount).toBe(5);
  });

  it("shows Error after each exit, then CrashLoopBackOff while it waits", () => {
    const statuses = seen.map((r) => r[1]);
    expect(statuses.slice(0, 3)).toEqual(["Pending", "ContainerCreating", "Error"]);
    expect(statuses).toContain("CrashLoopBackOff");
    for (let i = 1; i < seen.length; i++) if (seen[i][1] === "CrashLoopBackOff") expect(seen[i - 1][1]).toBe("Error");
    const cs = get(c, "crash").status!.containerStatuses![0];
    expect(cs.lastState?.terminated).toMatchObject({ exitCode: 1, reason: "Error" });
    expect(get(c, "crash").status?.phase).toBe("Running");
    expect(readyOf(get(c, "crash"))?.status).toBe("False");
  });

  it("records BackOff events with the kubelet's text", () => {
    const uid = get(c, "crash").metadata.uid;
    expect(messages(c, "crash")).toContain(`Warning BackOff: Back-off restarting failed container app in pod crash_default(${uid})`);
    expect(get(c, "crash").status!.containerStatuses![0].state?.waiting?.message).toMatch(new RegExp(`^back-off (10|20|40|80|160)s restarting failed container=app pod=crash_default\\(${uid}\\)$`));
  });
});

describe("ImagePullBackOff: nginx:doesnotexist", () => {
  const c = createCluster({ seed: 82 });
  const seen = recordStatuses(c, "pull");
  create(c, "pods", pod("pull", { containers: [{ name: "nginx", image: "nginx:doesnotexist" }] }));
  c.advance(100_000);

  it("alternates ErrImagePull and ImagePullBackOff, retrying with back-off, with the Failed event text", () => {
    const statuses = seen.map((r) => r[1]);
    expect(statuses).toContain("ErrImagePull");
    expect(statuses[statuses.length - 1]).toBe("ImagePullBackOff");
    const text = messages(c, "pull");
    const ref = "docker.io/library/nginx:doesnotexist";
    expect(text).toContain(`Warning Failed: Failed to pull image "nginx:doesnotexist": failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": ${ref}: not found`);
    expect(text).toContain("Warning Failed: Error: ErrImagePull");
    expect(text).toContain('Normal BackOff: Back-off pulling image "nginx:doesnotexist"');
    expect(text).toContain("Warning Failed: Error: ImagePullBackOff");
    // Attempts at 0, 10, 30 and 70 s: four pulls in the first 100 s, recorded as one event with count 4.
    const pulling = events(c, "default").filter((e) => e.involvedObject.name === "pull" && e.reason === "Pulling");
    expect(pulling).toHaveLength(1);
    expect(pulling[0].count).toBe(4);
    expect(get(c, "pull").status?.phase).toBe("Pending");
  });
});

describe("OOMKilled", () => {
  const c = createCluster({ seed: 83 });
  create(c, "pods", pod("hog", { containers: [{ name: "stress", image: "polinux/stress", command: ["stress"], args: ["--vm", "1", "--vm-bytes", "250M"], resources: { limits: { memory: "100Mi" } } }] }));
  c.advance(30_000);

  it("kills a container past its memory limit with exit code 137", () => {
    const cs = get(c, "hog").status!.containerStatuses![0];
    expect(cs.lastState?.terminated).toMatchObject({ reason: "OOMKilled", exitCode: 137 });
    expect(cs.restartCount).toBeGreaterThanOrEqual(1);
  });
});

describe("probes", () => {
  const c = createCluster({ seed: 84 });
  const nginx = (probe: Pick<Container, "readinessProbe" | "livenessProbe">): Container => ({ name: "nginx", image: "nginx:1.27", ports: [{ containerPort: 80 }], ...probe });
  const bad = { httpGet: { path: "/healthz", port: 80 }, periodSeconds: 10, failureThreshold: 3 };
  create(c, "pods", { ...pod("unready", { containers: [nginx({ readinessProbe: bad })] }), metadata: { name: "unready", namespace: "default", labels: { app: "unready" } } });
  create(c, "services", service("unready"));
  create(c, "pods", pod("unlive", { containers: [nginx({ livenessProbe: bad })] }));
  create(c, "pods", pod("client", { containers: [{ name: "curl", image: "curlimages/curl:8.14.1", command: ["sleep", "infinity"] }] }));
  c.advance(60_000);

  it("a failing readiness probe keeps the pod out of the Service's endpoints", () => {
    const p = get(c, "unready");
    expect(p.status?.phase).toBe("Running");
    expect(readyOf(p)?.status).toBe("False");
    expect(messages(c, "unready")).toContain("Warning Unhealthy: Readiness probe failed: HTTP probe failed with statuscode: 404");
    const slice = c.list<EndpointSlice>("endpointslices", "default").find((s) => s.metadata.labels?.["kubernetes.io/service-name"] === "unready")!;
    expect(slice.endpoints.map((e) => e.conditions.ready)).toEqual([false]);
    let out: RequestResult | undefined;
    c.sendRequest({ from: { namespace: "default", pod: "client" }, url: "http://unready" }, (r) => (out = r));
    c.settle(20_000);
    expect(out?.error).toMatch(/^curl: \(7\) Failed to connect to unready port 80 after \d+ ms: Couldn't connect to server$/);
  });

  it("a failing liveness probe restarts the container after three failures", () => {
    waitFor(c, () => (get(c, "unlive").status?.containerStatuses?.[0]?.restartCount ?? 0) >= 1, 60_000);
    const text = messages(c, "unlive");
    expect(text).toContain("Warning Unhealthy: Liveness probe failed: HTTP probe failed with statuscode: 404");
    expect(text).toContain("Normal Killing: Container nginx failed liveness probe, will be restarted");
  });
});
