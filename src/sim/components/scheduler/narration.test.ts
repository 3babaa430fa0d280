import { describe, expect, it } from "vitest";
import { Rng } from "../../runtime";
import { narrateResult } from "./narration";
import { defaultPlugins } from "./plugins";
import { makePodInfo } from "./podInfo";
import { createScheduleContext, scheduleOne } from "./scheduleOne";
import { Snapshot } from "./snapshot";
import { CONTROL_PLANE_TAINT, firstTieRng, makeNode, makePod } from "./testFixtures";

function cluster() {
  const snap = new Snapshot();
  snap.setNode(makeNode("control-plane", { taints: [CONTROL_PLANE_TAINT] }));
  for (let i = 1; i <= 3; i++) snap.setNode(makeNode(`worker-${i}`));
  return snap;
}

describe("narration", () => {
  it("says which nodes were ruled out and where the pod goes", () => {
    const r = scheduleOne(makePodInfo(makePod("web-x")), cluster(), createScheduleContext(defaultPlugins(), firstTieRng));
    expect(narrateResult(r, "default/web-x")).toBe(
      `The scheduler filtered 4 nodes: control-plane has a taint the pod does not tolerate; it scored the rest and binds default/web-x to ${r.node}.`,
    );
  });

  it("explains an unschedulable pod", () => {
    const r = scheduleOne(makePodInfo(makePod("big", { cpu: "5" })), cluster(), createScheduleContext(defaultPlugins(), new Rng(1)));
    expect(narrateResult(r, "default/big")).toBe(
      "The scheduler filtered 4 nodes and found none for default/big: control-plane has a taint the pod does not tolerate; worker-1, worker-2 and worker-3 have too little free cpu. It will retry when the cluster changes.",
    );
  });
});
