import type { KubeObject } from "../../api/types";
import type { Rng } from "../../runtime/rng";
import { deepEqual, generateName, newUid } from "../../api";
import { toTimestamp } from "../../runtime/virtualTime";

/** Fills what kube-apiserver owns on create: uid, creationTimestamp, generation, name from generateName. */
export function prepareMetaForCreate<T extends KubeObject>(obj: T, now: number, rng: Rng): T {
  const m = { ...obj.metadata };
  if (!m.name && m.generateName) m.name = generateName(m.generateName, rng);
  m.uid = newUid(rng);
  m.creationTimestamp = toTimestamp(now);
  delete m.resourceVersion;
  delete m.deletionTimestamp;
  delete m.deletionGracePeriodSeconds;
  if ("spec" in obj) m.generation = 1;
  return { ...obj, metadata: m };
}

/** Keeps what clients may not change on update (uid, creationTimestamp …); bumps generation on spec change. */
export function prepareMetaForUpdate<T extends KubeObject>(next: T, current: T): T {
  const m = { ...next.metadata };
  m.uid = current.metadata.uid;
  m.creationTimestamp = current.metadata.creationTimestamp;
  m.deletionTimestamp = current.metadata.deletionTimestamp;
  m.deletionGracePeriodSeconds = current.metadata.deletionGracePeriodSeconds;
  if (m.deletionTimestamp === undefined) delete m.deletionTimestamp;
  if (m.deletionGracePeriodSeconds === undefined) delete m.deletionGracePeriodSeconds;
  const specChanged = !deepEqual((next as { spec?: unknown }).spec, (current as { spec?: unknown }).spec);
  const gen = current.metadata.generation;
  if (gen !== undefined) m.generation = specChanged ? gen + 1 : gen;
  return { ...next, metadata: m };
}
