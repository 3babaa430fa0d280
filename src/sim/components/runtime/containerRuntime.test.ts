import { describe, expect, it } from "vitest";
import { Kernel, type TraceEvent } from "../../runtime";
import { ContainerRuntime, PAUSE_IMAGE } from "./containerRuntime";
import type { ContainerInfo, PullResult } from "./criTypes";
import { Registry } from "./registry";

function setup(opts: { preload?: string[] } = {}) {
  const kernel = new Kernel(7);
  const registry = new Registry(kernel);
  const rt = new ContainerRuntime({ kernel, node: "worker-1", registry, cpus: 2, preloadImages: opts.preload });
  const events = (): TraceEvent[] => kernel.trace.events;
  return { kernel, registry, rt, events };
}

const pod = { podName: "web-0", namespace: "default", podUid: "uid-1", podIP: "10.244.1.5" };

/** Sandbox + container started; returns the container id once running. */
function runContainer(s: ReturnType<typeof setup>, image: string, extra: Partial<Parameters<ContainerRuntime["createContainer"]>[1]> = {}): string {
  let id = "";
  s.rt.pullImage(image, () => {
    s.rt.runPodSandbox(pod, (sb) => {
      if (!sb.ok) throw new Error(sb.error);
      s.rt.createContainer(sb.sandboxId, { name: "app", image, ...extra }, (c) => {
        if (!c.ok) throw new Error(c.error);
        id = c.containerId;
        s.rt.startContainer(id, (r) => {
          if (!r.ok) throw new Error(r.error);
        });
      });
    });
  });
  s.kernel.runUntil(s.kernel.now + 60_000);
  return id;
}

describe("PullImage", () => {
  it("goes kubelet → runtime → registry and back, with a duration from the size", () => {
    const s = setup();
    let result: PullResult | undefined;
    s.rt.pullImage("nginx:1.27", (r) => (result = r));
    s.kernel.runUntil(30_000);
    if (!result?.ok) throw new Error("pull failed");
    expect(result.image.sizeBytes).toBe(72195292);
    expect(result.imageRef).toMatch(/^sha256:[0-9a-f]{64}$/);
    // 72 MB at 40 MB/s ±20 %, plus unpack at 150 MB/s
    expect(result.pullMs).toBeGreaterThan(1_400);
    expect(result.pullMs).toBeLessThan(2_800);
    const hops = s.events().map((e) => `${e.from} → ${e.to} [${e.kind}] ${e.summary}`);
    expect(hops).toEqual([
      "kubelet@worker-1 → container-runtime@worker-1 [cri] PullImage nginx:1.27",
      "container-runtime@worker-1 → registry [pull] GET manifest nginx:1.27",
      "registry → container-runtime@worker-1 [pull] layers nginx:1.27 (72.2 MB)",
      "container-runtime@worker-1 → kubelet@worker-1 [cri] PullImage nginx:1.27: done",
    ]);
    expect(s.rt.hasImage("nginx:1.27")).toBe(true);
    expect(s.rt.hasImage("docker.io/library/nginx:1.27")).toBe(true);
  });

  it("coalesces concurrent pulls of one image on a node, and re-pulls only the manifest", () => {
    const s = setup();
    const done: number[] = [];
    s.rt.pullImage("redis", () => done.push(s.kernel.now));
    s.rt.pullImage("redis:latest", () => done.push(s.kernel.now));
    s.kernel.runUntil(30_000);
    expect(done.length).toBe(2);
    expect(s.events().filter((e) => e.summary.startsWith("layers")).length).toBe(1);
    const t0 = s.kernel.now;
    let again: PullResult | undefined;
    s.rt.pullImage("redis", (r) => (again = r));
    s.kernel.runUntil(t0 + 5_000);
    expect(again?.ok && again.pullMs).toBeLessThan(200);
    expect(s.events().at(-2)?.summary).toBe("manifest redis");
  });

  it("fails with containerd's message for a missing tag", () => {
    const s = setup();
    let result: PullResult | undefined;
    s.rt.pullImage("nginx:doesnotexist", (r) => (result = r));
    s.kernel.runUntil(5_000);
    expect(result).toEqual({
      ok: false,
      reason: "ErrImagePull",
      error: 'failed to pull and unpack image "docker.io/library/nginx:doesnotexist": failed to resolve reference "docker.io/library/nginx:doesnotexist": docker.io/library/nginx:doesnotexist: not found',
    });
    expect(s.events().find((e) => e.from === "registry")?.status).toBe(404);
  });

  it("reports invalid references as InvalidImageName and an unreachable registry after the timeout", () => {
    const s = setup();
    const results: PullResult[] = [];
    s.rt.pullImage("Nginx", (r) => results.push(r));
    s.registry.setAvailable(false);
    s.rt.pullImage("busybox", (r) => results.push(r));
    s.kernel.runUntil(20_000);
    expect(results[0]).toMatchObject({ ok: false, reason: "InvalidImageName" });
    expect(results[1]).toMatchObject({ ok: false, reason: "ErrImagePull" });
    expect(results[1].ok || results[1].error).toContain("i/o timeout");
  });
});

describe("sandboxes and containers", () => {
  it("runs a pod: pause image pulled once and pinned, container running with a containerd id", () => {
    const s = setup();
    const id = runContainer(s, "nginx:1.27");
    const info = s.rt.container(id);
    expect(info).toMatchObject({ state: "running", name: "app", image: "docker.io/library/nginx:1.27", podName: "web-0" });
    expect(info?.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(info?.imageRef).toMatch(/^docker\.io\/library\/nginx@sha256:/);
    expect(s.rt.images().find((i) => i.repoTags[0] === PAUSE_IMAGE)?.pinned).toBe(true);
    const verbs = s.events().filter((e) => e.kind === "cri" && e.from === "kubelet@worker-1").map((e) => e.verb);
    expect(verbs).toEqual(["PullImage", "RunPodSandbox", "CreateContainer", "StartContainer"]);
    expect(s.rt.logs(id).some((l) => l.text.includes("start worker process"))).toBe(true);
    expect(s.rt.process(id)?.listening(80)).toBe(true);
  });

  it("reports exits to listeners, with reason and code", () => {
    const s = setup();
    const exits: ContainerInfo[] = [];
    s.rt.onContainerExit((c) => exits.push(c));
    runContainer(s, "busybox", { command: ["sh", "-c", "echo bye; exit 2"] });
    expect(exits).toHaveLength(1);
    expect(exits[0]).toMatchObject({ state: "exited", exitCode: 2, reason: "Error", name: "app" });
  });

  it("stops with SIGTERM and kills after the grace period when ignored", () => {
    const s = setup();
    const id = runContainer(s, "busybox", { command: ["sleep", "3600"] });
    const t0 = s.kernel.now;
    let stoppedAt = 0;
    s.rt.stopContainer(id, 30, () => (stoppedAt = s.kernel.now));
    s.kernel.runUntil(t0 + 60_000);
    expect(stoppedAt - t0).toBeGreaterThanOrEqual(30_000);
    expect(stoppedAt - t0).toBeLessThan(30_100);
    expect(s.rt.container(id)).toMatchObject({ exitCode: 137, reason: "Error" });
  });

  it("stops nginx gracefully in well under the grace period", () => {
    const s = setup();
    const id = runContainer(s, "nginx");
    const t0 = s.kernel.now;
    let stoppedAt = 0;
    s.rt.stopContainer(id, 30, () => (stoppedAt = s.kernel.now));
    s.kernel.runUntil(t0 + 60_000);
    expect(stoppedAt - t0).toBeLessThan(200);
    expect(s.rt.container(id)).toMatchObject({ exitCode: 0, reason: "Completed" });
  });

  it("fails StartContainer with StartError when the command is not in the image", () => {
    const s = setup();
    let error = "";
    s.rt.pullImage("hashicorp/http-echo", () =>
      s.rt.runPodSandbox(pod, (sb) => {
        if (!sb.ok) return;
        s.rt.createContainer(sb.sandboxId, { name: "echo", image: "hashicorp/http-echo", command: ["sh", "-c", "echo hi"] }, (c) => {
          if (c.ok) s.rt.startContainer(c.containerId, (r) => (error = r.ok ? "" : r.error));
        });
      }),
    );
    s.kernel.runUntil(30_000);
    expect(error).toContain('exec: "sh": executable file not found in $PATH');
    expect(s.rt.containersOf("uid-1")[0]).toMatchObject({ state: "exited", exitCode: 128, reason: "StartError" });
  });

  it("runs exec probes through ExecSync", () => {
    const s = setup();
    const id = runContainer(s, "busybox", { command: ["sh", "-c", "touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600"] });
    const results: unknown[] = [];
    s.rt.execSync(id, ["cat", "/tmp/healthy"], 1, (r) => results.push(r));
    s.rt.execSync(id, ["grpc_health_probe"], 1, (r) => results.push(r));
    s.kernel.runUntil(s.kernel.now + 1_000);
    // the pod has run 60 s: the file was removed at 30 s
    expect(results[0]).toEqual({ kind: "exited", exitCode: 1, output: "cat: can't open '/tmp/healthy': No such file or directory\n" });
    expect(results[1]).toEqual({ kind: "timeout", timeoutSeconds: 1 });
  });

  it("loses processes and sandboxes on power-off but keeps images", () => {
    const s = setup();
    const exits: ContainerInfo[] = [];
    s.rt.onContainerExit((c) => exits.push(c));
    const id = runContainer(s, "nginx");
    s.rt.powerOff();
    expect(s.rt.container(id)).toBeUndefined();
    expect(exits).toEqual([]);
    expect(s.rt.hasImage("nginx")).toBe(true);
    s.rt.powerOn();
    expect(s.rt.running).toBe(true);
  });

  it("crashes a running container on demand", () => {
    const s = setup();
    const exits: ContainerInfo[] = [];
    s.rt.onContainerExit((c) => exits.push(c));
    const id = runContainer(s, "nginx");
    expect(s.rt.crashContainer(id, 1)).toBe(true);
    expect(exits[0]).toMatchObject({ exitCode: 1, reason: "Error" });
  });

  it("is deterministic for a seed", () => {
    const a = setup();
    const b = setup();
    const ia = runContainer(a, "redis");
    const ib = runContainer(b, "redis");
    expect(ia).toBe(ib);
    expect(JSON.stringify(a.events())).toBe(JSON.stringify(b.events()));
  });
});
