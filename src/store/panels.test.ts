import { describe, expect, it } from "vitest";
import { createFakeCluster } from "./testing/fakeCluster";
import { MessageLog } from "./messageLog";
import { editManifest, initialEditor, replaceManifest } from "./slices/editorSlice";
import { afterSelect, initialPanels, isPanelId, togglePanel } from "./slices/panelsSlice";
import { addStep, initialScenario, MAX_STEPS } from "./slices/scenarioSlice";
import type { TraceEvent } from "../sim/runtime/trace";

describe("panels slice", () => {
  it("toggles a tab open and closed, and switches between tabs", () => {
    let s = initialPanels();
    s = togglePanel(s, "terminal");
    expect(s.panel).toBe("terminal");
    s = togglePanel(s, "editor");
    expect(s.panel).toBe("editor");
    expect(togglePanel(s, "editor").panel).toBeNull();
    expect(isPanelId("faults")).toBe(true);
    expect(isPanelId("diagram")).toBe(false);
  });
  it("opens the inspector on a selection and remembers the last pod", () => {
    let s = afterSelect(initialPanels(), "pod:default/web-1");
    expect(s).toEqual({ panel: "inspector", inspectedPod: "default/web-1" });
    s = afterSelect({ ...s, panel: "faults" }, "kube-scheduler");
    expect(s).toEqual({ panel: "inspector", inspectedPod: "default/web-1" });
    expect(afterSelect(s, null)).toBe(s);
  });
});

describe("editor slice", () => {
  it("starts from the saved text and only reloads the editor for outside replacements", () => {
    const s0 = initialEditor("kind: Pod\n");
    expect(s0.manifest).toBe("kind: Pod\n");
    const typed = editManifest(s0, "kind: Pod\nx");
    expect(typed.manifestSeq).toBe(0);
    expect(editManifest(typed, "kind: Pod\nx")).toBe(typed);
    const replaced = replaceManifest({ ...typed, applyStatus: { tone: "ok", text: "pod/x created" } }, "kind: Service\n", "web-service");
    expect(replaced).toMatchObject({ manifest: "kind: Service\n", manifestSeq: 1, exampleId: "web-service", applyStatus: null });
  });
});

describe("scenario slice", () => {
  it("records steps in order, skips a repeated apply and keeps the newest MAX_STEPS", () => {
    let s = initialScenario();
    s = addStep(s, { apply: "a", at: 1 });
    s = addStep(s, { apply: "a", at: 2 });
    s = addStep(s, { sim: "sim node stop worker-1", at: 3 });
    expect(s.steps).toEqual([{ apply: "a", at: 1 }, { sim: "sim node stop worker-1", at: 3 }]);
    for (let i = 0; i < MAX_STEPS + 5; i++) s = addStep(s, { sim: `sim node stop worker-${i}` });
    expect(s.steps).toHaveLength(MAX_STEPS);
    expect(s.steps[MAX_STEPS - 1]).toEqual({ sim: `sim node stop worker-${MAX_STEPS + 4}` });
  });
});

describe("message log", () => {
  const ev = (seq: number, from: string, to: string): TraceEvent => ({ seq, at: seq * 10, arrives: seq * 10 + 1, from, to, kind: "request", summary: `m${seq}`, narration: "" });
  it("keeps the last messages of each component, newest first", () => {
    const log = new MessageLog();
    for (let i = 0; i < 40; i++) log.record(ev(i, "kube-scheduler", "kube-apiserver"));
    log.record(ev(40, "kubelet@worker-1", "kube-apiserver"));
    expect(log.messagesOf("kube-scheduler")).toHaveLength(30);
    expect(log.messagesOf("kube-scheduler")[0].summary).toBe("m39");
    expect(log.messagesOf("kube-apiserver")[0].summary).toBe("m40");
    expect(log.messagesOf("etcd")).toEqual([]);
  });
  it("keeps the latest etcd writes of a real stream of changes", () => {
    const cluster = createFakeCluster({ workers: 1 });
    const log = new MessageLog();
    for (const c of cluster.list("pods")) log.recordWrite({ type: "ADDED", object: c, resource: "pods", revision: 7 }, 0);
    expect(log.latestWrites()[0]).toMatchObject({ revision: 7, resource: "pods", type: "ADDED" });
  });
});
