// Patches: RFC 7386 JSON merge patch, a strategic merge patch good enough for kubectl apply
// (lists of containers, env, ports, volumes … merged by their patchMergeKey), and the
// three-way merge kubectl client-side apply computes (k8s.io/apimachinery/pkg/util/strategicpatch).

// The walks below use for…in: on the plain JSON-like objects they see it visits exactly the own
// keys, in Object.keys order, without allocating a key array per object.

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);

/** Structural equality of JSON-like data; keys holding `undefined` count as absent. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (isObj(a) && isObj(b)) {
    // Walks the keys without building key lists (kube-apiserver compares every update).
    let defined = 0;
    for (const k in a) {
      const v = a[k];
      if (v === undefined) continue;
      defined++;
      if (!deepEqual(v, b[k])) return false;
    }
    for (const k in b) if (b[k] !== undefined) defined--;
    return defined === 0;
  }
  return false;
}

/** A deep copy of JSON-like data (what structuredClone gives for it, without its serialiser's cost). */
export function deepCopy<T>(v: T): T {
  return clone(v);
}

function clone<T>(v: T): T {
  if (v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) {
    // slice() sizes the copy exactly; an array grown by push from [] reserves 17 slots, kept as long as the object lives.
    const out: unknown[] = v.slice();
    for (let i = 0; i < out.length; i++) {
      const x = out[i];
      if (x !== null && typeof x === "object") out[i] = clone(x);
    }
    return out as T;
  }
  // A spread copies the whole shape at once; only nested objects and arrays need copies of their own.
  const out: Obj = { ...(v as Obj) };
  for (const k in out) {
    const x = out[k];
    if (x !== null && typeof x === "object") out[k] = clone(x);
  }
  return out as T;
}

/** RFC 7386: objects merge recursively, null deletes, everything else (arrays too) replaces. */
export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isObj(patch)) return clone(patch);
  const result: Obj = isObj(target) ? { ...target } : {};
  for (const k in patch) {
    const v = patch[k];
    if (v === null) delete result[k];
    // Primitives and arrays replace: only a nested object needs the value it merges into.
    else if (typeof v !== "object") result[k] = v;
    else result[k] = Array.isArray(v) ? clone(v) : applyMergePatch(result[k], v);
  }
  return result;
}

/**
 * The patchMergeKey of a list field, from the struct tags of k8s.io/api; `path` is the chain of
 * field names leading to the list. Undefined means the list is replaced atomically.
 */
export function mergeKeyFor(path: readonly string[]): string | undefined {
  const field = path[path.length - 1];
  switch (field) {
    case "containers":
    case "initContainers":
    case "ephemeralContainers":
    case "env":
    case "volumes":
    case "imagePullSecrets":
      return "name";
    case "volumeMounts":
      return "mountPath";
    case "ownerReferences":
      return "uid";
    case "conditions":
      return "type";
    case "taints":
      return "key";
    case "topologySpreadConstraints":
      return "topologyKey";
    case "ports": {
      // Container ports merge by containerPort, Service ports by port.
      const parent = path[path.length - 2];
      return parent === "containers" || parent === "initContainers" ? "containerPort" : parent === "spec" ? "port" : undefined;
    }
    default:
      return undefined;
  }
}

/** Drops null-valued keys from a subtree being added (a patch's nulls only delete). */
function stripNulls(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stripNulls);
  if (!isObj(v)) return v;
  const out: Obj = {};
  for (const [k, x] of Object.entries(v)) if (x !== null && !k.startsWith("$")) out[k] = stripNulls(x);
  return out;
}

function applyStrategic(original: unknown, patch: unknown, path: string[]): unknown {
  if (!isObj(patch)) return clone(patch);
  const result: Obj = isObj(original) ? { ...original } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith("$")) continue; // directives ($patch, $setElementOrder/…) handled by the parent
    const childPath = [...path, k];
    const mk = Array.isArray(v) ? mergeKeyFor(childPath) : undefined;
    if (v === null) delete result[k];
    else if (mk && Array.isArray(result[k])) result[k] = mergeList(result[k] as unknown[], v as unknown[], mk, childPath);
    else if (Array.isArray(v)) result[k] = stripNulls(v.filter((e) => !(isObj(e) && e.$patch === "delete")));
    else result[k] = isObj(v) ? applyStrategic(result[k], v, childPath) : clone(v);
  }
  return result;
}

function mergeList(original: unknown[], patch: unknown[], mk: string, path: string[]): unknown[] {
  const result = original.map((e) => clone(e));
  for (const pe of patch) {
    if (!isObj(pe)) {
      result.push(clone(pe));
      continue;
    }
    const idx = result.findIndex((e) => isObj(e) && e[mk] === pe[mk]);
    if (pe.$patch === "delete") {
      if (idx >= 0) result.splice(idx, 1);
    } else if (idx >= 0) result[idx] = applyStrategic(result[idx], pe, path);
    else result.push(stripNulls(pe));
  }
  return result;
}

/** Applies a strategic merge patch (what `kubectl apply`/`patch --type strategic` send). */
export function applyStrategicMergePatch(original: unknown, patch: unknown): unknown {
  return applyStrategic(original, patch, []);
}

/**
 * The patch taking `current` to `modified`, deleting what `original` had and `modified` dropped
 * (strategicpatch.CreateThreeWayMergePatch / jsonmergepatch for non-strategic kinds). Fields that
 * were never in original and are absent from modified (set by controllers or defaults) are kept.
 */
export function createThreeWayMergePatch(original: unknown, modified: unknown, current: unknown, strategic = true): Obj {
  return diffObject(isObj(original) ? original : {}, isObj(modified) ? modified : {}, isObj(current) ? current : {}, [], strategic);
}

function diffObject(o: Obj, m: Obj, c: Obj, path: string[], strategic: boolean): Obj {
  const patch: Obj = {};
  for (const k of Object.keys(o)) if (!(k in m) && o[k] !== undefined) patch[k] = null;
  for (const [k, mv] of Object.entries(m)) {
    if (mv === undefined) continue;
    const cv = c[k];
    const childPath = [...path, k];
    const mk = strategic && Array.isArray(mv) ? mergeKeyFor(childPath) : undefined;
    if (isObj(mv) && isObj(cv)) {
      const sub = diffObject(isObj(o[k]) ? (o[k] as Obj) : {}, mv, cv, childPath, strategic);
      if (Object.keys(sub).length) patch[k] = sub;
    } else if (mk && Array.isArray(cv)) {
      const sub = diffKeyedList(Array.isArray(o[k]) ? (o[k] as unknown[]) : [], mv as unknown[], cv, mk, childPath, strategic);
      if (sub.length) patch[k] = sub;
    } else if (!deepEqual(mv, cv)) patch[k] = clone(mv);
  }
  return patch;
}

function diffKeyedList(o: unknown[], m: unknown[], c: unknown[], mk: string, path: string[], strategic: boolean): unknown[] {
  const find = (list: unknown[], key: unknown) => list.find((e) => isObj(e) && e[mk] === key) as Obj | undefined;
  const out: unknown[] = [];
  for (const oe of o) if (isObj(oe) && !find(m, oe[mk])) out.push({ [mk]: oe[mk], $patch: "delete" });
  for (const me of m) {
    if (!isObj(me)) continue;
    const ce = find(c, me[mk]);
    if (!ce) {
      out.push(clone(me));
      continue;
    }
    const sub = diffObject(find(o, me[mk]) ?? {}, me, ce, path, strategic);
    if (Object.keys(sub).length) out.push({ [mk]: me[mk], ...sub });
  }
  return out;
}

/**
 * kubectl client-side apply: the object that results from patching `current` with the
 * three-way patch of (last-applied, manifest, live object).
 */
export function threeWayMerge<T>(lastApplied: unknown, modified: unknown, current: T, strategic = true): T {
  const patch = createThreeWayMergePatch(lastApplied, modified, current, strategic);
  return (strategic ? applyStrategicMergePatch(current, patch) : applyMergePatch(current, patch)) as T;
}
