import type { ComponentId } from "../runtime/trace";

export interface RequestOptions {
  /** The pod the request is sent from (`kubectl exec POD -- curl URL`); without it, a machine outside the cluster. */
  from?: { namespace: string; pod: string };
  url: string;
  /** curl --connect-timeout (default 10 s): how long an unanswered connection waits. */
  connectTimeoutMs?: number;
}

/** One message of the request's journey, as recorded in the trace. */
export interface Hop {
  from: ComponentId;
  to: ComponentId;
  /** The trace summary: `DNS A? web.default.svc.cluster.local`, `GET / → 10.244.2.3:80`, … */
  what: string;
  kind: "dns" | "traffic";
}

export interface RequestResult {
  /** True when an HTTP response came back (whatever its status). */
  ok: boolean;
  status?: number;
  body?: string;
  /** curl's error line on failure (`curl: (6) Could not resolve host: web`). */
  error?: string;
  /** curl's exit code: 0 on an HTTP answer. */
  exitCode: number;
  /** Virtual ms from the first packet to the answer or the failure. */
  elapsedMs: number;
  /** The pod that answered, `namespace/name`. */
  servedBy?: string;
  hops: Hop[];
}

/** The component id of the pods on a node (the diagram's pod area of that node). */
export const podsOf = (node: string): ComponentId => `pods:${node}`;
/** A machine outside the cluster (the user's laptop running curl). */
export const OUTSIDE_CLIENT: ComponentId = "client";
