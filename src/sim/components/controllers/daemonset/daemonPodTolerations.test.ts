import { describe, expect, it } from "vitest";
import { daemonPodTolerations } from "./daemonPodTolerations";

describe("daemonPodTolerations", () => {
  it("replaces a matching toleration (same key, operator, value, effect) and keeps the user's others", () => {
    const out = daemonPodTolerations({
      containers: [],
      tolerations: [
        { key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 },
        { key: "dedicated", operator: "Equal", value: "infra", effect: "NoSchedule" },
      ],
    });
    expect(out).toEqual([
      { key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute" },
      { key: "dedicated", operator: "Equal", value: "infra", effect: "NoSchedule" },
      { key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute" },
      { key: "node.kubernetes.io/disk-pressure", operator: "Exists", effect: "NoSchedule" },
      { key: "node.kubernetes.io/memory-pressure", operator: "Exists", effect: "NoSchedule" },
      { key: "node.kubernetes.io/pid-pressure", operator: "Exists", effect: "NoSchedule" },
      { key: "node.kubernetes.io/unschedulable", operator: "Exists", effect: "NoSchedule" },
    ]);
  });
});
