/**
 * k8s.io/apimachinery/pkg/util/duration: HumanDuration and ShortHumanDuration, plus kubectl's
 * translateTimestampSince. Durations are in (virtual) milliseconds; Go truncates toward zero
 * at every step (int(d.Seconds()), d / time.Minute …), and so do we.
 */
import { fromTimestamp } from "../../sim/runtime";

const trunc = Math.trunc;

/** `ShortHumanDuration`: one unit only (`45s`, `3m`, `5h`, `12d`, `2y`). */
export function shortHumanDuration(ms: number): string {
  const seconds = trunc(ms / 1000);
  if (seconds < -1) return "<invalid>";
  if (seconds < 0) return "0s";
  if (seconds < 60) return `${seconds}s`;
  const minutes = trunc(ms / 60000);
  if (minutes < 60) return `${minutes}m`;
  const hours = trunc(ms / 3600000);
  if (hours < 24) return `${hours}h`;
  if (hours < 24 * 365) return `${trunc(hours / 24)}d`;
  return `${trunc(hours / 24 / 365)}y`;
}

/** `HumanDuration`: ~2–3 significant figures (`90s`, `3m20s`, `47m`, `5h12m`, `30h`, `3d4h`, `12d`, `2y45d`). */
export function humanDuration(ms: number): string {
  const seconds = trunc(ms / 1000);
  if (seconds < -1) return "<invalid>";
  if (seconds < 0) return "0s";
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = trunc(ms / 60000);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = trunc(ms / 3600000);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${trunc(hours / 24)}d` : `${trunc(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${trunc(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = trunc(hours / 24) % 365;
    const y = trunc(hours / 24 / 365);
    return dy === 0 ? `${y}y` : `${y}y${dy}d`;
  }
  return `${trunc(hours / 24 / 365)}y`;
}

/** kubectl's translateTimestampSince: `<unknown>` for a missing timestamp, else HumanDuration(now − ts). */
export function translateTimestampSince(timestamp: string | undefined | null, now: number): string {
  if (!timestamp) return "<unknown>";
  const at = fromTimestamp(timestamp);
  if (Number.isNaN(at)) return "<unknown>";
  return humanDuration(now - at);
}
