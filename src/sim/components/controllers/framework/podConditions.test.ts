import { describe, expect, it } from "vitest";
import type { Pod } from "../../../api";
import { fromTimestamp } from "../../../runtime";
import { isPodAvailable, isPodReady, podReadySince } from "./podConditions";

function pod(ready: "True" | "False" | undefined, lastTransitionTime?: string): Pod {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "p", namespace: "default" },
    spec: { containers: [{ name: "c", image: "nginx" }] },
    status: { phase: "Running", conditions: ready ? [{ type: "PodScheduled", status: "True" }, { type: "Ready", status: ready, ...(lastTransitionTime ? { lastTransitionTime } : {}) }] : [] },
  };
}

describe("pod conditions (podutil)", () => {
  const since = "2026-01-01T09:00:00Z";
  const t = fromTimestamp(since);

  it("is ready only with a True Ready condition", () => {
    expect(isPodReady(pod("True", since))).toBe(true);
    expect(isPodReady(pod("False", since))).toBe(false);
    expect(isPodReady(pod(undefined))).toBe(false);
    expect(podReadySince(pod("True", since))).toBe(t);
    expect(podReadySince(pod("False", since))).toBeUndefined();
  });

  it("is available once ready for strictly more than minReadySeconds (IsPodAvailable's Before)", () => {
    expect(isPodAvailable(pod("True", since), 0, t)).toBe(true);
    expect(isPodAvailable(pod("True", since), 10, t + 10_000)).toBe(false);
    expect(isPodAvailable(pod("True", since), 10, t + 10_001)).toBe(true);
    expect(isPodAvailable(pod("False", since), 0, t + 60_000)).toBe(false);
  });

  it("never counts a Ready condition without a transition time as available when minReadySeconds is set", () => {
    expect(isPodAvailable(pod("True"), 5, t)).toBe(false);
    expect(isPodAvailable(pod("True"), 0, t)).toBe(true);
  });
});
