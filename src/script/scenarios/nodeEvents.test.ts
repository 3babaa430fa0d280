// `kubectl describe node` and `kubectl get events` show the node events a real cluster records:
// the kubelet's (BirthCry, nodestatus setters, NodeAllocatableEnforced) and node-controller's
// (RegisteredNode, NodeNotReady), with kubectl's `(x2 over 20s)` for the setters' repeats.
import { describe, expect, it } from "vitest";
import { outputOf, runScenario } from "./run";

const eventsSection = (describeOut: string) => describeOut.slice(describeOut.indexOf("Events:\n"));

describe("node events", () => {
  it("a booted worker: the kubelet's start-up events, then RegisteredNode", async () => {
    const r = await runScenario("sim settle\nkubectl describe node worker-1\n");
    expect(eventsSection(outputOf(r.transcript, "kubectl describe node worker-1"))).toBe(
      [
        "Events:",
        "  Type    Reason                   Age   From             Message",
        "  ----    ------                   ----  ----             -------",
        "  Normal  Starting                 11s   kubelet          Starting kubelet.",
        "  Normal  NodeHasSufficientMemory  11s   kubelet          Node worker-1 status is now: NodeHasSufficientMemory",
        "  Normal  NodeHasNoDiskPressure    11s   kubelet          Node worker-1 status is now: NodeHasNoDiskPressure",
        "  Normal  NodeHasSufficientPID     11s   kubelet          Node worker-1 status is now: NodeHasSufficientPID",
        "  Normal  NodeAllocatableEnforced  11s   kubelet          Updated Node Allocatable limit across pods",
        "  Normal  RegisteredNode           6s    node-controller  Node worker-1 event: Registered Node worker-1 in Controller",
        "",
      ].join("\n"),
    );
  });

  it("a worker that lost power and booted again: NodeNotReady from node-controller, then the new kubelet's events and NodeReady", async () => {
    const script = "sim settle\nsim node stop worker-1\nsleep 70s\nsim node start worker-1\nsleep 20s\nkubectl describe node worker-1\nkubectl get events --field-selector involvedObject.kind=Node,involvedObject.name=worker-1\n";
    const r = await runScenario(script);
    expect(eventsSection(outputOf(r.transcript, "kubectl describe node worker-1"))).toBe(
      [
        "Events:",
        "  Type    Reason                   Age                From             Message",
        "  ----    ------                   ----               ----             -------",
        "  Normal  Starting                 101s               kubelet          Starting kubelet.",
        "  Normal  NodeHasSufficientMemory  101s               kubelet          Node worker-1 status is now: NodeHasSufficientMemory",
        "  Normal  NodeHasNoDiskPressure    101s               kubelet          Node worker-1 status is now: NodeHasNoDiskPressure",
        "  Normal  NodeHasSufficientPID     101s               kubelet          Node worker-1 status is now: NodeHasSufficientPID",
        "  Normal  NodeAllocatableEnforced  101s               kubelet          Updated Node Allocatable limit across pods",
        "  Normal  RegisteredNode           96s                node-controller  Node worker-1 event: Registered Node worker-1 in Controller",
        "  Normal  NodeNotReady             36s                node-controller  Node worker-1 status is now: NodeNotReady",
        "  Normal  Starting                 20s                kubelet          Starting kubelet.",
        "  Normal  NodeHasSufficientMemory  20s (x2 over 20s)  kubelet          Node worker-1 status is now: NodeHasSufficientMemory",
        "  Normal  NodeHasNoDiskPressure    20s (x2 over 20s)  kubelet          Node worker-1 status is now: NodeHasNoDiskPressure",
        "  Normal  NodeHasSufficientPID     20s (x2 over 20s)  kubelet          Node worker-1 status is now: NodeHasSufficientPID",
        "  Normal  NodeAllocatableEnforced  20s                kubelet          Updated Node Allocatable limit across pods",
        "  Normal  NodeReady                20s                kubelet          Node worker-1 status is now: NodeReady",
        "",
      ].join("\n"),
    );
    const rows = outputOf(r.transcript, "kubectl get events --field-selector involvedObject.kind=Node,involvedObject.name=worker-1").trimEnd().split("\n");
    expect(rows[0]).toMatch(/^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE$/);
    expect(rows.slice(1).map((l) => l.split(/\s{2,}/).slice(2, 4).join(" "))).toEqual([
      "Starting node/worker-1",
      "NodeHasSufficientMemory node/worker-1",
      "NodeHasNoDiskPressure node/worker-1",
      "NodeHasSufficientPID node/worker-1",
      "NodeAllocatableEnforced node/worker-1",
      "RegisteredNode node/worker-1",
      "NodeNotReady node/worker-1",
      "Starting node/worker-1",
      "NodeHasSufficientMemory node/worker-1",
      "NodeHasNoDiskPressure node/worker-1",
      "NodeHasSufficientPID node/worker-1",
      "NodeAllocatableEnforced node/worker-1",
      "NodeReady node/worker-1",
    ]);
  });
});
