import { parseBytes, parseCpuMillis } from "../../api";

// Resource quantities as the scheduler reads them. Objects reaching the scheduler passed
// validation; a malformed value (a hand-built test object) counts as zero rather than throwing.

// Every pod of a Deployment asks for the same few quantities: parse each text once.
const CACHE_LIMIT = 1024;
const cpuCache = new Map<string | number, number>();
const unitCache = new Map<string | number, number>();

function cached(cache: Map<string | number, number>, s: string | number, parse: (s: string | number) => number): number {
  let v = cache.get(s);
  if (v === undefined) {
    try {
      v = parse(s);
    } catch {
      v = 0;
    }
    if (cache.size < CACHE_LIMIT) cache.set(s, v);
  }
  return v;
}

/** cpu → millicores (Quantity.MilliValue). */
export function cpuMillis(s: string | number | undefined): number {
  if (s === undefined) return 0;
  return cached(cpuCache, s, parseCpuMillis);
}

/** memory, pods → whole units, rounded up (Quantity.Value). */
export function wholeUnits(s: string | number | undefined): number {
  if (s === undefined) return 0;
  return cached(unitCache, s, parseBytes);
}
