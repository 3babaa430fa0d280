/** Go time formats kubectl uses in describe. Times print in UTC (the sim has no local zone). */
import { EPOCH_MS, fromTimestamp } from "../../sim/runtime";

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

/** Unix epoch ms → [year, month 1-12, day, weekday 0-6, h, m, s] in UTC, without Date. */
function civil(unixMs: number): [number, number, number, number, number, number, number] {
  const days = Math.floor(unixMs / 86400000);
  const rem = unixMs - days * 86400000;
  // Howard Hinnant's civil_from_days
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const weekday = (((days + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
  return [
    y,
    m,
    d,
    weekday,
    Math.floor(rem / 3600000),
    Math.floor((rem % 3600000) / 60000),
    Math.floor((rem % 60000) / 1000),
  ];
}

/** time.RFC1123Z: `Thu, 01 Jan 2026 09:00:00 +0000`. Empty/invalid → Go's zero time. */
export function formatRFC1123Z(timestamp: string | undefined | null): string {
  if (!timestamp) return "Mon, 01 Jan 0001 00:00:00 +0000";
  const virtual = fromTimestamp(timestamp);
  if (Number.isNaN(virtual)) return "Mon, 01 Jan 0001 00:00:00 +0000";
  const [y, mo, d, wd, h, mi, s] = civil(EPOCH_MS + virtual);
  return `${DAYS[wd]}, ${pad2(d)} ${MONTHS[mo - 1]} ${y} ${pad2(h)}:${pad2(mi)}:${pad2(s)} +0000`;
}
