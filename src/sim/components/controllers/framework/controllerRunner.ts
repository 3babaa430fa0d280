import type { KubeObject } from "../../../api";
import type { Kernel } from "../../../runtime";
import type { ComponentId } from "../../../runtime/trace";
import type { ApiClient } from "../../client";
import { ControllerExpectations } from "./expectations";
import { EventRecorder } from "./eventRecorder";
import { executePlan, type PlanResult } from "./planExecutor";
import type { Lister, Plan, PlannedCall, ReconcileContext, Reconciler } from "./plan";
import { WorkQueue } from "./workQueue";

export interface RunnerOptions {
  kernel: Kernel;
  client: ApiClient;
  reconciler: Reconciler;
  /** Where listers come from (the manager's shared informers). */
  lister: <T extends KubeObject>(resource: string) => Lister<T>;
  /** True once every informer the controller reads has synced (client-go WaitForCacheSync). */
  synced?: () => boolean;
  /** The process the controller lives in (trace `from`). */
  component?: ComponentId;
  /** Keys processed at once (distinct keys only). Real defaults: --concurrent-*-syncs. */
  workers?: number;
  /** Virtual ms a sync takes before its plan is sent. */
  processingMs?: number;
}

const NOTHING_SENT: PlanResult = Object.freeze({ ok: true, errors: [] }) as PlanResult;

/** How often a controller whose caches have not synced yet looks again (WaitForCacheSync polls every 100 ms). */
const SYNC_POLL_MS = 100;

/**
 * sample-controller's `processNextWorkItem → syncHandler`, with plans: pops a key, waits the
 * processing time, asks the Reconciler for a plan, sends the plan's calls, then forgets the key
 * on success or requeues it with back-off on failure (a Conflict, an apiserver outage …).
 */
export class ControllerRunner {
  readonly queue: WorkQueue;
  readonly expectations: ControllerExpectations;
  readonly events: EventRecorder;
  private readonly component: ComponentId;
  private readonly workers: number;
  private readonly processingMs: number;
  private active = 0;
  private running = false;
  private polling = false;

  constructor(private readonly opts: RunnerOptions) {
    const { kernel, reconciler } = opts;
    const clock = () => kernel.now;
    this.queue = new WorkQueue(kernel, () => this.pump());
    this.expectations = new ControllerExpectations(clock);
    this.events = new EventRecorder(reconciler.name, clock);
    this.component = opts.component ?? "kube-controller-manager";
    this.workers = Math.max(1, opts.workers ?? 1);
    this.processingMs = opts.processingMs ?? 1;
  }

  get name(): string {
    return this.opts.reconciler.name;
  }

  /** Queue a key (informer handlers call this). Ignored while stopped. */
  enqueue(key: string): void {
    if (this.running) this.queue.add(key);
  }

  enqueueAfter(key: string, delayMs: number, opts: { background?: boolean } = {}): void {
    if (this.running) this.queue.addAfter(key, delayMs, opts);
  }

  start(): void {
    this.running = true;
    this.pump();
  }

  /** The process stopped: queued keys, pending requeues and in-flight responses are dropped. A stopped runner stays stopped (the manager builds new ones on start, as a restarted process would). */
  stop(): void {
    this.running = false;
    this.queue.shutdown();
  }

  /** The context a sync sees right now. */
  context(): ReconcileContext {
    const { kernel, lister } = this.opts;
    return { now: kernel.now, rng: kernel.rng, lister, events: this.events, expectations: this.expectations };
  }

  private pump(): void {
    while (this.running && this.active < this.workers && this.queue.length > 0) {
      if (this.opts.synced && !this.opts.synced()) return this.pollSync();
      const key = this.queue.get();
      if (key === undefined) return;
      this.active++;
      this.opts.kernel.after(this.processingMs, () => this.process(key));
    }
  }

  private pollSync(): void {
    if (this.polling) return;
    this.polling = true;
    this.opts.kernel.after(SYNC_POLL_MS, () => {
      this.polling = false;
      this.pump();
    });
  }

  /** The last exception a sync threw (a bug in a controller), kept for tests and inspectors. */
  lastError: unknown;

  private process(key: string): void {
    if (!this.running) return;
    let plan: Plan;
    try {
      plan = this.opts.reconciler.sync(key, this.context());
    } catch (err) {
      // A crashing sync must not wedge the queue: record it and retry with back-off, as a panic recovered by the worker would.
      this.lastError = err;
      this.requeueWithBackoff(key, err instanceof Error ? err.message : String(err));
      this.active--;
      this.queue.done(key);
      return this.pump();
    }
    const sends = plan.calls.length > 0 || (plan.after?.length ?? 0) > 0;
    if (sends) this.narrate(key, plan);
    this.raiseExpectations(plan);
    // Most syncs find nothing to do: finish at once, without the hooks and callback of a plan in flight.
    if (!sends) return this.finished(key, plan, NOTHING_SENT);
    executePlan(
      this.opts.client,
      plan,
      {
        failed: (call) => this.lowerExpectation(plan, call),
        skipped: (call) => this.lowerExpectation(plan, call),
      },
      (result) => this.finished(key, plan, result),
    );
  }

  /** The plan's calls are done: forget the key's back-off or retry it, then hand out the next key. */
  private finished(key: string, plan: Plan, result: PlanResult): void {
    if (!this.running) return;
    if (!result.ok) {
      const first = result.errors[0];
      this.requeueWithBackoff(key, `${first.error.reason || first.error.code}: ${first.error.message}`);
    } else {
      this.queue.forget(key);
      if (plan.requeue) this.queue.addRateLimited(key);
      if (plan.requeueAfterMs !== undefined) this.queue.addAfter(key, plan.requeueAfterMs);
      if (plan.resyncAfterMs !== undefined) this.queue.addAfter(key, plan.resyncAfterMs, { background: true });
    }
    this.active--;
    this.queue.done(key);
    this.pump();
  }

  private requeueWithBackoff(key: string, error: string): void {
    const delay = this.queue.addRateLimited(key);
    const name = this.name;
    this.opts.kernel.note(() => ({
      from: this.component,
      to: this.component,
      kind: "internal",
      verb: "requeue",
      summary: `${name}: retry ${key} in ${delay} ms`,
      narration: `${name} could not finish ${key} (${error}), so it puts it back in its work queue to retry in ${delay} ms.`,
      detail: { controller: name, key, delayMs: delay },
    }));
  }

  private narrate(key: string, plan: Plan): void {
    const name = this.name;
    this.opts.kernel.note(() => ({
      from: this.component,
      to: this.component,
      kind: "internal",
      verb: "reconcile",
      summary: `${name}: sync ${key}`,
      narration: uniqueWhys([...plan.calls, ...(plan.after ?? [])]).join(" "),
      detail: { controller: name, key, calls: plan.calls.length + (plan.after?.length ?? 0) },
    }));
  }

  private raiseExpectations(plan: Plan): void {
    const e = plan.expectations;
    if (!e) return;
    if (e.creates) this.expectations.expectCreations(e.key, e.creates);
    if (e.deletes?.length) this.expectations.expectDeletions(e.key, e.deletes);
  }

  private lowerExpectation(plan: Plan, call: PlannedCall): void {
    const key = plan.expectations?.key;
    const exp = call.expectation;
    if (!key || !exp) return;
    if (exp.kind === "create") this.expectations.creationObserved(key);
    else this.expectations.deletionObserved(key, exp.objectKey);
  }
}

/** Plans often repeat one sentence per pod; say it once. */
function uniqueWhys(calls: PlannedCall[]): string[] {
  const seen = new Set<string>();
  for (const c of calls) if (!c.bestEffort) seen.add(c.why);
  if (seen.size === 0) for (const c of calls) seen.add(c.why);
  return [...seen];
}
