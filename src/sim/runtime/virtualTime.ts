/**
 * Virtual milliseconds ↔ the RFC 3339 timestamps Kubernetes objects carry. Virtual time 0 is a
 * fixed instant so timestamps are reproducible; the sim never reads the wall clock.
 */

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/** Civil date → days since 1970-01-01 (Howard Hinnant's algorithm). */
function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function utcMs(y: number, mo: number, d: number, h: number, mi: number, s: number): number {
  return daysFromCivil(y, mo, d) * 86400000 + h * 3600000 + mi * 60000 + s * 1000;
}

/** Virtual time 0 is 2026-01-01T09:00:00Z. */
export const EPOCH_MS = utcMs(2026, 1, 1, 9, 0, 0);

/** Days since 1970-01-01 → civil date (Howard Hinnant's algorithm). */
function civilFromDays(z: number): [number, number, number] {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const y = yoe + era * 400;
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [m <= 2 ? y + 1 : y, m, d];
}

/** `2026-01-01T09:00:05Z` — whole seconds, as metav1.Time serialises. */
export function toTimestamp(virtualMs: number): string {
  const sec = Math.floor(virtualMs / 1000);
  // Many objects are stamped within the same virtual second: format it once.
  if (sec === lastSecond) return lastStamp;
  lastStamp = formatTimestamp(sec);
  lastSecond = sec;
  return lastStamp;
}

let lastSecond = Number.NaN;
let lastStamp = "";

function formatTimestamp(sec: number): string {
  const ms = EPOCH_MS + sec * 1000;
  const days = Math.floor(ms / 86400000);
  const rem = ms - days * 86400000;
  const [y, mo, d] = civilFromDays(days);
  const h = Math.floor(rem / 3600000);
  const mi = Math.floor((rem % 3600000) / 60000);
  const s = Math.floor((rem % 60000) / 1000);
  return `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}Z`;
}

/** `2026-01-01T09:00:05.123456Z` — microseconds, as metav1.MicroTime (Lease renewTime). */
export function toMicroTimestamp(virtualMs: number): string {
  const whole = toTimestamp(virtualMs);
  const micros = Math.round((virtualMs % 1000) * 1000);
  return `${whole.slice(0, -1)}.${pad(micros, 6)}Z`;
}

/** Parses a timestamp written by toTimestamp/toMicroTimestamp back to virtual ms. */
export function fromTimestamp(ts: string): number {
  // Controllers compare the same few timestamps over and over (readiness, creation order).
  let ms = parsed.get(ts);
  if (ms === undefined) {
    if (parsed.size >= PARSED_CACHE_SIZE) parsed.clear();
    ms = parseTimestamp(ts);
    parsed.set(ts, ms);
  }
  return ms;
}

const PARSED_CACHE_SIZE = 4096;
const parsed = new Map<string, number>();

function parseTimestamp(ts: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?Z$/.exec(ts);
  if (!m) return NaN;
  const [, y, mo, d, h, mi, s, frac] = m;
  const utc = utcMs(+y, +mo, +d, +h, +mi, +s);
  const fracMs = frac ? Number(`0.${frac}`) * 1000 : 0;
  return utc + fracMs - EPOCH_MS;
}
