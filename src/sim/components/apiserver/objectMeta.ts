import type { KubeObject } from "../../api/types";
import type { Rng } from "../../runtime/rng";
import { deepEqual, generateName, newUid } from "../../api";
import { toTimestamp } from "../../runtime/virtualTime";

/**
 * Fills what kube-apiserver owns on create: the request's namespace, uid, creationTimestamp,
 * generation, name from generateName. Returns a copy; `obj` is not modified.
 */
export function prepareMetaForCreate<T extends KubeObject>(obj: T, namespace: string | undefined, now: number, rng: Rng): T {
  const m = { ...obj.metadata };
  if (namespace) m.namespace = namespace;
  if (!m.name && m.generateName) m.name = generateName(m.generateName, rng);
  m.uid = newUid(rng);
  m.creationTimestamp = toTimestamp(now);
  // Guarded: deleting a key that is not there still costs a runtime lookup, on every create.
  if ("resourceVersion" in m) delete m.resourceVersion;
  if ("deletionTimestamp" in m) delete m.deletionTimestamp;
  if ("deletionGracePeriodSeconds" in m) delete m.deletionGracePeriodSeconds;
  if ("spec" in obj) m.generation = 1;
  return { ...obj, metadata: m };
}

/**
 * Keeps what clients may not change on update (name, namespace, uid, creationTimestamp …); bumps
 * generation on spec change. Returns a copy; `next` is not modified.
 */
export function prepareMetaForUpdate<T extends KubeObject>(next: T, current: T): T {
  const cm = current.metadata;
  const m = { ...next.metadata, name: cm.name, namespace: cm.namespace, uid: cm.uid, creationTimestamp: cm.creationTimestamp };
  // Absent stays absent: a key added and deleted again would leave metadata in V8's slow dictionary mode.
  if (cm.deletionTimestamp !== undefined) m.deletionTimestamp = cm.deletionTimestamp;
  else delete m.deletionTimestamp;
  if (cm.deletionGracePeriodSeconds !== undefined) m.deletionGracePeriodSeconds = cm.deletionGracePeriodSeconds;
  else delete m.deletionGracePeriodSeconds;
  const specChanged = !deepEqual((next as { spec?: unknown }).spec, (current as { spec?: unknown }).spec);
  const gen = current.metadata.generation;
  if (gen !== undefined) m.generation = specChanged ? gen + 1 : gen;
  return { ...next, metadata: m };
}
