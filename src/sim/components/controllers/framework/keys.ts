import type { KubeObject } from "../../../api";

/** client-go's MetaNamespaceKeyFunc: `namespace/name`, or `name` for cluster-scoped objects. */
export function keyOf(obj: KubeObject): string {
  const { namespace, name = "" } = obj.metadata;
  return namespace ? `${namespace}/${name}` : name;
}

/** Builds a key from its parts (the inverse of splitKey). */
export function keyFor(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

/** Splits a `namespace/name` key; cluster-scoped keys have no namespace. */
export function splitKey(key: string): { namespace: string | undefined; name: string } {
  const slash = key.indexOf("/");
  if (slash < 0) return { namespace: undefined, name: key };
  return { namespace: key.slice(0, slash), name: key.slice(slash + 1) };
}
