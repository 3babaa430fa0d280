import type { KubeObject } from "../../sim/api/types";
import { plainError } from "../errors";

/** Reads `.spec.replicas`, `{.metadata.name}`, `.status.containerStatuses[0].restartCount`. */
export function fieldByPath(obj: unknown, path: string): unknown {
  const clean = path.replace(/^\{/, "").replace(/\}$/, "").replace(/^\./, "");
  let cur: unknown = obj;
  for (const part of clean.split(".").filter(Boolean)) {
    const m = /^([^[]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) return undefined;
    if (m[1]) cur = typeof cur === "object" && cur !== null ? (cur as Record<string, unknown>)[m[1]] : undefined;
    for (const idx of m[2].match(/\d+/g) ?? []) cur = Array.isArray(cur) ? cur[Number(idx)] : undefined;
    if (cur === undefined) return undefined;
  }
  return cur;
}

/** `--sort-by`: kubectl's RuntimeSort (numbers numerically, the rest as strings; stable). */
export function sortObjects(objects: KubeObject[], path: string): KubeObject[] {
  const keyed = objects.map((o, i) => ({ o, i, v: fieldByPath(o, path) }));
  if (objects.length > 0 && keyed.every((k) => k.v === undefined)) {
    const shown = path.startsWith("{") ? path : `{${path}}`;
    throw plainError(`couldn't find any field with path "${shown}" in the list of objects`);
  }
  keyed.sort((a, b) => {
    if (typeof a.v === "number" && typeof b.v === "number") return a.v - b.v || a.i - b.i;
    const as = a.v === undefined ? "" : String(a.v);
    const bs = b.v === undefined ? "" : String(b.v);
    return as < bs ? -1 : as > bs ? 1 : a.i - b.i;
  });
  return keyed.map((k) => k.o);
}
