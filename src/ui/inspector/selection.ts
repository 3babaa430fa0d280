/**
 * What a selection id names. The diagram selects components by id, `node:<name>` and
 * `pod:<namespace>/<name>`; the inspector adds `obj:<resource>/<namespace>/<name>` (or
 * `obj:<resource>/<name>` for cluster-scoped objects) for links between objects.
 */
export type Target =
  | { type: "component"; id: string; node?: string; role: string }
  | { type: "object"; resource: string; namespace: string | undefined; name: string };

export function parseSelection(id: string): Target {
  if (id.startsWith("pod:")) return objectTarget("pods", id.slice(4));
  if (id.startsWith("node:")) return { type: "object", resource: "nodes", namespace: undefined, name: id.slice(5) };
  if (id.startsWith("obj:")) {
    const rest = id.slice(4);
    const slash = rest.indexOf("/");
    return objectTarget(rest.slice(0, slash), rest.slice(slash + 1));
  }
  const at = id.indexOf("@");
  return at < 0 ? { type: "component", id, role: id } : { type: "component", id, role: id.slice(0, at), node: id.slice(at + 1) };
}

function objectTarget(resource: string, key: string): Target {
  const slash = key.indexOf("/");
  return slash < 0 ? { type: "object", resource, namespace: undefined, name: key } : { type: "object", resource, namespace: key.slice(0, slash), name: key.slice(slash + 1) };
}

/** The selection id of an object (pods and nodes as the diagram names them). */
export function objectSelection(resource: string, namespace: string | undefined, name: string): string {
  if (resource === "pods" && namespace) return `pod:${namespace}/${name}`;
  if (resource === "nodes") return `node:${name}`;
  return `obj:${resource}/${namespace ? `${namespace}/` : ""}${name}`;
}
