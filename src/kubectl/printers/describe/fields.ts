/** Multi-line fields shared by describers (describe.go printLabelsMultiline & co). */
import type { KubeEvent, Taint, Toleration } from "../../../sim/api/types";
import { fromTimestamp } from "../../../sim/runtime";
import { translateTimestampSince } from "../../format";
import { DescribeWriter, LEVEL_0, LEVEL_1 } from "./describeWriter";

const MAX_ANNOTATION_LEN = 140;
const SKIP_ANNOTATIONS = new Set(["kubectl.kubernetes.io/last-applied-configuration"]);

/** `Title:\tk=v` then `\tk2=v2` lines, sorted; `<none>` when empty. */
export function printLabelsMultiline(
  w: DescribeWriter,
  title: string,
  labels: Record<string, string> | undefined,
): void {
  w.write(LEVEL_0, `${title}:\t`);
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) {
    w.line("<none>");
    return;
  }
  keys.forEach((k, i) => {
    if (i !== 0) w.write(LEVEL_0, "\t");
    w.write(LEVEL_0, `${k}=${labels![k]}\n`);
  });
}

function shorten(s: string, max: number): string {
  return s.length > max ? s.slice(0, max) + "..." : s;
}

/** `Annotations:\tk: v`, long or multi-line values on their own lines; last-applied skipped. */
export function printAnnotationsMultiline(
  w: DescribeWriter,
  title: string,
  annotations: Record<string, string> | undefined,
): void {
  w.write(LEVEL_0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {})
    .filter((k) => !SKIP_ANNOTATIONS.has(k))
    .sort();
  if (keys.length === 0) {
    w.line("<none>");
    return;
  }
  const indent = "\t";
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, indent);
    const value = annotations![key].replace(/\n$/, "");
    if (value.length + key.length + 2 > MAX_ANNOTATION_LEN || value.includes("\n")) {
      w.write(LEVEL_0, `${key}:\n`);
      for (const s of value.split("\n"))
        w.write(LEVEL_0, `${indent}  ${shorten(s, MAX_ANNOTATION_LEN - 2)}\n`);
    } else {
      w.write(LEVEL_0, `${key}: ${value}\n`);
    }
  });
}

/** printTolerationsMultilineWithIndent: `key=value:Effect op=Exists for 300s`, sorted by key. */
export function printTolerationsMultiline(
  w: DescribeWriter,
  title: string,
  tolerations: readonly Toleration[] | undefined,
): void {
  w.write(LEVEL_0, `${title}:\t`);
  const list = [...(tolerations ?? [])].sort((a, b) =>
    (a.key ?? "") < (b.key ?? "") ? -1 : (a.key ?? "") > (b.key ?? "") ? 1 : 0,
  );
  if (list.length === 0) {
    w.line("<none>");
    return;
  }
  list.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, "\t");
    let s = t.key ?? "";
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    if (t.operator === "Exists" && !t.value) s += t.key || t.effect ? " op=Exists" : "op=Exists";
    if (t.tolerationSeconds !== undefined) s += ` for ${t.tolerationSeconds}s`;
    w.write(LEVEL_0, s + "\n");
  });
}

/** Taint.ToString(): `key=value:Effect` or `key:Effect`. */
export function taintString(t: Taint): string {
  return t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`;
}

/** printNodeTaintsMultiline: sorted by `effect,key`. */
export function printTaintsMultiline(
  w: DescribeWriter,
  title: string,
  taints: readonly Taint[] | undefined,
): void {
  w.write(LEVEL_0, `${title}:\t`);
  const cmp = (t: Taint) => `${t.effect},${t.key}`;
  const list = [...(taints ?? [])].sort((a, b) => (cmp(a) < cmp(b) ? -1 : cmp(a) > cmp(b) ? 1 : 0));
  if (list.length === 0) {
    w.line("<none>");
    return;
  }
  list.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, "\t");
    w.write(LEVEL_0, taintString(t) + "\n");
  });
}

function eventTime(e: KubeEvent): number {
  return fromTimestamp(e.lastTimestamp || e.firstTimestamp);
}

/**
 * DescribeEvents: `Events:\t<none>`, or the Type/Reason/Age/From/Message table sorted by last
 * timestamp; Age is `2m3s (x3 over 5m)` for repeated events.
 */
export function describeEvents(w: DescribeWriter, events: readonly KubeEvent[], now: number): void {
  if (events.length === 0) {
    w.write(LEVEL_0, "Events:\t<none>\n");
    return;
  }
  const sorted = events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => eventTime(a.e) - eventTime(b.e) || a.i - b.i)
    .map((x) => x.e);
  w.write(LEVEL_0, "Events:\n  Type\tReason\tAge\tFrom\tMessage\n");
  w.write(LEVEL_1, "----\t------\t----\t----\t-------\n");
  for (const e of sorted) {
    const first = translateTimestampSince(e.firstTimestamp, now);
    const interval =
      e.count > 1 ? `${translateTimestampSince(e.lastTimestamp, now)} (x${e.count} over ${first})` : first;
    const source = e.source?.component || e.reportingComponent || "";
    // kubectl prints the message alone (the field path column went away with SubObjectPath).
    w.write(LEVEL_1, `${e.type}\t${e.reason}\t${interval}\t${source}\t${e.message.trim()}\n`);
  }
}

/** `Kind/name` of the controller owner reference, or "". */
export function printController(meta: {
  ownerReferences?: { kind: string; name: string; controller?: boolean }[];
}): string {
  const ref = meta.ownerReferences?.find((o) => o.controller);
  return ref ? `${ref.kind}/${ref.name}` : "";
}
