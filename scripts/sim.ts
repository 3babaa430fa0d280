/**
 * The headless simulator: runs a session script against a fresh simulated cluster and prints
 * the transcript. `npm run --silent sim -- [--seed N] [--profile real|fast] [--workers N]
 * [--trace FILE] SCRIPT` (SCRIPT a path or `-` for standard input).
 */
import { readFileSync, writeFileSync, existsSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { Output } from "../src/kubectl";
import { runScript, simControlFor, transportFor } from "../src/script";
import { createCluster, type ProfileName } from "../src/sim";

export interface CliOptions {
  seed: number;
  profile: ProfileName;
  workers: number;
  trace?: string;
  script: string;
}

export const USAGE = "usage: sim [--seed N] [--profile real|fast] [--workers N] [--trace FILE] SCRIPT";

/** Parses the command line; a string is an error message. */
export function parseCliArgs(argv: readonly string[]): CliOptions | string {
  const opts: Partial<CliOptions> = { seed: 1, profile: "real", workers: 3 };
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.indexOf("=");
    const [flag, inline] = a.startsWith("--") && eq > 0 ? [a.slice(0, eq), a.slice(eq + 1)] : [a, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    switch (flag) {
      case "--seed":
      case "--workers": {
        const v = value();
        if (v === undefined || !/^\d+$/.test(v)) return `${flag} needs a non-negative integer`;
        if (flag === "--seed") opts.seed = Number(v);
        else opts.workers = Number(v);
        break;
      }
      case "--profile": {
        const v = value();
        if (v !== "real" && v !== "fast") return "--profile must be real or fast";
        opts.profile = v;
        break;
      }
      case "--trace": {
        const v = value();
        if (!v) return "--trace needs a file name";
        opts.trace = v;
        break;
      }
      case "-h":
      case "--help":
        return USAGE;
      default:
        if (a.startsWith("-") && a !== "-") return `unknown option ${a}`;
        positional.push(a);
    }
  }
  if (positional.length !== 1) return "exactly one SCRIPT (a path or -) is required";
  return { ...(opts as Omit<CliOptions, "script">), script: positional[0] };
}

function readScript(path: string): string {
  return path === "-" ? readFileSync(0, "utf8") : readFileSync(path, "utf8");
}

/** `-f NAME`: relative to the working directory, then to the script's directory. */
function fileReader(scriptPath: string): (p: string) => string | undefined {
  const bases = [process.cwd(), ...(scriptPath === "-" ? [] : [dirname(resolve(scriptPath))])];
  return (p) => {
    for (const base of bases) {
      const full = resolve(base, p);
      if (existsSync(full) && statSync(full).isFile()) return readFileSync(full, "utf8");
    }
    return undefined;
  };
}

export async function main(argv: readonly string[]): Promise<number> {
  const opts = parseCliArgs(argv);
  if (typeof opts === "string") {
    process.stderr.write(opts === USAGE ? `${USAGE}\n` : `sim: ${opts}\n${USAGE}\n`);
    return 2;
  }
  let source: string;
  try {
    source = readScript(opts.script);
  } catch {
    process.stderr.write(`sim: cannot read script ${opts.script}\n`);
    return 2;
  }
  const cluster = createCluster({ seed: opts.seed, profile: opts.profile, workers: opts.workers });
  const bootedAt = cluster.now();
  const trace: string[] = [];
  if (opts.trace) cluster.subscribe((ev) => void trace.push(JSON.stringify(ev)));
  // A terminal interleaves kubectl's stdout and stderr: both go to our stdout.
  const out = new Output((chunk) => process.stdout.write(chunk.text));
  const code = await runScript(source, {
    transport: transportFor(cluster),
    sim: simControlFor(cluster, bootedAt),
    readFile: fileReader(opts.script),
    out,
    diagnostics: (line) => process.stderr.write(`${line}\n`),
  });
  if (opts.trace) writeFileSync(opts.trace, trace.length ? trace.join("\n") + "\n" : "");
  return code;
}

const invokedDirectly =
  process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname);
if (invokedDirectly) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`sim: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exit(1);
    },
  );
}
