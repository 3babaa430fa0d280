import { parseBytes, parseCpuMillis } from "../../api";

// Resource quantities as the scheduler reads them. Objects reaching the scheduler passed
// validation; a malformed value (a hand-built test object) counts as zero rather than throwing.

/** cpu → millicores (Quantity.MilliValue). */
export function cpuMillis(s: string | number | undefined): number {
  if (s === undefined) return 0;
  try {
    return parseCpuMillis(s);
  } catch {
    return 0;
  }
}

/** memory, pods → whole units, rounded up (Quantity.Value). */
export function wholeUnits(s: string | number | undefined): number {
  if (s === undefined) return 0;
  try {
    return parseBytes(s);
  } catch {
    return 0;
  }
}
