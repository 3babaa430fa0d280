/** An object's owners, following controller references up (Pod → ReplicaSet → Deployment). */
import { resourceForKind, type KubeObject } from "../../sim/api";

export interface OwnerLink {
  kind: string;
  name: string;
  /** Plural resource, for selecting it; undefined for kinds the cluster does not serve. */
  resource: string | undefined;
  namespace: string | undefined;
  /** False when the owner no longer exists (the garbage collector will follow). */
  exists: boolean;
}

export function ownerChain(obj: KubeObject, lookup: (resource: string, namespace: string | undefined, name: string) => KubeObject | undefined, maxDepth = 6): OwnerLink[] {
  const chain: OwnerLink[] = [];
  let current: KubeObject | undefined = obj;
  for (let depth = 0; current && depth < maxDepth; depth++) {
    const refs: NonNullable<KubeObject["metadata"]["ownerReferences"]> = current.metadata.ownerReferences ?? [];
    const ref = refs.find((r) => r.controller) ?? refs[0];
    if (!ref) break;
    const info = resourceForKind(ref.apiVersion, ref.kind);
    const namespace: string | undefined = info?.namespaced ? current.metadata.namespace : undefined;
    const owner: KubeObject | undefined = info ? lookup(info.resource, namespace, ref.name) : undefined;
    chain.push({ kind: ref.kind, name: ref.name, resource: info?.resource, namespace, exists: owner !== undefined });
    current = owner;
  }
  return chain;
}
