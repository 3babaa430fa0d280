import { describe, expect, it } from "vitest";
import { LineEditor, splitInput } from "./lineEditor";

describe("LineEditor", () => {
  it("echoes typed text and submits the line on Enter", () => {
    const ed = new LineEditor("$ ");
    expect(ed.key("kubectl")).toEqual({ type: "draw", text: "kubectl" });
    ed.key(" get pods");
    expect(ed.key("\r")).toEqual({ type: "submit", line: "kubectl get pods" });
  });

  it("edits in the middle of the line and redraws it with the cursor in place", () => {
    const ed = new LineEditor("$ ");
    ed.key("kubectl gt");
    ed.key("\x1b[D");
    expect(ed.key("e")).toEqual({ type: "draw", text: "\r\x1b[K$ kubectl get\x1b[1D" });
    ed.key("\x7f");
    expect(ed.buffer).toBe("kubectl gt");
  });

  it("walks history with up and down, keeping the draft", () => {
    const ed = new LineEditor("$ ");
    ed.remember("kubectl get pods");
    ed.remember("kubectl get nodes");
    ed.remember("kubectl get nodes");
    expect(ed.history).toEqual(["kubectl get pods", "kubectl get nodes"]);
    ed.reset();
    ed.key("sim");
    ed.key("\x1b[A");
    expect(ed.buffer).toBe("kubectl get nodes");
    ed.key("\x1b[A");
    expect(ed.buffer).toBe("kubectl get pods");
    expect(ed.key("\x1b[A")).toEqual({ type: "none" });
    ed.key("\x1b[B");
    ed.key("\x1b[B");
    expect(ed.buffer).toBe("sim");
  });

  it("reports Ctrl+C, Tab and Ctrl+L", () => {
    const ed = new LineEditor("$ ");
    expect(ed.key("\x03").type).toBe("interrupt");
    expect(ed.key("\t").type).toBe("complete");
    expect(ed.key("\x0c").type).toBe("clear");
  });
});

describe("splitInput", () => {
  it("splits a paste into lines that each submit", () => {
    expect(splitInput("kubectl get pods\nsim time\n")).toEqual(["kubectl get pods", "\r", "sim time", "\r"]);
    expect(splitInput("\x1b[A")).toEqual(["\x1b[A"]);
  });
});
