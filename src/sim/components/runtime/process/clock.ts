/** Virtual time as the various programs print it. Virtual 0 is 2026-01-01T09:00:00Z (a Thursday). */
import { EPOCH_MS } from "../../../runtime";

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export interface Civil {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  ms: number;
  weekday: string;
  month: string;
  /** Seconds since the Unix epoch. */
  unix: number;
}

/** Howard Hinnant's civil_from_days. */
export function civil(virtualMs: number): Civil {
  const abs = EPOCH_MS + Math.floor(virtualMs);
  const days = Math.floor(abs / 86_400_000);
  const rem = abs - days * 86_400_000;
  let z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const mo = mp < 10 ? mp + 3 : mp - 9;
  z = yoe + era * 400 + (mo <= 2 ? 1 : 0);
  return {
    y: z,
    mo,
    d,
    h: Math.floor(rem / 3_600_000),
    mi: Math.floor((rem % 3_600_000) / 60_000),
    s: Math.floor((rem % 60_000) / 1000),
    ms: rem % 1000,
    weekday: DAYS[(((days + 4) % 7) + 7) % 7],
    month: MONTHS[mo - 1],
    unix: Math.floor(abs / 1000),
  };
}

export function p2(n: number): string {
  return String(n).padStart(2, "0");
}

export function p3(n: number): string {
  return String(n).padStart(3, "0");
}

/** `09:01:02` */
export function hms(c: Civil): string {
  return `${p2(c.h)}:${p2(c.mi)}:${p2(c.s)}`;
}

/** Go's log package and nginx's error log: `2026/01/01 09:01:02`. */
export function slashDateTime(ms: number): string {
  const c = civil(ms);
  return `${c.y}/${p2(c.mo)}/${p2(c.d)} ${hms(c)}`;
}

/** nginx/httpd access logs: `01/Jan/2026:09:01:02 +0000`. */
export function clfTime(ms: number): string {
  const c = civil(ms);
  return `${p2(c.d)}/${c.month}/${c.y}:${hms(c)} +0000`;
}

/** `date` in busybox and coreutils: `Thu Jan  1 09:00:05 UTC 2026`. */
export function dateCommand(ms: number): string {
  const c = civil(ms);
  return `${c.weekday} ${c.month} ${String(c.d).padStart(2, " ")} ${hms(c)} UTC ${c.y}`;
}

/** `2026-01-01` */
export function isoDate(ms: number): string {
  const c = civil(ms);
  return `${c.y}-${p2(c.mo)}-${p2(c.d)}`;
}

/** RFC 3339 with nanoseconds, as CRI log files and `kubectl logs --timestamps` print. */
export function rfc3339Nano(ms: number): string {
  const c = civil(ms);
  const frac = Math.round((ms - Math.floor(ms)) * 1e6);
  return `${isoDate(ms)}T${hms(c)}.${p3(c.ms)}${String(frac).padStart(6, "0")}Z`;
}
