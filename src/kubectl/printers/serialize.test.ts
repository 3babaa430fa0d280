// kubectl -o yaml goes through sigs.k8s.io/yaml → go-yaml v2: sorted keys, indentless sequences,
// YAML 1.1 look-alikes double-quoted, other non-plain strings single-quoted, lines folded at a
// space once past column 80 (emitter best_width). -o json is json.MarshalIndent with 4 spaces.
import { describe, expect, it } from "vitest";
import { ambiguous, toJson, toYaml } from "./serialize";
import { foldLikeGoYaml } from "./yamlFold";

describe("toYaml", () => {
  it("quotes like go-yaml v2", () => {
    expect(
      toYaml({
        s: [
          "80",
          "on",
          "n",
          "",
          "2026-01-01T09:00:00Z",
          "1.5",
          "a: b",
          "*",
          "10.244.1.5",
          "v1.34.0",
          "<none>",
        ],
      }),
    ).toBe(
      `s:\n- "80"\n- "on"\n- "n"\n- ""\n- "2026-01-01T09:00:00Z"\n- "1.5"\n- 'a: b'\n- '*'\n- 10.244.1.5\n- v1.34.0\n- <none>\n`,
    );
  });
  it("multi-line strings become literal blocks; empty collections flow", () => {
    expect(toYaml({ b: {}, a: [], c: "line1\nline2\n" })).toBe("a: []\nb: {}\nc: |\n  line1\n  line2\n");
  });
  it("drops metadata.managedFields", () => {
    expect(toYaml({ metadata: { name: "x", managedFields: [{ manager: "kubectl" }] } })).toBe(
      "metadata:\n  name: x\n",
    );
  });
  it("knows which scalars YAML 1.1 would not read as strings", () => {
    for (const s of ["true", "Yes", "~", "null", "0x1F", "1_000", "1e3", "1:20", "2026-01-01"])
      expect(ambiguous(s)).toBe(true);
    for (const s of ["web", "10.244.1.5", "nginx:1.27", "-x", "Running"]) expect(ambiguous(s)).toBe(false);
  });
});

describe("foldLikeGoYaml", () => {
  it("breaks at the first space past column 80 and indents under the key", () => {
    const msg =
      "0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu.";
    expect(foldLikeGoYaml(`  message: '${msg}'`)).toBe(
      "  message: '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane:\n    }, 3 Insufficient cpu.'",
    );
  });
  it("leaves short lines and block scalars alone", () => {
    expect(foldLikeGoYaml("a: b")).toBe("a: b");
    const long = `x: "${"word ".repeat(30)}"`;
    expect(foldLikeGoYaml(long)).toBe(long);
  });
});

describe("toJson", () => {
  it("escapes like Go's encoding/json", () => {
    expect(toJson({ b: "<none> & more", a: 1 })).toBe(
      '{\n    "a": 1,\n    "b": "\\u003cnone\\u003e \\u0026 more"\n}\n',
    );
  });
});
