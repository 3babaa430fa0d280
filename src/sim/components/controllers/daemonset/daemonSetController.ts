import type { ControllerRevision, DaemonSet, Node, Pod } from "../../../api/types";
import type { ApiRequest } from "../../apiserver/request";
import { splitKey, keyOf } from "../framework/keys";
import { controllerRefTo } from "../framework/ownerRefs";
import { NOTHING, type Plan, type PlannedCall, type ReconcileContext, type Reconciler } from "../framework/plan";
import { daemonPodSpec, newDaemonPod, LABEL_REVISION_HASH } from "./daemonPod";
import { DaemonSetSyncState, type DaemonSetStatus } from "./daemonSetActions";
import { revisionHash } from "./revisionHash";

/** Kubernetes' name-suffix alphabet (no vowels, no 0/1/3 — nothing reads as a word). */
const SUFFIX_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

const DELETE_WHY: Record<string, string> = {
  misscheduled: "no longer fits its node (node selector, affinity or an untolerated taint)",
  duplicate: "is an extra copy: a node runs only one pod of a DaemonSet",
  failed: "has failed, and a DaemonSet replaces failed pods",
  outdated: "runs an old template, and the rolling update replaces it (at most maxUnavailable at a time)",
  orphaned: "was meant for a node that no longer exists",
};

function sameStatus(a: DaemonSet["status"], b: DaemonSetStatus): boolean {
  if (!a) return false;
  return (
    a.currentNumberScheduled === b.currentNumberScheduled &&
    a.numberMisscheduled === b.numberMisscheduled &&
    a.desiredNumberScheduled === b.desiredNumberScheduled &&
    a.numberReady === b.numberReady &&
    a.observedGeneration === b.observedGeneration &&
    (a.updatedNumberScheduled ?? 0) === b.updatedNumberScheduled &&
    (a.numberAvailable ?? 0) === b.numberAvailable &&
    (a.numberUnavailable ?? 0) === b.numberUnavailable
  );
}

/**
 * The DaemonSet controller (daemonset-controller): one pod per eligible node, pinned to it by a
 * node affinity; rolling updates by revision hash; status counts.
 */
export class DaemonSetController implements Reconciler {
  readonly name = "daemonset-controller";
  /** Each DaemonSet's state between syncs, by key. */
  private readonly states = new Map<string, DaemonSetSyncState>();

  sync(key: string, ctx: ReconcileContext): Plan {
    const { namespace, name } = splitKey(key);
    const ds = ctx.lister<DaemonSet>("daemonsets").get(namespace, name);
    if (!ds || ds.metadata.deletionTimestamp) {
      this.states.delete(key);
      return NOTHING;
    }
    const uid = ds.metadata.uid ?? "";
    const hash = revisionHash(ds.spec.template);
    const spec = daemonPodSpec(ds);
    let state = this.states.get(key);
    if (!state || state.uid !== uid || state.spec !== spec || state.hash !== hash) this.states.set(key, (state = new DaemonSetSyncState(uid, spec, hash)));
    const pods = ctx.lister<Pod>("pods").byIndex("controller", uid);
    const nodes = ctx.lister<Node>("nodes").list();
    const satisfied = ctx.expectations.satisfied(key);
    const actions = state.actions(ds, nodes, pods, ctx.now, satisfied);
    const calls: PlannedCall[] = [];

    const revision = this.revisionCall(ds, hash, ctx);
    if (revision) calls.push(revision);

    for (const node of actions.createOn) {
      const podName = `${name}-${ctx.rng.string(SUFFIX_ALPHABET, 5)}`;
      const pod = newDaemonPod(ds, node, podName, hash);
      const nodeName = node.metadata.name ?? "";
      calls.push({
        request: { verb: "create", resource: "pods", namespace, body: pod },
        why: `DaemonSet ${name} wants one pod on every eligible node and ${nodeName} has none, so daemonset-controller creates ${podName}, pinned to ${nodeName} by node affinity for the scheduler to bind.`,
        onSuccess: [ctx.events.normal(ds, "SuccessfulCreate", `Created pod: ${podName}`)],
        onFailure: (err) => [ctx.events.warning(ds, "FailedCreate", `Error creating: ${err.message}`)],
        expectation: { kind: "create" },
      });
    }
    for (const { pod, reason } of actions.deletePods) {
      const podName = pod.metadata.name ?? "";
      calls.push({
        request: { verb: "delete", resource: "pods", namespace: pod.metadata.namespace, name: podName },
        why: `Pod ${podName} of DaemonSet ${name} ${DELETE_WHY[reason]}, so daemonset-controller deletes it.`,
        onSuccess: [ctx.events.normal(ds, "SuccessfulDelete", `Deleted pod: ${podName}`)],
        onFailure: (err) => [ctx.events.warning(ds, "FailedDelete", `Error deleting: ${err.message}`)],
        okStatuses: [404],
        expectation: { kind: "delete", objectKey: keyOf(pod) },
      });
    }
    if (!sameStatus(ds.status, actions.status)) {
      const s = actions.status;
      const req: ApiRequest = { verb: "update", resource: "daemonsets", subresource: "status", namespace, name, body: { ...ds, status: s }, resourceVersion: ds.metadata.resourceVersion };
      calls.push({
        request: req,
        why: `DaemonSet ${name} now has ${s.currentNumberScheduled} of ${s.desiredNumberScheduled} pods scheduled and ${s.numberReady} ready, so daemonset-controller writes that into its status.`,
      });
    }
    if (calls.length === 0) return NOTHING;
    const creates = actions.createOn.length;
    const deletes = actions.deletePods.map((d) => keyOf(d.pod));
    return {
      calls,
      execution: "slowStart",
      ...(creates > 0 || deletes.length > 0 ? { expectations: { key, creates, deletes } } : {}),
    };
  }

  /** constructHistory: a ControllerRevision `<ds>-<hash>` records each template for rollout history. */
  private revisionCall(ds: DaemonSet, hash: string, ctx: ReconcileContext): PlannedCall | undefined {
    const revisions = ctx.lister<ControllerRevision>("controllerrevisions").byIndex("controller", ds.metadata.uid ?? "");
    if (revisions.some((r) => r.metadata.labels?.[LABEL_REVISION_HASH] === hash)) return undefined;
    const next = revisions.reduce((m, r) => Math.max(m, r.revision), 0) + 1;
    const crName = `${ds.metadata.name}-${hash}`;
    const body: ControllerRevision = {
      apiVersion: "apps/v1",
      kind: "ControllerRevision",
      metadata: {
        name: crName,
        namespace: ds.metadata.namespace,
        labels: { ...ds.spec.template.metadata?.labels, [LABEL_REVISION_HASH]: hash },
        ownerReferences: [controllerRefTo(ds)],
      },
      revision: next,
      data: { spec: { template: { ...ds.spec.template, $patch: "replace" } } },
    };
    return {
      request: { verb: "create", resource: "controllerrevisions", namespace: ds.metadata.namespace, body },
      why: `DaemonSet ${ds.metadata.name} has a pod template it has not recorded yet, so daemonset-controller saves it as revision ${next} (ControllerRevision ${crName}) for rollout history.`,
      okStatuses: [409],
    };
  }
}
