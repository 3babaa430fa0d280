/**
 * Just enough of resource.Quantity for printing: parse cpu to millicores and memory to bytes,
 * and print sums the way Quantity.String() canonicalises them.
 */

const BINARY: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};
const DECIMAL: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  "": 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

/** Parses a quantity to its value in base units (cores, bytes). NaN when malformed. */
export function parseQuantityValue(q: string | number | undefined): number {
  if (q === undefined) return 0;
  if (typeof q === "number") return q;
  const m = /^([+-]?[0-9.]+(?:[eE][+-]?\d+)?)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?$/.exec(q.trim());
  if (!m) return NaN;
  const num = Number(m[1]);
  const suffix = m[2] ?? "";
  return num * (BINARY[suffix] ?? DECIMAL[suffix] ?? 1);
}

/** Whether a quantity string uses a binary suffix (Quantity format BinarySI). */
export function isBinaryQuantity(q: string | undefined): boolean {
  return q !== undefined && /(Ki|Mi|Gi|Ti|Pi|Ei)$/.test(q);
}

/** A cpu amount in millicores as Quantity.String() prints it: `0`, `250m`, `2`, `1500m`. */
export function formatMilliCpu(milli: number): string {
  const v = Math.round(milli);
  if (v === 0) return "0";
  return v % 1000 === 0 ? String(v / 1000) : `${v}m`;
}

/** A byte amount as Quantity.String() prints it, in the format (binary or decimal) of its first term. */
export function formatBytes(bytes: number, binary: boolean): string {
  const v = Math.round(bytes);
  if (v === 0) return "0";
  if (binary) {
    for (const suffix of ["Ei", "Pi", "Ti", "Gi", "Mi", "Ki"]) {
      const unit = BINARY[suffix];
      if (Math.abs(v) >= unit && v % unit === 0) return `${v / unit}${suffix}`;
    }
  }
  for (const [suffix, unit] of [
    ["E", 1e18],
    ["P", 1e15],
    ["T", 1e12],
    ["G", 1e9],
    ["M", 1e6],
    ["k", 1e3],
  ] as const) {
    if (Math.abs(v) >= unit && v % unit === 0) return `${v / unit}${suffix}`;
  }
  return String(v);
}
