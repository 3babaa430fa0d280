// Resource quantities as the scheduler needs them: cpu in millicores, memory in bytes.
// A small local parser until src/sim/api exports parseCpuMillis / parseBytes.

const SUFFIX: Record<string, number> = {
  "": 1,
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 1024,
  Mi: 1024 ** 2,
  Gi: 1024 ** 3,
  Ti: 1024 ** 4,
  Pi: 1024 ** 5,
  Ei: 1024 ** 6,
};

const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:[eE]([+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?)$/;

/** The quantity's value in base units (cores, bytes, count); NaN when malformed. */
export function quantityValue(s: string | number | undefined): number {
  if (s === undefined) return 0;
  if (typeof s === "number") return s;
  const m = QUANTITY.exec(s.trim());
  if (!m) return NaN;
  const base = Number(m[1]);
  if (m[2] !== undefined) return base * 10 ** Number(m[2]);
  return base * SUFFIX[m[3] ?? ""];
}

/** cpu → millicores, rounded up like resource.Quantity.MilliValue(). */
export function cpuMillis(s: string | number | undefined): number {
  const v = quantityValue(s);
  return Number.isFinite(v) ? Math.ceil(Math.round(v * 1e9) / 1e6) : 0;
}

/** memory (or any integer resource) → whole units, rounded up like Quantity.Value(). */
export function wholeUnits(s: string | number | undefined): number {
  const v = quantityValue(s);
  return Number.isFinite(v) ? Math.ceil(Math.round(v * 1e3) / 1e3) : 0;
}
