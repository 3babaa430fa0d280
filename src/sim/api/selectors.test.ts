import { describe, expect, it } from "vitest";
import {
  labelSelectorMatches,
  parseLabelSelector,
  requirementsMatch,
  requirementToString,
  selectorToString,
  setSelectorMatches,
} from "./selectors";
import { checkFieldSelector, fieldSelectorMatcher, parseFieldSelector } from "./fieldSelectors";
import type { Pod } from "./types";

// Messages from k8s.io/apimachinery/pkg/labels/selector.go (Parser.parse, parseOperator,
// parseValues, parseKeyAndInferOperator, NewRequirement) and pkg/fields/selector.go.
function parse(s: string) {
  const r = parseLabelSelector(s);
  if (!r.ok) throw new Error(r.error);
  return r.requirements;
}
function parseError(s: string) {
  const r = parseLabelSelector(s);
  return r.ok ? undefined : r.error;
}

describe("parseLabelSelector", () => {
  it("parses the kubectl -l grammar, sorted by key", () => {
    const reqs = parse("app=web,tier!=db,env in (b,a),!x,y");
    expect(reqs.map(requirementToString)).toEqual(["app=web", "env in (a,b)", "tier!=db", "!x", "y"]);
  });

  it("treats in/notin as values inside parentheses and accepts == and gt", () => {
    expect(parse("a in (in,notin)")[0].values).toEqual(["in", "notin"]);
    expect(parse("a==b")[0].operator).toBe("==");
    expect(parse("n>3")[0]).toEqual({ key: "n", operator: "gt", values: ["3"] });
    expect(parse("")).toEqual([]);
    expect(parse("a=")[0].values).toEqual([""]);
  });

  it("reports errors with the real text", () => {
    expect(parseError("env IN (a)")).toBe("unable to parse requirement: found 'IN', expected: in, notin, =, ==, !=, gt, lt");
    expect(parseError("type=app,versionv1.0.1)")).toBe(
      "unable to parse requirement: found ')', expected: in, notin, =, ==, !=, gt, lt",
    );
    expect(parseError("a=b c")).toBe("found 'c', expected: ',' or 'end of string'");
    expect(parseError("a=b,")).toBe("found '', expected: identifier after ','");
    expect(parseError("a in b")).toBe("unable to parse requirement: found 'b' expected: '('");
    expect(parseError("x>a")).toContain("for 'Gt', 'Lt' operators, the value must be an integer");
    expect(parseError("Foo_=x")).toBe(
      "unable to parse requirement: <nil>: Invalid value: \"Foo_\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
    );
  });

  it("matches labels", () => {
    const reqs = parse("app=web,tier notin (db),!canary");
    expect(requirementsMatch(reqs, { app: "web", tier: "fe" })).toBe(true);
    expect(requirementsMatch(reqs, { app: "web" })).toBe(true);
    expect(requirementsMatch(reqs, { app: "web", tier: "db" })).toBe(false);
    expect(requirementsMatch(reqs, { app: "web", canary: "" })).toBe(false);
    expect(requirementsMatch(parse("n>3"), { n: "4" })).toBe(true);
    expect(requirementsMatch(parse("n>3"), { n: "x" })).toBe(false);
  });
});

describe("metav1.LabelSelector", () => {
  it("matches like LabelSelectorAsSelector", () => {
    const sel = { matchLabels: { app: "web" }, matchExpressions: [{ key: "tier", operator: "In" as const, values: ["fe", "be"] }] };
    expect(labelSelectorMatches(sel, { app: "web", tier: "fe" })).toBe(true);
    expect(labelSelectorMatches(sel, { app: "web" })).toBe(false);
    expect(labelSelectorMatches({}, { any: "x" })).toBe(true);
    expect(labelSelectorMatches(undefined, { any: "x" })).toBe(false);
    expect(labelSelectorMatches({ matchLabels: { app: "" } }, {})).toBe(false);
    expect(setSelectorMatches({ app: "web" }, { app: "web", x: "y" })).toBe(true);
  });

  it("prints like metav1.FormatLabelSelector", () => {
    expect(selectorToString({ matchLabels: { tier: "fe", app: "web" } })).toBe("app=web,tier=fe");
    expect(selectorToString({ matchExpressions: [{ key: "env", operator: "NotIn", values: ["b", "a"] }] })).toBe("env notin (a,b)");
    expect(selectorToString({})).toBe("<none>");
  });
});

describe("field selectors", () => {
  const pod = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "web-1", namespace: "default" },
    spec: { containers: [], nodeName: "worker-1" },
    status: { phase: "Running" },
  } as unknown as Pod;

  it("parses and matches", () => {
    const r = parseFieldSelector("spec.nodeName=worker-1,status.phase!=Pending");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(checkFieldSelector("Pod", r.requirements)).toBeUndefined();
    const matches = fieldSelectorMatcher(r.requirements);
    expect(matches(pod)).toBe(true);
    expect(matches({ ...pod, status: { phase: "Pending" } } as Pod)).toBe(false);
    // The same predicate on another kind resolves that kind's fields (a Node has no spec.nodeName).
    expect(matches({ apiVersion: "v1", kind: "Node", metadata: { name: "worker-1" }, spec: {} } as never)).toBe(false);
    expect(matches(pod)).toBe(true);
    const other = parseFieldSelector("spec.nodeName=worker-2");
    expect(other.ok && fieldSelectorMatcher(other.requirements)(pod)).toBe(false);
  });

  it("rejects unsupported labels and malformed terms with the apiserver's text", () => {
    const r = parseFieldSelector("foo=bar");
    expect(r.ok && checkFieldSelector("Pod", r.requirements)).toBe("field label not supported: foo");
    expect(parseFieldSelector("foo")).toEqual({ ok: false, error: "invalid selector: 'foo'; can't understand 'foo'" });
    const ev = parseFieldSelector("involvedObject.name=web,type=Warning,reason=BackOff");
    expect(ev.ok && checkFieldSelector("Event", ev.requirements)).toBeUndefined();
  });
});
