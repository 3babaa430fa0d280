/**
 * The seam between commands and the printers (`./printers`, written separately). Commands call
 * only these functions; until a printer exists for something, a plain fallback prints it.
 */
import { stringify } from "yaml";
import type { KubeObject } from "../sim/api/types";
import { fromTimestamp } from "../sim/runtime";
import { kindString, type ResourceType } from "./resources";

export interface TableOptions {
  wide: boolean;
  showLabels: boolean;
  noHeaders: boolean;
  /** -A: a NAMESPACE column first. */
  withNamespace: boolean;
  /** Prefix names with `kind.group/` (several types in one `get`). */
  withKind: boolean;
  /** Virtual ms now, for AGE. */
  now: number;
}

function age(o: KubeObject, now: number): string {
  const ts = o.metadata.creationTimestamp;
  if (!ts) return "<unknown>";
  const s = Math.max(0, Math.floor((now - fromTimestamp(ts)) / 1000));
  if (s < 120) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m`;
  return `${Math.floor(m / 60)}h`;
}

/** Lines of a `kubectl get` table (header first unless noHeaders), each ending in "\n". */
export function printTable(type: ResourceType, objects: readonly KubeObject[], opts: TableOptions): string {
  const header = [...(opts.withNamespace ? ["NAMESPACE"] : []), "NAME", "AGE", ...(opts.showLabels ? ["LABELS"] : [])];
  const rows = objects.map((o) => [
    ...(opts.withNamespace ? [o.metadata.namespace ?? ""] : []),
    opts.withKind ? `${kindString(type)}/${o.metadata.name ?? ""}` : (o.metadata.name ?? ""),
    age(o, opts.now),
    ...(opts.showLabels ? [Object.entries(o.metadata.labels ?? {}).map(([k, v]) => `${k}=${v}`).join(",") || "<none>"] : []),
  ]);
  const all = opts.noHeaders ? rows : [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  return all.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] + 3))).join("") + "\n").join("");
}

/** `-o yaml|json|name|jsonpath=…|custom-columns=…`; undefined output format → error text. */
export function printObjects(type: ResourceType, objects: readonly KubeObject[], format: string, single: boolean): string {
  if (format === "name") return objects.map((o) => `${kindString(type)}/${o.metadata.name ?? ""}\n`).join("");
  const value = single && objects.length === 1 ? objects[0] : { apiVersion: "v1", items: objects, kind: "List", metadata: { resourceVersion: "" } };
  if (format === "json") return JSON.stringify(value, null, 4) + "\n";
  return stringify(value);
}

/** Output formats `get -o` accepts (others are an error). */
export function isKnownOutputFormat(format: string): boolean {
  return ["", "wide", "yaml", "json", "name"].includes(format) || format.startsWith("jsonpath") || format.startsWith("custom-columns") || format.startsWith("go-template");
}

/** `kubectl describe` of one object with its events. */
export function describeObject(type: ResourceType, object: KubeObject, events: readonly KubeObject[], now: number): string {
  void now;
  const lines = [`Name:         ${object.metadata.name ?? ""}`];
  if (type.namespaced) lines.push(`Namespace:    ${object.metadata.namespace ?? ""}`);
  lines.push(`Events:       ${events.length === 0 ? "<none>" : events.length}`);
  return lines.join("\n") + "\n";
}
