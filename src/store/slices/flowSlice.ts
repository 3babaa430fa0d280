import type { TraceEvent, TraceKind } from "../../sim/runtime/trace";

/** One message on its way between two components, as drawn on the diagram. */
export interface Packet {
  seq: number;
  from: string;
  to: string;
  kind: TraceKind;
  summary: string;
  /** Virtual ms it left and arrives. */
  at: number;
  arrives: number;
  /** Wall ms it appeared and the least wall ms it stays, so fast hops are still seen. */
  shownAt: number;
  minVisible: number;
  /** Periodic housekeeping (heartbeats, leases): drawn faintly, never slows smart speed. */
  routine: boolean;
}

export interface FlowState {
  packets: readonly Packet[];
  /** How many visible packets touch each component (components pulse while > 0). */
  active: Readonly<Record<string, number>>;
}

/** More packets than this at once is noise: the oldest are dropped (their edges stay lit). */
export const MAX_PACKETS = 60;

export function initialFlow(): FlowState {
  return { packets: [], active: {} };
}

/** A trace event that is a message between two components (not a step inside one). */
export function isHop(e: TraceEvent): boolean {
  return e.from !== e.to && e.kind !== "internal" && e.kind !== "fault";
}

/**
 * Housekeeping that repeats every few seconds whatever the user does: node heartbeats
 * (Lease renewals, node status) and the watch events and etcd writes they cause.
 */
export function isRoutine(e: TraceEvent): boolean {
  if (e.resource === "leases" || e.resource === "events") return true;
  if (e.resource === "nodes" && (e.verb === "patch" || e.verb === "update" || e.verb === "MODIFIED")) return true;
  return /\bleases?\b|\bLease\b/.test(e.summary);
}

export function toPacket(e: TraceEvent, wallNow: number, minVisible: number): Packet {
  return {
    seq: e.seq,
    from: e.from,
    to: e.to,
    kind: e.kind,
    summary: e.summary,
    at: e.at,
    arrives: e.arrives,
    shownAt: wallNow,
    minVisible,
    routine: isRoutine(e),
  };
}

function countActive(packets: readonly Packet[]): Record<string, number> {
  const active: Record<string, number> = {};
  for (const p of packets) {
    active[p.from] = (active[p.from] ?? 0) + 1;
    active[p.to] = (active[p.to] ?? 0) + 1;
  }
  return active;
}

function sameCounts(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if (a[k] !== b[k]) return false;
  return true;
}

function withPackets(state: FlowState, packets: readonly Packet[]): FlowState {
  const active = countActive(packets);
  return { packets, active: sameCounts(active, state.active) ? state.active : active };
}

export function addPackets(state: FlowState, added: readonly Packet[]): FlowState {
  if (added.length === 0) return state;
  let packets = [...state.packets, ...added];
  if (packets.length > MAX_PACKETS) {
    // Drop routine packets first, then the oldest.
    const important = packets.filter((p) => !p.routine);
    packets = important.length >= MAX_PACKETS ? important.slice(-MAX_PACKETS) : [...packets.filter((p) => p.routine).slice(-(MAX_PACKETS - important.length)), ...important];
    packets.sort((a, b) => a.seq - b.seq);
  }
  return withPackets(state, packets);
}

/** A packet is gone once cluster time has passed its arrival and it has been seen long enough. */
export function isExpired(p: Packet, clusterNow: number, wallNow: number): boolean {
  return clusterNow >= p.arrives && wallNow >= p.shownAt + p.minVisible;
}

export function expirePackets(state: FlowState, clusterNow: number, wallNow: number): FlowState {
  if (state.packets.length === 0) return state;
  const kept = state.packets.filter((p) => !isExpired(p, clusterNow, wallNow));
  return kept.length === state.packets.length ? state : withPackets(state, kept);
}
