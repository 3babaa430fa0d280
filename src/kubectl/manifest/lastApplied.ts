/** kubectl's client-side apply bookkeeping: the last-applied-configuration annotation. */
export const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (typeof v === "object" && v !== null) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) out[k] = sortKeys((v as Record<string, unknown>)[k]);
    return out;
  }
  return v;
}

/** Go's json.Marshal of a map: keys sorted, no spaces. */
export function goJson(v: unknown): string {
  return JSON.stringify(sortKeys(v));
}

function metadataOf(obj: Record<string, unknown>): Record<string, unknown> {
  const m = obj.metadata;
  return typeof m === "object" && m !== null && !Array.isArray(m) ? (m as Record<string, unknown>) : {};
}

/**
 * The object as kubectl records it: the manifest with its namespace filled in and the
 * annotation itself removed (leaving `annotations: {}`), as sorted JSON with a final newline.
 */
export function lastAppliedValue(obj: Record<string, unknown>, namespace: string | undefined): string {
  const meta = { ...metadataOf(obj) };
  const annotations = { ...((meta.annotations as Record<string, unknown> | undefined) ?? {}) };
  delete annotations[LAST_APPLIED];
  meta.annotations = annotations;
  if (namespace !== undefined) meta.namespace = namespace;
  return goJson({ ...obj, metadata: meta }) + "\n";
}

/** A copy of the manifest carrying the annotation (and the namespace), ready to send. */
export function withLastApplied(obj: Record<string, unknown>, namespace: string | undefined): Record<string, unknown> {
  const meta = { ...metadataOf(obj) };
  meta.annotations = { ...((meta.annotations as Record<string, unknown> | undefined) ?? {}), [LAST_APPLIED]: lastAppliedValue(obj, namespace) };
  if (namespace !== undefined) meta.namespace = namespace;
  return { ...obj, metadata: meta };
}
