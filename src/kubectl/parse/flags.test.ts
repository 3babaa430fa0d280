// pflag's parsing as kubectl uses it: --flag=value / --flag value / -fvalue / -abc, flags after
// arguments, `--` ending flags, "flag needs an argument".
import { describe, expect, it } from "vitest";
import { FlagError, parseFlags, type FlagSpec } from "./flags";

const specs: FlagSpec[] = [
  { name: "namespace", short: "n", type: "string" },
  { name: "output", short: "o", type: "string" },
  { name: "watch", short: "w", type: "bool" },
  { name: "stdin", short: "i", type: "bool" },
  { name: "tty", short: "t", type: "bool" },
  { name: "replicas", type: "int", default: 1 },
  { name: "image", type: "stringArray" },
  { name: "dry-run", type: "string", default: "none", noOptDefault: "unchanged" },
];

describe("parseFlags", () => {
  it("accepts flags before and after arguments in every spelling", () => {
    const p = parseFlags(["-n", "kube-system", "pods", "-ojson", "--watch", "web", "--replicas=3"], specs);
    expect(p.args).toEqual(["pods", "web"]);
    expect(p.values.get("namespace")).toBe("kube-system");
    expect(p.values.get("output")).toBe("json");
    expect(p.values.get("watch")).toBe(true);
    expect(p.values.get("replicas")).toBe(3);
    expect(p.changed.has("image")).toBe(false);
  });
  it("groups bool shorthands and honours -x=value, --flag value and repeats", () => {
    const p = parseFlags(["-it", "-o=yaml", "--image", "a", "--image=b", "--dry_run=client"], specs);
    expect(p.values.get("stdin")).toBe(true);
    expect(p.values.get("tty")).toBe(true);
    expect(p.values.get("output")).toBe("yaml");
    expect(p.values.get("image")).toEqual(["a", "b"]);
    expect(p.values.get("dry-run")).toBe("client");
  });
  it("stops at -- and keeps the rest", () => {
    const p = parseFlags(["web", "--", "sh", "-c", "echo hi"], specs);
    expect(p.args).toEqual(["web"]);
    expect(p.dashArgs).toEqual(["sh", "-c", "echo hi"]);
  });
  it("gives flags without values their no-option default", () => {
    expect(parseFlags(["--dry-run"], specs).values.get("dry-run")).toBe("unchanged");
  });
  it("reports pflag's errors", () => {
    expect(() => parseFlags(["--frob"], specs)).toThrow(new FlagError("unknown flag: --frob"));
    expect(() => parseFlags(["-z"], specs)).toThrow(new FlagError("unknown shorthand flag: 'z' in -z"));
    expect(() => parseFlags(["-wz"], specs)).toThrow(new FlagError("unknown shorthand flag: 'z' in -wz"));
    expect(() => parseFlags(["-n"], specs)).toThrow(new FlagError("flag needs an argument: 'n' in -n"));
    expect(() => parseFlags(["--output"], specs)).toThrow(new FlagError("flag needs an argument: --output"));
    expect(() => parseFlags(["--replicas=abc"], specs)).toThrow(
      new FlagError('invalid argument "abc" for "--replicas" flag: strconv.ParseInt: parsing "abc": invalid syntax'),
    );
    expect(() => parseFlags(["--watch=maybe"], specs)).toThrow(
      new FlagError('invalid argument "maybe" for "-w, --watch" flag: strconv.ParseBool: parsing "maybe": invalid syntax'),
    );
  });
});
