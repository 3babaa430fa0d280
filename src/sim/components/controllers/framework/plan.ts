import type { KubeObject, Status } from "../../../api";
import type { Rng } from "../../../runtime";
import type { ApiRequest, ApiResponse } from "../../apiserver/request";
import type { ExpectationsView } from "./expectations";

/**
 * "Reconcile returns plans, not effects": a controller's sync reads its caches and returns the
 * API calls to make, each with one plain sentence saying why. The runner sends them.
 */
export interface PlannedCall {
  request: ApiRequest;
  /** One plain-English sentence for the narration: "… so it asks kube-apiserver to create 3." */
  why: string;
  /** Sent without waiting once this call succeeds (e.g. the SuccessfulCreate event). */
  onSuccess?: PlannedCall[];
  /** Sent without waiting once this call succeeds, built from its response (e.g. delete each item a list returned). */
  followUp?: (response: ApiResponse) => PlannedCall[];
  /** Sent without waiting if this call fails (e.g. a FailedCreate event quoting the error). */
  onFailure?: (error: Status) => PlannedCall[];
  /** Statuses that count as success too: 404 for deleting what is already gone, 409 for creating what exists. */
  okStatuses?: number[];
  /** Fire and forget: sent in its turn, never waited for, never fails the plan (events). */
  bestEffort?: boolean;
  /** Ties the call to the plan's expectations: if it fails or is skipped, the runner lowers them. */
  expectation?: { kind: "create" } | { kind: "delete"; objectKey: string };
}

/**
 * How the runner sends `calls`:
 * - sequential (default): one after another, each after the previous response; stops at the first failure;
 * - concurrent: all at once;
 * - slowStart: batches of 1, 2, 4, 8, … like the real `slowStartBatch`; a batch with a failure stops the rest.
 */
export type Execution = "sequential" | "concurrent" | "slowStart";

export interface Plan {
  calls: PlannedCall[];
  execution?: Execution;
  /** Sent one by one once `calls` are done, whatever their outcome (a status update); a failure fails the plan. */
  after?: PlannedCall[];
  /** Requeue with the rate limiter even if every call succeeded. */
  requeue?: boolean;
  /** Look at the key again after this long (pending work: e.g. a pod becomes available after minReadySeconds). */
  requeueAfterMs?: number;
  /** Periodic re-check that does not keep the cluster from settling (a monitor loop, a progress deadline). */
  resyncAfterMs?: number;
  /** Raised before the calls are sent; lowered by informer handlers (or by the runner for failed calls). */
  expectations?: { key: string; creates?: number; deletes?: string[] };
}

/** A read-only view of one informer's cache (client-go listers). */
export interface Lister<T extends KubeObject> {
  get(namespace: string | undefined, name: string): T | undefined;
  list(namespace?: string): T[];
  /** Standard indexes: `nodeName`, `controller` (owner uid), `namespace`; plus any added by the controller. */
  byIndex(index: string, value: string): T[];
}

/** Builds the API calls that record core/v1 Events (with client-go's count aggregation). */
export interface EventFactory {
  normal(obj: KubeObject, reason: string, message: string): PlannedCall;
  warning(obj: KubeObject, reason: string, message: string): PlannedCall;
}

export interface ReconcileContext {
  /** Virtual ms. */
  readonly now: number;
  /** The cluster's seeded generator (pod name suffixes). */
  readonly rng: Rng;
  /** The shared informer cache of a resource (`pods`, `replicasets`, …). Read-only: never mutate. */
  lister<T extends KubeObject>(resource: string): Lister<T>;
  readonly events: EventFactory;
  readonly expectations: ExpectationsView;
}

export interface Reconciler {
  /** The controller's event source name, e.g. "deployment-controller". */
  readonly name: string;
  /** Level-driven: look at the current state of `key` and return what to do about it. */
  sync(key: string, ctx: ReconcileContext): Plan;
}

/** A plan with nothing to do. */
export const NOTHING: Plan = Object.freeze({ calls: [] }) as Plan;
