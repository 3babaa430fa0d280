// The pod kubectl picks for `logs deploy/x` (podutils.ByLogging) and `exec deploy/x`
// (sort.Reverse(podutils.ActivePods)), kubectl/pkg/util/podutils/podutils.go, used by
// polymorphichelpers.GetFirstPod in logsforobject.go and attachablepodforobject.go.
import { describe, expect, it } from "vitest";
import type { Pod } from "../../sim/api/types";
import { toTimestamp } from "../../sim/runtime";
import { pod } from "../testing";
import { byLogging, byMostActive, firstPod } from "./podSelection";

function p(name: string, o: { node?: string; phase?: string; readySince?: number; restarts?: number; created: number }): Pod {
  const base = pod(name, o.node ? { node: o.node } : {});
  return {
    ...base,
    metadata: { ...base.metadata, creationTimestamp: toTimestamp(o.created) },
    status: {
      phase: (o.phase ?? "Running") as NonNullable<Pod["status"]>["phase"],
      conditions: o.readySince === undefined ? [{ type: "Ready", status: "False" }] : [{ type: "Ready", status: "True", lastTransitionTime: toTimestamp(o.readySince) }],
      containerStatuses: [{ name: "nginx", image: "nginx", imageID: "", ready: o.readySince !== undefined, restartCount: o.restarts ?? 0, state: {} }],
    },
  } as Pod;
}

const names = (pods: Pod[], order: typeof byLogging) => [...pods].sort(order).map((x) => x.metadata.name);

describe("which pod of a controller kubectl picks", () => {
  const old = p("a-old", { node: "w1", readySince: 10_000, created: 1_000 });
  const fresh = p("b-fresh", { node: "w2", readySince: 90_000, created: 80_000 });
  const crashy = p("c-crashy", { node: "w3", readySince: 95_000, restarts: 3, created: 2_000 });
  const pending = p("d-pending", { phase: "Pending", created: 500 });
  const notReady = p("e-notready", { node: "w1", created: 100 });
  const all = [pending, fresh, notReady, crashy, old];

  it("logs: assigned, running, ready, ready the longest first", () => {
    expect(names(all, byLogging)).toEqual(["a-old", "b-fresh", "c-crashy", "e-notready", "d-pending"]);
    expect(firstPod(all, byLogging)?.metadata.name).toBe("a-old");
  });
  it("logs: among pods ready at the same time, the most restarted, then the oldest", () => {
    const x = p("x", { node: "w1", readySince: 5_000, restarts: 0, created: 2_000 });
    const y = p("y", { node: "w1", readySince: 5_000, restarts: 2, created: 3_000 });
    const z = p("z", { node: "w1", readySince: 5_000, restarts: 0, created: 0 });
    expect(names([x, y, z], byLogging)).toEqual(["y", "z", "x"]);
  });
  it("exec: the most active pod — ready the longest, fewest restarts, oldest", () => {
    expect(names(all, byMostActive)).toEqual(["a-old", "b-fresh", "c-crashy", "e-notready", "d-pending"]);
    const x = p("x", { node: "w1", readySince: 5_000, restarts: 0, created: 2_000 });
    const y = p("y", { node: "w1", readySince: 5_000, restarts: 2, created: 3_000 });
    const z = p("z", { node: "w1", readySince: 5_000, restarts: 0, created: 0 });
    expect(names([x, y, z], byMostActive)).toEqual(["z", "x", "y"]);
  });
});
