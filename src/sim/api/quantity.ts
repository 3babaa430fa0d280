// resource.Quantity (k8s.io/apimachinery/pkg/api/resource): parsing "100m", "1.5", "128Mi",
// "1e3" exactly (BigInt, so 0.1 CPU is 100 millicores, never 100.00000000000001) and printing
// them back in canonical form the way Quantity.String() does.

/** The message resource.ErrFormatWrong carries; kube-apiserver returns it when decoding fails. */
export const QUANTITY_FORMAT_ERROR =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

export class QuantityError extends Error {
  constructor(readonly input: string) {
    super(QUANTITY_FORMAT_ERROR);
    this.name = "QuantityError";
  }
}

export type QuantityFormat = "DecimalSI" | "BinarySI" | "DecimalExponent";

/** value = sign × digits × 10^exp10 × 2^exp2, exactly. */
export interface ParsedQuantity {
  negative: boolean;
  digits: bigint;
  exp10: number;
  exp2: number;
  format: QuantityFormat;
}

const BINARY: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, "": 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const QUANTITY_RE = /^([+-]?)(\d*)(?:\.(\d*))?(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/;

/** Parses a quantity exactly; undefined when it is malformed. Numbers (YAML `cpu: 2`) are accepted. */
export function parseQuantityExact(input: string | number): ParsedQuantity | undefined {
  const s = typeof input === "number" ? String(input) : input.trim();
  const m = QUANTITY_RE.exec(s);
  if (!m) return undefined;
  const [, sign, whole, frac = "", suffix = ""] = m;
  if (whole.length + frac.length === 0) return undefined;
  const digits = BigInt(`${whole}${frac}` || "0");
  let exp10 = -frac.length;
  let exp2 = 0;
  let format: QuantityFormat = "DecimalSI";
  if (suffix in BINARY) {
    exp2 = BINARY[suffix];
    format = "BinarySI";
  } else if (suffix in DECIMAL) {
    exp10 += DECIMAL[suffix];
  } else {
    exp10 += Number(suffix.slice(1));
    format = "DecimalExponent";
  }
  return { negative: sign === "-" && digits !== 0n, digits, exp10, exp2, format };
}

/** sign × ceil(|value| × 10^scale): Quantity.ScaledValue rounds away from zero. */
function scaled(q: ParsedQuantity, scale: number): number {
  let num = q.digits << BigInt(q.exp2);
  const e = q.exp10 + scale;
  if (e >= 0) num *= 10n ** BigInt(e);
  else {
    const div = 10n ** BigInt(-e);
    num = (num + div - 1n) / div;
  }
  const n = Number(num);
  return q.negative ? -n : n;
}

/** The value in base units (cores, bytes) as a float; undefined when malformed. */
export function parseQuantity(input: string | number): number | undefined {
  const q = parseQuantityExact(input);
  if (!q) return undefined;
  const n = Number(q.digits) * 10 ** q.exp10 * 2 ** q.exp2;
  return q.negative ? -n : n;
}

function mustParse(input: string | number): ParsedQuantity {
  const q = parseQuantityExact(input);
  if (!q) throw new QuantityError(String(input));
  return q;
}

/** Quantity.MilliValue(): "100m" → 100, "1.5" → 1500, "2" → 2000. Throws QuantityError. */
export function parseCpuMillis(input: string | number): number {
  return scaled(mustParse(input), 3);
}

/** Quantity.Value() (rounded up): "128Mi" → 134217728, "1G" → 1e9, "1e3" → 1000. Throws QuantityError. */
export function parseBytes(input: string | number): number {
  return scaled(mustParse(input), 0);
}

export function isValidQuantity(input: string | number): boolean {
  return parseQuantityExact(input) !== undefined;
}

const DECIMAL_SUFFIX: Record<number, string> = { [-9]: "n", [-6]: "u", [-3]: "m", 0: "", 3: "k", 6: "M", 9: "G", 12: "T", 15: "P", 18: "E" };
const BINARY_SUFFIX = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];

/** mantissa × 10^exp with exp a multiple of 3 and mantissa an integer (rounded up below nano). */
function decimalParts(q: ParsedQuantity): { mantissa: bigint; exp: number } {
  let mantissa = q.digits << BigInt(q.exp2);
  let exp = q.exp10;
  if (mantissa === 0n) return { mantissa, exp: 0 };
  while (mantissa % 10n === 0n) {
    mantissa /= 10n;
    exp++;
  }
  if (exp < -9) {
    const div = 10n ** BigInt(-9 - exp);
    mantissa = (mantissa + div - 1n) / div;
    exp = -9;
  }
  const target = Math.floor(exp / 3) * 3;
  mantissa *= 10n ** BigInt(exp - target);
  exp = target;
  // Prefer the largest suffix that keeps the mantissa an integer (1000000 → 1M).
  while (exp < 18 && mantissa % 1000n === 0n) {
    mantissa /= 1000n;
    exp += 3;
  }
  return { mantissa, exp };
}

/** Quantity.String(): the canonical form ("1.5" → "1500m", "1024Mi" → "1Gi", "1000" → "1k"). */
export function formatQuantity(q: ParsedQuantity): string {
  const sign = q.negative ? "-" : "";
  if (q.format === "BinarySI") {
    let value = q.digits << BigInt(q.exp2);
    const div = 10n ** BigInt(Math.max(0, -q.exp10));
    value = q.exp10 >= 0 ? value * 10n ** BigInt(q.exp10) : value % div === 0n ? value / div : -1n;
    if (value >= 1024n) {
      let k = 0;
      let v = value;
      while (k < 6 && v % 1024n === 0n) {
        v /= 1024n;
        k++;
      }
      return `${sign}${v}${BINARY_SUFFIX[k]}`;
    }
  }
  const { mantissa, exp } = decimalParts(q);
  if (q.format === "DecimalExponent") return `${sign}${mantissa}${exp === 0 ? "" : `e${exp}`}`;
  return `${sign}${mantissa}${DECIMAL_SUFFIX[exp]}`;
}

/** Canonical form of a quantity string; the input unchanged when it is malformed. */
export function canonicalQuantity(input: string | number): string {
  const q = parseQuantityExact(input);
  return q ? formatQuantity(q) : String(input);
}

/** 1500 → "1500m", 2000 → "2", 0 → "0" (how kubectl describe prints CPU). */
export function formatCpuMillis(millis: number): string {
  if (millis % 1000 === 0) return String(millis / 1000);
  return `${millis}m`;
}

/** Bytes in BinarySI canonical form: 17179869184 → "16Gi", 1000 → "1000". */
export function formatBytes(bytes: number): string {
  const v = Math.ceil(bytes);
  return formatQuantity({ negative: v < 0, digits: BigInt(Math.abs(v)), exp10: 0, exp2: 0, format: "BinarySI" });
}

/** Compares two quantities exactly: negative, 0 or positive like Quantity.Cmp. */
export function compareQuantities(a: ParsedQuantity, b: ParsedQuantity): number {
  // Bring both to a common integer scale: digits × 2^exp2 × 10^(exp10 - minExp).
  const minExp = Math.min(a.exp10, b.exp10);
  const va = (a.digits << BigInt(a.exp2)) * 10n ** BigInt(a.exp10 - minExp) * (a.negative ? -1n : 1n);
  const vb = (b.digits << BigInt(b.exp2)) * 10n ** BigInt(b.exp10 - minExp) * (b.negative ? -1n : 1n);
  return va === vb ? 0 : va < vb ? -1 : 1;
}
