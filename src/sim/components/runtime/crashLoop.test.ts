/**
 * How the kubelet is expected to drive the runtime for a crashing container (restartPolicy
 * Always): restart at once after the first exit, then wait 10 s, 20 s, 40 s … (Backoff), and
 * keep each dead container until the next one is created (for `kubectl logs --previous`).
 */
import { describe, expect, it } from "vitest";
import { Kernel } from "../../runtime";
import { Backoff, crashLoopWaitingMessage, podDescriptor } from "./backoff";
import { ContainerRuntime } from "./containerRuntime";
import { Registry } from "./registry";

describe("a crash loop driven through CRI", () => {
  it("restarts with 0 s, 10 s, 20 s, 40 s back-off and keeps the previous logs", () => {
    const kernel = new Kernel(11);
    const rt = new ContainerRuntime({ kernel, node: "worker-2", registry: new Registry(kernel) });
    const backoff = new Backoff();
    const key = "uid-crash/app";
    const starts: number[] = [];
    const waiting: string[] = [];
    let sandboxId = "";
    let attempt = 0;
    let previous: string | undefined;

    const startNext = () => {
      rt.createContainer(sandboxId, { name: "app", image: "busybox", command: ["sh", "-c", "echo attempt $N; sleep 2; exit 1"], env: { N: String(attempt) }, attempt }, (c) => {
        if (!c.ok) throw new Error(c.error);
        if (previous) rt.removeContainer(previous, () => undefined);
        previous = c.containerId;
        rt.startContainer(c.containerId, () => starts.push(kernel.now));
      });
    };
    rt.onContainerExit((c) => {
      const finished = c.finishedAt ?? kernel.now;
      attempt++;
      if (backoff.isInBackOffSince(key, finished, kernel.now)) {
        waiting.push(crashLoopWaitingMessage(backoff.get(key), "app", podDescriptor("crash", "default", "uid-crash")));
        kernel.after(backoff.remainingSince(key, finished, kernel.now), () => {
          backoff.next(key, finished, kernel.now);
          startNext();
        });
      } else {
        backoff.next(key, finished, kernel.now);
        startNext();
      }
    });
    rt.pullImage("busybox", () =>
      rt.runPodSandbox({ podName: "crash", namespace: "default", podUid: "uid-crash", podIP: "10.244.2.9" }, (sb) => {
        if (!sb.ok) throw new Error(sb.error);
        sandboxId = sb.sandboxId;
        startNext();
      }),
    );
    kernel.runUntil(120_000);

    // gaps between one exit (start + 2 s) and the next start, rounded to seconds
    const gaps = starts.slice(1).map((t, i) => Math.round((t - (starts[i] + 2_000)) / 1000));
    expect(gaps.slice(0, 4)).toEqual([0, 10, 20, 40]);
    expect(waiting[0]).toBe("back-off 10s restarting failed container=app pod=crash_default(uid-crash)");
    const last = rt.containersOf("uid-crash").filter((c) => c.state === "exited").at(-1);
    expect(last && rt.logs(last.id).map((l) => l.text)).toEqual([`attempt ${last?.attempt}`]);
  });
});
