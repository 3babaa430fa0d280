/**
 * The controller framework of kube-controller-manager: "reconcile returns plans, not effects".
 *
 * Writing a controller (see ../replicaset for a full example):
 *
 * 1. A Reconciler: `{ name: "foo-controller", sync(key, ctx): Plan }`. `sync` reads only
 *    `ctx.lister(resource)` (the shared informer caches: get / list / byIndex with the standard
 *    indexes `namespace`, `nodeName`, `controller`), `ctx.now` (virtual ms), `ctx.rng` (names)
 *    and `ctx.expectations.satisfied(key)`, and returns
 *    `{ calls: [{ request, why, onSuccess?, onFailure?, okStatuses?, bestEffort?, expectation? }],
 *       execution?: "sequential" | "concurrent" | "slowStart", after?: PlannedCall[] (sent one by
 *       one once `calls` are done, whatever their outcome: status updates), requeue?, requeueAfterMs?,
 *       resyncAfterMs?, expectations?: { key, creates?, deletes? } }`.
 *    `why` is one plain sentence a learner understands. `onSuccess` / `followUp(response)` /
 *    `onFailure(status)` calls are sent without waiting once a call's response arrives (e.g. a list
 *    whose items are then deleted). Events: `ctx.events.normal(obj, reason,
 *    message)` returns a best-effort PlannedCall (put it in `onSuccess` of the call it reports,
 *    or straight in `calls`); repeats of the same event become a count++ patch.
 * 2. A ControllerDefinition `{ name, create(setup) }` registered in ../index.ts. `create` gets the
 *    process's shared informers through `setup.informer(resource)` (the runner waits for them to
 *    sync), makes a runner with `setup.run(reconciler, { workers })`, and adds informer handlers
 *    that call `runner.enqueue(key)` (keys are `ns/name` via `keyOf`, or any string you like, e.g.
 *    a single "monitor" key whose plan returns `resyncAfterMs` for a periodic loop). Handlers may
 *    lower `runner.expectations` (creationObserved / deletionObserved) as the informer sees them.
 * 3. Tests: `reconciler.sync(key, testContext({ objects: [...] }))` and compare the plan.
 *
 * The runner: one key is never processed by two workers at once; each sync takes
 * `processingMs` of virtual time; failed calls requeue the key with exponential back-off
 * (5 ms doubling to 1000 s); `requeueAfterMs` keeps the cluster busy, `resyncAfterMs` does not.
 * A sync that throws is recorded (`runner.lastError`, a `requeue` trace note) and retried.
 * Every plan with calls leaves one `reconcile` trace note whose narration joins the distinct `why`s.
 */
export { keyOf, keyFor, splitKey } from "./keys";
export { WorkQueue } from "./workQueue";
export { ItemExponentialRateLimiter } from "./rateLimiter";
export { ControllerExpectations, EXPECTATIONS_TIMEOUT_MS, type ExpectationsView } from "./expectations";
export { EventRecorder } from "./eventRecorder";
export { NOTHING, type Plan, type PlannedCall, type Execution, type Lister, type EventFactory, type ReconcileContext, type Reconciler } from "./plan";
export { executePlan, type PlanResult, type ExecutionHooks } from "./planExecutor";
export { ControllerRunner, type RunnerOptions } from "./controllerRunner";
export { KubeControllerManager, type ControllerDefinition, type ControllerSetup, type KubeControllerManagerOptions } from "./kubeControllerManager";
export { controllerOf, controllerRefTo, isTerminating } from "./ownerRefs";
export { selectorMatches, selectorString } from "./labelSelector";
export { isPodReady, isPodAvailable, isPodActive, podReadySince } from "./podConditions";
export { testContext, fakeLister, resourceOfKind, type TestContextOptions } from "./fakeCache";
export type { ApiClient, Informer, InformerFactory, InformerHandler } from "../../client";
