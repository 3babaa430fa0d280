/**
 * Requests and limits summed the way describe node does (resourcehelper.PodRequests/PodLimits:
 * the containers' sum, at least the largest init container), printed as Quantity.String().
 */
import type { Pod } from "../../../sim/api/types";
import { formatBytes, formatMilliCpu, isBinaryQuantity, parseQuantityValue } from "../../format";

/** An amount in base units (millicores for cpu, bytes otherwise) and how to print it. */
export interface Amount {
  value: number;
  binary: boolean;
}

export type ResourceAmounts = Map<string, Amount>;

const isCpu = (name: string) => name === "cpu";

function toBase(name: string, q: string): number {
  const v = parseQuantityValue(q);
  if (Number.isNaN(v)) return 0;
  return isCpu(name) ? Math.round(v * 1000) : v;
}

export function formatAmount(name: string, a: Amount | undefined): string {
  if (!a) return "0";
  return isCpu(name) ? formatMilliCpu(a.value) : formatBytes(a.value, a.binary);
}

function add(into: ResourceAmounts, name: string, q: string): void {
  const prev = into.get(name);
  const v = toBase(name, q);
  if (prev) prev.value += v;
  else into.set(name, { value: v, binary: isBinaryQuantity(q) });
}

function podAmounts(pod: Pod, pick: "requests" | "limits"): ResourceAmounts {
  const sum: ResourceAmounts = new Map();
  for (const c of pod.spec.containers)
    for (const [n, q] of Object.entries(c.resources?.[pick] ?? {})) add(sum, n, q);
  for (const c of pod.spec.initContainers ?? []) {
    for (const [n, q] of Object.entries(c.resources?.[pick] ?? {})) {
      const v = toBase(n, q);
      const cur = sum.get(n);
      if (!cur) sum.set(n, { value: v, binary: isBinaryQuantity(q) });
      else if (v > cur.value) cur.value = v;
    }
  }
  return sum;
}

export const podRequests = (pod: Pod): ResourceAmounts => podAmounts(pod, "requests");
export const podLimits = (pod: Pod): ResourceAmounts => podAmounts(pod, "limits");

export function totals(pods: readonly Pod[], of: (p: Pod) => ResourceAmounts): ResourceAmounts {
  const out: ResourceAmounts = new Map();
  for (const p of pods) {
    for (const [n, a] of of(p)) {
      const cur = out.get(n);
      if (cur) cur.value += a.value;
      else out.set(n, { ...a });
    }
  }
  return out;
}

/** Base-unit value of an allocatable entry (millicores for cpu). */
export function allocatableValue(alloc: Record<string, string> | undefined, name: string): number {
  const q = alloc?.[name];
  return q === undefined ? 0 : toBase(name, q);
}

/** `100m (2%)`: int64 truncation of the percentage, 0 when nothing is allocatable. */
export function withPercent(name: string, a: Amount | undefined, allocatable: number): string {
  const pct = allocatable !== 0 ? Math.trunc(((a?.value ?? 0) / allocatable) * 100) : 0;
  return `${formatAmount(name, a)} (${pct}%)`;
}
