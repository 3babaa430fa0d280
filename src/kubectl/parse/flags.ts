/**
 * pflag-style flag parsing as kubectl (cobra + pflag) does it: flags before or after
 * arguments, `--flag value`, `--flag=value`, `-f value`, `-fvalue`, `-f=value`, grouped bool
 * shorthands (`-it`), `--` ends flags. Errors carry pflag's own wording.
 */
export type FlagType = "bool" | "string" | "int" | "stringArray";
export type FlagValue = string | number | boolean | string[];

export interface FlagSpec {
  name: string;
  short?: string;
  type: FlagType;
  default?: FlagValue;
  /** Value when given without `=value` (pflag NoOptDefVal), for non-bool flags like --dry-run. */
  noOptDefault?: string;
}

export interface ParsedFlags {
  values: Map<string, FlagValue>;
  /** Flags the user actually gave. */
  changed: Set<string>;
  args: string[];
  /** Words after `--`, if it was given. */
  dashArgs?: string[];
}

export class FlagError extends Error {}

function describeFlag(spec: FlagSpec): string {
  return spec.short ? `-${spec.short}, --${spec.name}` : `--${spec.name}`;
}

function setValue(spec: FlagSpec, raw: string, out: ParsedFlags): void {
  const name = spec.name;
  switch (spec.type) {
    case "bool": {
      const v = parseBool(raw);
      if (v === undefined) throw new FlagError(`invalid argument "${raw}" for "${describeFlag(spec)}" flag: strconv.ParseBool: parsing "${raw}": invalid syntax`);
      out.values.set(name, v);
      break;
    }
    case "int": {
      if (!/^[+-]?\d+$/.test(raw)) throw new FlagError(`invalid argument "${raw}" for "${describeFlag(spec)}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`);
      out.values.set(name, Number(raw));
      break;
    }
    case "stringArray": {
      const prev = out.changed.has(name) ? (out.values.get(name) as string[]) : [];
      out.values.set(name, [...prev, raw]);
      break;
    }
    default:
      out.values.set(name, raw);
  }
  out.changed.add(name);
}

function parseBool(raw: string): boolean | undefined {
  if (["1", "t", "T", "true", "TRUE", "True"].includes(raw)) return true;
  if (["0", "f", "F", "false", "FALSE", "False"].includes(raw)) return false;
  return undefined;
}

/** kubectl normalises `--dry_run` to `--dry-run`. */
function normalise(name: string): string {
  return name.replace(/_/g, "-");
}

export function parseFlags(argv: readonly string[], specs: readonly FlagSpec[]): ParsedFlags {
  const byName = new Map<string, FlagSpec>();
  const byShort = new Map<string, FlagSpec>();
  for (const s of specs) {
    byName.set(s.name, s);
    if (s.short) byShort.set(s.short, s);
  }
  const out: ParsedFlags = { values: new Map(), changed: new Set(), args: [] };
  for (const s of specs) if (s.default !== undefined) out.values.set(s.name, s.default);

  let i = 0;
  while (i < argv.length) {
    const a = argv[i++];
    if (a === "--") {
      out.dashArgs = argv.slice(i);
      break;
    }
    if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      const name = normalise(eq >= 0 ? a.slice(2, eq) : a.slice(2));
      const spec = byName.get(name);
      if (!spec) throw new FlagError(`unknown flag: --${name}`);
      if (eq >= 0) setValue(spec, a.slice(eq + 1), out);
      else if (spec.type === "bool") setValue(spec, "true", out);
      else if (spec.noOptDefault !== undefined) setValue(spec, spec.noOptDefault, out);
      else if (i < argv.length) setValue(spec, argv[i++], out);
      else throw new FlagError(`flag needs an argument: --${name}`);
      continue;
    }
    if (a.startsWith("-") && a.length > 1) {
      const shorts = a.slice(1);
      for (let k = 0; k < shorts.length; k++) {
        const c = shorts[k];
        const spec = byShort.get(c);
        if (!spec) throw new FlagError(`unknown shorthand flag: '${c}' in ${a}`);
        const rest = shorts.slice(k + 1);
        if (rest.startsWith("=")) {
          setValue(spec, rest.slice(1), out);
          break;
        }
        if (spec.type === "bool") {
          setValue(spec, "true", out);
          continue;
        }
        if (rest.length > 0) setValue(spec, rest, out);
        else if (spec.noOptDefault !== undefined) setValue(spec, spec.noOptDefault, out);
        else if (i < argv.length) setValue(spec, argv[i++], out);
        else throw new FlagError(`flag needs an argument: '${c}' in ${a}`);
        break;
      }
      continue;
    }
    out.args.push(a);
  }
  return out;
}
