/**
 * A scenario in a link: profile, seed, workers, the editor's text and the steps to replay,
 * JSON compressed with lz-string. Decoding trusts nothing: anything but the expected shape is
 * rejected, and a step can only be a manifest or a `sim` line (never script or markup).
 */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from "lz-string";
import type { ProfileName } from "../../sim/clusterTypes";
import { MAX_STEPS, type ScenarioStep } from "../../store";

export interface Scenario {
  profile: ProfileName;
  seed: number;
  workers: number;
  editor?: string;
  steps: ScenarioStep[];
}

export const MAX_TEXT = 100_000;
export const MAX_WORKERS = 50;

type Wire = { v: 1; p: ProfileName; s: number; w: number; e?: string; st: ({ a: string; t?: number } | { x: string; t?: number })[] };

export function encodeScenario(sc: Scenario): string {
  const wire: Wire = {
    v: 1,
    p: sc.profile,
    s: sc.seed,
    w: sc.workers,
    ...(sc.editor ? { e: sc.editor } : {}),
    st: sc.steps.map((step) => ("apply" in step ? { a: step.apply, t: step.at } : { x: step.sim, t: step.at })),
  };
  return compressToEncodedURIComponent(JSON.stringify(wire));
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === "string" && v.length <= MAX_TEXT;
const isInt = (v: unknown, lo: number, hi: number): v is number => typeof v === "number" && Number.isInteger(v) && v >= lo && v <= hi;
/** `sim node stop worker-2`: words of letters, digits, dots, dashes and slashes only. */
const SIM_LINE = /^sim( [A-Za-z0-9][A-Za-z0-9.\-/]*){1,5}$/;

function decodeStep(v: unknown): ScenarioStep | null {
  if (!isObj(v)) return null;
  const at = isInt(v.t, 0, 365 * 24 * 3600_000) ? v.t : undefined;
  if (isText(v.a)) return { apply: v.a, ...(at !== undefined ? { at } : {}) };
  if (typeof v.x === "string" && v.x.length <= 200 && SIM_LINE.test(v.x)) return { sim: v.x, ...(at !== undefined ? { at } : {}) };
  return null;
}

/** The scenario in an encoded string, or null when it is not one. */
export function decodeScenario(encoded: string): Scenario | null {
  let json: unknown;
  try {
    const text = decompressFromEncodedURIComponent(encoded);
    if (!text) return null;
    json = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isObj(json) || json.v !== 1) return null;
  if (json.p !== "real" && json.p !== "fast") return null;
  if (!isInt(json.s, 0, 2 ** 31) || !isInt(json.w, 1, MAX_WORKERS)) return null;
  if (json.e !== undefined && !isText(json.e)) return null;
  if (!Array.isArray(json.st) || json.st.length > MAX_STEPS) return null;
  const steps: ScenarioStep[] = [];
  for (const raw of json.st) {
    const step = decodeStep(raw);
    if (!step) return null;
    steps.push(step);
  }
  return { profile: json.p, seed: json.s, workers: json.w, ...(json.e !== undefined ? { editor: json.e } : {}), steps };
}

/** The link: cluster shape in the query (read at boot), everything else compressed in the hash. */
export function shareUrl(base: string, sc: Scenario): string {
  const q = new URLSearchParams({ profile: sc.profile, seed: String(sc.seed), workers: String(sc.workers) });
  return `${base}?${q.toString()}#scenario=${encodeScenario(sc)}`;
}

/** The encoded scenario in a location hash (`#scenario=…`), if any. */
export function scenarioFromHash(hash: string): Scenario | null {
  const m = /(?:^#|&)scenario=([^&]+)/.exec(hash);
  return m ? decodeScenario(m[1]) : null;
}
