import type { Deployment, PodTemplateSpec, ReplicaSet } from "../../sim/api/types";
import type { Command } from "../context";
import { plainError } from "../errors";
import { F } from "../globalFlags";
import { deepEqual, threeWayPatch } from "../manifest";
import { kindString } from "../resources";
import { dryRunStrategy, dryRunSuffix } from "./dryRun";
import { fetch, namedTargets, patch } from "./namedTargets";
import { CHANGE_CAUSE_ANNOTATION, revisionsOf } from "./revisions";

const HASH_LABEL = "pod-template-hash";

function withoutHash(t: PodTemplateSpec): PodTemplateSpec {
  const labels = { ...(t.metadata?.labels ?? {}) };
  delete labels[HASH_LABEL];
  return { ...t, metadata: { ...(t.metadata ?? {}), labels } };
}

export const rolloutUndoCommand: Command = {
  name: "undo",
  flags: [F.filename, F.selector, F.dryRun, F.output, { name: "to-revision", type: "int", default: 0 }],
  run: async (ctx) => {
    const dryRun = dryRunStrategy(ctx);
    const toRevision = ctx.int("to-revision");
    for (const t of await namedTargets(ctx, ctx.args, true)) {
      if (t.type.resource !== "deployments") throw plainError(`no rollbacker has been implemented for "${t.type.kind}"`);
      const d = (await fetch(ctx, t)) as Deployment;
      if (d.spec.paused) throw plainError(`you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again`);
      const revisions = await revisionsOf(ctx, d);
      const target = toRevision > 0 ? revisions.find((r) => r.revision === toRevision) : revisions.at(-2);
      if (toRevision > 0 && !target) throw plainError(`unable to find specified revision ${toRevision} in history`);
      if (!target) throw plainError(`no rollout history found for deployment "${t.name}"`);
      const rs = target.source as ReplicaSet;
      const wantTemplate = withoutHash(rs.spec.template);
      if (deepEqual(withoutHash(d.spec.template), wantTemplate)) {
        ctx.out.line(`${kindString(t.type)}/${t.name} skipped rollback (current template already matches revision ${target.revision})`);
        continue;
      }
      const annotations: Record<string, string | null> = {};
      const rsAnnotations = rs.metadata.annotations ?? {};
      const changeCause = rsAnnotations[CHANGE_CAUSE_ANNOTATION];
      if (changeCause !== undefined) annotations[CHANGE_CAUSE_ANNOTATION] = changeCause;
      const body = {
        ...(Object.keys(annotations).length ? { metadata: { annotations } } : {}),
        spec: { template: threeWayPatch(d.spec.template, wantTemplate as unknown as Record<string, unknown>, d.spec.template) },
      };
      if (dryRun !== "client") await patch(ctx, t, body);
      ctx.out.line(`${kindString(t.type)}/${t.name} rolled back${dryRunSuffix(dryRun)}`);
    }
    return 0;
  },
};
