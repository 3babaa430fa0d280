// Behaviour of k8s.io/client-go/util/jsonpath as kubectl -o jsonpath uses it (allowMissingKeys=true):
// space-separated results, maps/lists as compact JSON, range/end, filters, recursive descent.
import { describe, expect, it } from "vitest";
import { JsonPathError, executeJsonPath, parseJsonPath } from "./jsonpath";

const list = {
  kind: "List",
  items: [
    {
      metadata: { name: "a", labels: { app: "web" } },
      status: {
        addresses: [
          { type: "InternalIP", address: "172.18.0.2" },
          { type: "Hostname", address: "a" },
        ],
        capacity: { cpu: "4" },
      },
    },
    {
      metadata: { name: "b" },
      status: { addresses: [{ type: "InternalIP", address: "172.18.0.3" }], capacity: { cpu: "8" } },
    },
  ],
};
const run = (t: string, data: unknown = list) => executeJsonPath(parseJsonPath(t), data);

describe("jsonpath", () => {
  it("fields, indexes, slices and wildcards", () => {
    expect(run("{.items[*].metadata.name}")).toBe("a b");
    expect(run("{.items[-1].metadata.name}")).toBe("b");
    expect(run("{.items[0:1].metadata.name}")).toBe("a");
    expect(run("{$.items[1].status.capacity.cpu}")).toBe("8");
    expect(run("{.items[0].metadata.labels.*}")).toBe("web");
  });
  it("text around actions and quoted literals", () => {
    expect(run('names: {.items[0].metadata.name}{"\\n"}')).toBe("names: a\n");
  });
  it("range … end, nested", () => {
    expect(
      run(
        '{range .items[*]}{.metadata.name}:{range .status.addresses[*]}{.type}={.address} {end}{"\\n"}{end}',
      ),
    ).toBe("a:InternalIP=172.18.0.2 Hostname=a \nb:InternalIP=172.18.0.3 \n");
  });
  it("filters and recursive descent", () => {
    expect(run('{.items[*].status.addresses[?(@.type=="InternalIP")].address}')).toBe(
      "172.18.0.2 172.18.0.3",
    );
    expect(run("{.items[?(@.metadata.labels)].metadata.name}")).toBe("a");
    expect(run("{..cpu}")).toBe("4 8");
  });
  it("maps and lists print as compact JSON with sorted keys", () => {
    expect(run("{.items[0].status.capacity}")).toBe('{"cpu":"4"}');
    expect(run("{.items[1].status.addresses}")).toBe('[{"address":"172.18.0.3","type":"InternalIP"}]');
  });
  it("missing keys print nothing", () => {
    expect(run("{.items[5].metadata.name}{.nope.deeper}")).toBe("");
  });
  it("parse errors use client-go's words", () => {
    expect(() => parseJsonPath("{.items[*]")).toThrow(new JsonPathError("unclosed action"));
    expect(() => parseJsonPath("{range .items[*]}{.a}")).toThrow("unclosed range");
    expect(() => parseJsonPath("{end}")).toThrow("not in range, nothing to end");
    expect(() => parseJsonPath("{.items[x]}")).toThrow("invalid array index x");
  });
});
