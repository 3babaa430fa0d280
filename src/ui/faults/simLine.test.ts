import { describe, expect, it } from "vitest";
import { parseSimCommand } from "../../script";
import { simLineFor } from "./simLine";

describe("simLineFor", () => {
  it("writes sim lines the interpreter parses back to the same fault", () => {
    expect(simLineFor({ type: "node-stop", node: "worker-2" })).toBe("sim node stop worker-2");
    expect(simLineFor({ type: "node-partition", node: "worker-1" })).toBe("sim node partition worker-1");
    expect(simLineFor({ type: "node-add" })).toBe("sim node add");
    expect(simLineFor({ type: "component-stop", component: "kube-scheduler" })).toBe("sim component stop kube-scheduler");
    expect(simLineFor({ type: "pod-crash", namespace: "default", name: "crash" })).toBe("sim pod crash -n default crash");
    expect(parseSimCommand(simLineFor({ type: "pod-crash", namespace: "kube-system", name: "x" }).split(" ").slice(1))).toEqual({ ok: true, command: { type: "pod-crash", namespace: "kube-system", name: "x" } });
    expect(parseSimCommand(simLineFor({ type: "node-heal", node: "worker-3" }).split(" ").slice(1))).toEqual({ ok: true, command: { type: "node", action: "heal", node: "worker-3" } });
  });
});
