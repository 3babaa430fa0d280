/** Kind facts the printers need: API group, `-o name` prefix, scope. */

/** "apps/v1" → "apps"; "v1" → "". */
export function groupOf(apiVersion: string): string {
  const i = apiVersion.indexOf("/");
  return i < 0 ? "" : apiVersion.slice(0, i);
}

/** `-o name` / multi-kind table prefix: lower-case kind, then `.group` for non-core groups. */
export function kindPrefix(kind: string, apiVersion: string): string {
  const group = groupOf(apiVersion);
  return group ? `${kind.toLowerCase()}.${group}` : kind.toLowerCase();
}

const CLUSTER_SCOPED = new Set(["Node", "Namespace"]);

export function isClusterScoped(kind: string): boolean {
  return CLUSTER_SCOPED.has(kind);
}
