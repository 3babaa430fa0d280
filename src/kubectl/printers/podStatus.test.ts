// STATUS / READY / RESTARTS follow printPod in kubernetes/pkg/printers/internalversion/printers.go
// (v1.34): init containers first (Init:N/M, Init:<reason>), then the containers from the last to
// the first so the first one's waiting/terminated reason wins, `Completed`→`Running`/`NotReady`
// when a container still runs, `Terminating` for a deletionTimestamp, `Unknown` for NodeLost.
import { describe, expect, it } from "vitest";
import type { ContainerStatus, Pod } from "../../sim/api/types";
import { summarizePod } from "./podStatus";
import { MIN, SEC, container, pod, runningStatus, ts } from "./fixtures.test-util";

const now = 10 * MIN;

function waiting(name: string, reason: string, extra: Partial<ContainerStatus> = {}): ContainerStatus {
  return runningStatus(name, 0, { ready: false, started: false, state: { waiting: { reason } }, ...extra });
}
function terminated(name: string, exitCode: number, reason?: string): ContainerStatus {
  return runningStatus(name, 0, {
    ready: false,
    started: false,
    state: { terminated: { exitCode, reason, startedAt: ts(SEC), finishedAt: ts(5 * SEC) } },
  });
}
function withStatus(p: Pod, patch: Partial<NonNullable<Pod["status"]>>): Pod {
  return { ...p, status: { ...p.status, ...patch } };
}

describe("summarizePod", () => {
  it("a running, ready pod", () => {
    expect(summarizePod(pod(), now)).toEqual({ ready: "1/1", status: "Running", restarts: "0" });
  });

  it("ContainerCreating while the runtime starts it", () => {
    const p = withStatus(pod(), {
      phase: "Pending",
      containerStatuses: [waiting("nginx", "ContainerCreating")],
    });
    expect(summarizePod(p, now)).toEqual({ ready: "0/1", status: "ContainerCreating", restarts: "0" });
  });

  it("Pending before scheduling (no container statuses)", () => {
    const p = withStatus(pod({ node: "" }), { phase: "Pending", containerStatuses: undefined });
    expect(summarizePod(p, now).status).toBe("Pending");
  });

  it("SchedulingGated from the PodScheduled condition", () => {
    const p = withStatus(pod({ node: "" }), {
      phase: "Pending",
      containerStatuses: undefined,
      conditions: [{ type: "PodScheduled", status: "False", reason: "SchedulingGated" }],
    });
    expect(summarizePod(p, now).status).toBe("SchedulingGated");
  });

  it("CrashLoopBackOff with restarts and the time since the last one", () => {
    const cs = waiting("app", "CrashLoopBackOff", {
      restartCount: 3,
      lastState: {
        terminated: {
          exitCode: 1,
          reason: "Error",
          startedAt: ts(now - 45 * SEC),
          finishedAt: ts(now - 41 * SEC),
        },
      },
    });
    const p = withStatus(pod({ containers: [container("app", "busybox")] }), { containerStatuses: [cs] });
    expect(summarizePod(p, now)).toEqual({
      ready: "0/1",
      status: "CrashLoopBackOff",
      restarts: "3 (41s ago)",
    });
  });

  it.each([
    [59 * SEC, "2 (59s ago)"],
    [2 * MIN, "2 (2m ago)"],
    [2 * MIN + 5 * SEC, "2 (2m5s ago)"],
    [10 * MIN, "2 (10m ago)"],
    [3 * 60 * MIN, "2 (3h ago)"],
    [8 * 60 * MIN, "2 (8h ago)"],
    [48 * 60 * MIN, "2 (2d ago)"],
  ])("RESTARTS with the last restart %d ms ago → %s (HumanDuration of lastState.terminated.finishedAt)", (ago, want) => {
    const at = 3 * 24 * 60 * MIN;
    const cs = runningStatus("app", 0, {
      restartCount: 2,
      lastState: { terminated: { exitCode: 1, reason: "Error", startedAt: ts(at - ago - 5 * SEC), finishedAt: ts(at - ago) } },
    });
    const p = withStatus(pod({ containers: [container("app", "busybox")] }), { containerStatuses: [cs] });
    expect(summarizePod(p, at)).toEqual({ ready: "1/1", status: "Running", restarts: want });
  });

  it("RESTARTS sums containers and dates from the most recent termination of any of them", () => {
    const term = (finished: number) => ({ terminated: { exitCode: 1, reason: "Error", startedAt: ts(0), finishedAt: ts(finished) } });
    const p = withStatus(pod({ containers: [container("app", "busybox"), container("sidecar", "envoy")] }), {
      containerStatuses: [
        runningStatus("app", 0, { restartCount: 1, lastState: term(now - 5 * MIN) }),
        runningStatus("sidecar", 0, { restartCount: 4, lastState: term(now - 30 * SEC) }),
      ],
    });
    expect(summarizePod(p, now).restarts).toBe("5 (30s ago)");
  });

  it("ErrImagePull and ImagePullBackOff", () => {
    expect(
      summarizePod(
        withStatus(pod(), { phase: "Pending", containerStatuses: [waiting("nginx", "ErrImagePull")] }),
        now,
      ).status,
    ).toBe("ErrImagePull");
    expect(
      summarizePod(
        withStatus(pod(), { phase: "Pending", containerStatuses: [waiting("nginx", "ImagePullBackOff")] }),
        now,
      ).status,
    ).toBe("ImagePullBackOff");
  });

  it("Completed and Error from the terminated reason", () => {
    expect(
      summarizePod(
        withStatus(pod(), { phase: "Succeeded", containerStatuses: [terminated("nginx", 0, "Completed")] }),
        now,
      ),
    ).toEqual({
      ready: "0/1",
      status: "Completed",
      restarts: "0",
    });
    expect(
      summarizePod(
        withStatus(pod(), { phase: "Failed", containerStatuses: [terminated("nginx", 1, "Error")] }),
        now,
      ).status,
    ).toBe("Error");
  });

  it("ExitCode:N when the runtime gave no reason", () => {
    expect(
      summarizePod(withStatus(pod(), { phase: "Failed", containerStatuses: [terminated("nginx", 137)] }), now)
        .status,
    ).toBe("ExitCode:137");
  });

  it("the first container's reason wins; ready counts running+ready containers", () => {
    const p = withStatus(pod({ containers: [container("app", "busybox"), container("sidecar", "envoy")] }), {
      containerStatuses: [waiting("app", "CrashLoopBackOff"), runningStatus("sidecar")],
    });
    expect(summarizePod(p, now)).toEqual({ ready: "1/2", status: "CrashLoopBackOff", restarts: "0" });
  });

  it("Completed turns back into Running when another container still runs", () => {
    const p = withStatus(pod({ containers: [container("a"), container("b")] }), {
      containerStatuses: [runningStatus("a"), terminated("b", 0, "Completed")],
    });
    expect(summarizePod(p, now).status).toBe("Running");
  });

  it("Running but not ready (readiness failing) stays Running", () => {
    const p = withStatus(pod(), { containerStatuses: [runningStatus("nginx", 0, { ready: false })] });
    expect(summarizePod(p, now)).toEqual({ ready: "0/1", status: "Running", restarts: "0" });
  });

  it("Init:0/1 while the init container runs, Init:CrashLoopBackOff when it crashes", () => {
    const base = pod();
    const p: Pod = {
      ...base,
      spec: { ...base.spec, initContainers: [container("init-db", "busybox")] },
      status: {
        ...base.status,
        phase: "Pending",
        conditions: [{ type: "Initialized", status: "False", reason: "ContainersNotInitialized" }],
        initContainerStatuses: [runningStatus("init-db", 0, { ready: false })],
        containerStatuses: [waiting("nginx", "PodInitializing")],
      },
    };
    expect(summarizePod(p, now)).toEqual({ ready: "0/1", status: "Init:0/1", restarts: "0" });
    const crashing: Pod = {
      ...p,
      status: {
        ...p.status,
        initContainerStatuses: [waiting("init-db", "CrashLoopBackOff", { restartCount: 2 })],
      },
    };
    expect(summarizePod(crashing, now)).toEqual({
      ready: "0/1",
      status: "Init:CrashLoopBackOff",
      restarts: "2",
    });
    const failed: Pod = {
      ...p,
      status: { ...p.status, initContainerStatuses: [terminated("init-db", 1, "Error")] },
    };
    expect(summarizePod(failed, now).status).toBe("Init:Error");
  });

  it("Terminating once deletionTimestamp is set", () => {
    const p = pod();
    p.metadata.deletionTimestamp = ts(now - 5 * SEC);
    expect(summarizePod(p, now).status).toBe("Terminating");
  });

  it("Unknown for a pod being deleted on an unreachable node (reason NodeLost)", () => {
    const p = withStatus(pod(), {
      reason: "NodeLost",
      message: "Node worker-1 which was running pod web-x is unresponsive",
    });
    expect(summarizePod(p, now).status).toBe("NodeLost");
    p.metadata.deletionTimestamp = ts(now);
    expect(summarizePod(p, now).status).toBe("Unknown");
  });

  it("a terminal pod with a deletionTimestamp keeps its reason", () => {
    const p = withStatus(pod(), {
      phase: "Succeeded",
      containerStatuses: [terminated("nginx", 0, "Completed")],
    });
    p.metadata.deletionTimestamp = ts(now);
    expect(summarizePod(p, now).status).toBe("Completed");
  });
});
