import { describe, expect, it } from "vitest";
import { appStore, loadManifest } from "../../store";
import { readTerminalFile } from "./shell";

describe("readTerminalFile", () => {
  it("reads examples by name and the editor's document as editor.yaml", () => {
    expect(readTerminalFile("nginx.yaml")).toContain("kind: Deployment");
    expect(readTerminalFile("crashloop")).toContain("name: crash");
    expect(readTerminalFile("nope.yaml")).toBeUndefined();
    loadManifest("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: mine\n");
    expect(readTerminalFile("editor.yaml")).toBe(appStore.getState().manifest);
    expect(readTerminalFile("editor.yaml")).toContain("name: mine");
  });
});
