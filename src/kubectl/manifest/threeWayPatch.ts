/**
 * The patch `kubectl apply` sends: what changed from the live object to the manifest, plus
 * removals of fields the previous apply set and this one dropped. A list is sent whole when
 * it differs (JSON merge patch), and fields the server defaulted inside it are not counted as
 * differences, so re-applying the same manifest yields `{}` (unchanged).
 */
type Json = unknown;

function isMap(v: Json): v is Record<string, Json> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function deepEqual(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isMap(a) && isMap(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}

/** Whether everything `m` says holds in `c` (c may carry more: server defaults). */
export function subsetEqual(m: Json, c: Json): boolean {
  if (m === null || m === undefined) return c === null || c === undefined;
  if (Array.isArray(m)) return Array.isArray(c) && m.length === c.length && m.every((x, i) => subsetEqual(x, c[i]));
  if (isMap(m)) return isMap(c) && Object.keys(m).every((k) => subsetEqual(m[k], c[k]));
  return m === c;
}

export function threeWayPatch(original: Json, modified: Record<string, Json>, current: Json): Record<string, Json> {
  const orig = isMap(original) ? original : {};
  const cur = isMap(current) ? current : {};
  const patch: Record<string, Json> = {};
  for (const k of Object.keys(modified)) {
    const m = modified[k];
    const c = cur[k];
    if (isMap(m) && isMap(c)) {
      const sub = threeWayPatch(orig[k], m, c);
      if (Object.keys(sub).length > 0) patch[k] = sub;
    } else if (!subsetEqual(m, c) || (Array.isArray(m) && k in orig && !deepEqual(orig[k], m))) {
      patch[k] = m;
    }
  }
  for (const k of Object.keys(orig)) {
    if (!(k in modified) && k in cur) patch[k] = null;
  }
  return patch;
}
