import { describe, expect, it } from "vitest";
import type { Pod } from "../sim/api/types";
import { podStatus, statusTone } from "./podStatus";

function pod(status: Pod["status"], extra: Partial<Pod["metadata"]> = {}): Pod {
  return { apiVersion: "v1", kind: "Pod", metadata: { name: "p", namespace: "default", ...extra }, spec: { containers: [{ name: "a", image: "nginx" }] }, status };
}
const cs = (state: object, ready = false) => ({ name: "a", image: "nginx", imageID: "", ready, restartCount: 0, state, lastState: {} });

describe("podStatus", () => {
  it("prints the phase when nothing else is known", () => {
    expect(podStatus(pod({ phase: "Pending" }))).toBe("Pending");
    expect(podStatus(pod(undefined))).toBe("Pending");
  });
  it("prints a waiting container's reason", () => {
    expect(podStatus(pod({ phase: "Pending", containerStatuses: [cs({ waiting: { reason: "ContainerCreating" } })] }))).toBe("ContainerCreating");
    expect(podStatus(pod({ phase: "Running", containerStatuses: [cs({ waiting: { reason: "CrashLoopBackOff" } })] }))).toBe("CrashLoopBackOff");
  });
  it("prints Running for a ready running container", () => {
    expect(podStatus(pod({ phase: "Running", containerStatuses: [cs({ running: {} }, true)] }))).toBe("Running");
  });
  it("prints a terminated container's reason or exit code", () => {
    expect(podStatus(pod({ phase: "Succeeded", containerStatuses: [cs({ terminated: { exitCode: 0, reason: "Completed" } })] }))).toBe("Completed");
    expect(podStatus(pod({ phase: "Failed", containerStatuses: [cs({ terminated: { exitCode: 2 } })] }))).toBe("ExitCode:2");
  });
  it("prints init progress", () => {
    const p = pod({ phase: "Pending", initContainerStatuses: [cs({ waiting: { reason: "PodInitializing" } })] });
    p.spec.initContainers = [{ name: "init", image: "busybox" }];
    expect(podStatus(p)).toBe("Init:0/1");
  });
  it("prints Terminating once a deletionTimestamp is set, whatever the phase", () => {
    expect(podStatus(pod({ phase: "Running", containerStatuses: [cs({ running: {} }, true)] }, { deletionTimestamp: "2026-01-01T09:01:00Z" }))).toBe("Terminating");
  });
  it("maps statuses to colour families", () => {
    expect(statusTone("Running")).toBe("running");
    expect(statusTone("ContainerCreating")).toBe("creating");
    expect(statusTone("CrashLoopBackOff")).toBe("failed");
    expect(statusTone("Terminating")).toBe("terminating");
    expect(statusTone("Init:0/1")).toBe("pending");
  });
});
