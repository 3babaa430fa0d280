import { describe, expect, it } from "vitest";
import { Rng } from "../../runtime";
import { failedSchedulingMessage } from "./failedSchedulingMessage";
import { defaultPlugins } from "./plugins";
import { makePodInfo } from "./podInfo";
import { createScheduleContext, scheduleOne } from "./scheduleOne";
import { Snapshot } from "./snapshot";
import { CONTROL_PLANE_TAINT, makeNode, makePod } from "./testFixtures";
import type { Pod } from "../../api/types";

function attempt(pod: Pod, setup?: (s: Snapshot) => void) {
  const snap = new Snapshot();
  snap.setNode(makeNode("control-plane", { taints: [CONTROL_PLANE_TAINT] }));
  for (let i = 1; i <= 3; i++) snap.setNode(makeNode(`worker-${i}`, { zone: "zone-a" }));
  setup?.(snap);
  const r = scheduleOne(makePodInfo(pod), snap, createScheduleContext(defaultPlugins(), new Rng(1)));
  expect(r.node).toBeUndefined();
  return failedSchedulingMessage(r, { preemptionPolicy: pod.spec.preemptionPolicy });
}

describe("FailedScheduling message", () => {
  it("counts reasons, sorted as strings, then the preemption verdicts", () => {
    expect(attempt(makePod("big", { cpu: "5" }))).toBe(
      "0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.",
    );
  });

  it("counts a node once per reason when it lacks both cpu and memory", () => {
    expect(attempt(makePod("huge", { cpu: "5", memory: "32Gi" }))).toBe(
      "0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu, 3 Insufficient memory. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.",
    );
  });

  it("treats affinity and cordons as unresolvable", () => {
    const msg = attempt(makePod("p", { spec: { nodeSelector: { disktype: "ssd" } } }), (s) => s.setNode(makeNode("worker-1", { unschedulable: true })));
    expect(msg).toBe(
      "0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 1 node(s) were unschedulable, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.",
    );
  });

  it("sorts counts as strings (10 before 2)", () => {
    const snap = new Snapshot();
    for (let i = 0; i < 10; i++) snap.setNode(makeNode(`small-${i}`, { cpu: "1" }));
    for (let i = 0; i < 2; i++) snap.setNode(makeNode(`tainted-${i}`, { taints: [{ key: "x", effect: "NoSchedule" }] }));
    const r = scheduleOne(makePodInfo(makePod("p", { cpu: "2" })), snap, createScheduleContext(defaultPlugins(), new Rng(1)));
    expect(failedSchedulingMessage(r)).toBe(
      "0/12 nodes are available: 10 Insufficient cpu, 2 node(s) had untolerated taint {x: }. preemption: 0/12 nodes are available: 10 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.",
    );
  });

  it("counts nodes a DaemonSet pod does not name as NodeAffinity rejections", () => {
    const pod = makePod("kube-proxy-x", {
      spec: {
        affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: "metadata.name", operator: "In", values: ["worker-1"] }] }] } } },
      },
    });
    const msg = attempt(pod, (s) => s.setNode(makeNode("worker-1", { pods: "0" })));
    expect(msg).toBe(
      "0/4 nodes are available: 1 Too many pods, 3 node(s) didn't satisfy plugin(s) [NodeAffinity]. preemption: 0/4 nodes are available: 1 No preemption victims found for incoming pod, 3 Preemption is not helpful for scheduling.",
    );
  });

  it("reports host port conflicts and preemptionPolicy Never", () => {
    const pod = makePod("hp", { hostPort: 80, spec: { preemptionPolicy: "Never" } });
    const msg = attempt({ ...pod, spec: { ...pod.spec, preemptionPolicy: "Never" } }, (s) => {
      for (let i = 1; i <= 3; i++) s.addPod(makePod(`old-${i}`, { hostPort: 80 }), `worker-${i}`);
    });
    expect(msg).toBe(
      "0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 node(s) didn't have free ports for the requested pod ports. preemption: not eligible due to preemptionPolicy=Never.",
    );
  });
});
