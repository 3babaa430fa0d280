import type { DaemonSet, Deployment, KubeObject } from "../../sim/api/types";
import type { Command, CommandContext } from "../context";
import { KubectlError, plainError } from "../errors";
import { F } from "../globalFlags";
import { parseGoDuration } from "../parse/duration";
import { fetch, namedTargets } from "./namedTargets";

/** kubectl's StatusViewer: the line to print and whether the rollout is done. */
export function rolloutStatusLine(obj: KubeObject): { line: string; done: boolean } {
  if (obj.kind === "Deployment") {
    const d = obj as Deployment;
    const st = d.status ?? {};
    if ((d.metadata.generation ?? 0) <= (st.observedGeneration ?? 0)) {
      const progressing = st.conditions?.find((c) => c.type === "Progressing");
      if (progressing?.reason === "ProgressDeadlineExceeded")
        throw plainError(`deployment "${d.metadata.name}" exceeded its progress deadline`);
      const want = d.spec.replicas ?? 1;
      const updated = st.updatedReplicas ?? 0;
      const total = st.replicas ?? 0;
      const available = st.availableReplicas ?? 0;
      const n = d.metadata.name;
      if (updated < want)
        return {
          line: `Waiting for deployment "${n}" rollout to finish: ${updated} out of ${want} new replicas have been updated...`,
          done: false,
        };
      if (total > updated)
        return {
          line: `Waiting for deployment "${n}" rollout to finish: ${total - updated} old replicas are pending termination...`,
          done: false,
        };
      if (available < updated)
        return {
          line: `Waiting for deployment "${n}" rollout to finish: ${available} of ${updated} updated replicas are available...`,
          done: false,
        };
      return { line: `deployment "${n}" successfully rolled out`, done: true };
    }
    return { line: "Waiting for deployment spec update to be observed...", done: false };
  }
  if (obj.kind === "DaemonSet") {
    const ds = obj as DaemonSet;
    const st = ds.status;
    const n = ds.metadata.name;
    if (st && (ds.metadata.generation ?? 0) <= (st.observedGeneration ?? 0)) {
      const updated = st.updatedNumberScheduled ?? 0;
      if (updated < st.desiredNumberScheduled)
        return {
          line: `Waiting for daemon set "${n}" rollout to finish: ${updated} out of ${st.desiredNumberScheduled} new pods have been updated...`,
          done: false,
        };
      const available = st.numberAvailable ?? 0;
      if (available < st.desiredNumberScheduled)
        return {
          line: `Waiting for daemon set "${n}" rollout to finish: ${available} of ${st.desiredNumberScheduled} updated pods are available...`,
          done: false,
        };
      return { line: `daemon set "${n}" successfully rolled out`, done: true };
    }
    return { line: "Waiting for daemon set spec update to be observed...", done: false };
  }
  throw plainError(`no status viewer has been implemented for ${obj.kind}`);
}

async function statusOne(ctx: CommandContext, obj: KubeObject, resource: string): Promise<number> {
  let last = rolloutStatusLine(obj);
  ctx.out.line(last.line);
  if (last.done || !ctx.bool("watch")) return 0;
  const timeoutMs = ctx.changed("timeout") ? parseGoDuration(ctx.str("timeout")) : undefined;
  if (timeoutMs === null)
    throw plainError(
      `invalid argument "${ctx.str("timeout")}" for "--timeout" flag: time: invalid duration "${ctx.str("timeout")}"`,
    );
  let failure: KubectlError | undefined;
  const cancel = ctx.watch(
    {
      verb: "watch",
      resource,
      namespace: obj.metadata.namespace,
      fieldSelector: `metadata.name=${obj.metadata.name}`,
    },
    (ev) => {
      if (last.done || failure || ev.type === "DELETED") return;
      try {
        last = rolloutStatusLine(ev.object);
        ctx.out.line(last.line);
      } catch (e) {
        if (e instanceof KubectlError) failure = e;
      }
    },
    [obj],
  );
  try {
    const finished = await ctx.waitUntil(
      () => last.done || !!failure,
      timeoutMs && timeoutMs > 0 ? timeoutMs : Infinity,
    );
    if (failure) throw failure;
    if (!finished && !ctx.shouldStop()) throw plainError("timed out waiting for the condition");
  } finally {
    cancel();
  }
  return 0;
}

export const rolloutStatusCommand: Command = {
  name: "status",
  flags: [
    F.filename,
    F.selector,
    F.timeout,
    { name: "watch", short: "w", type: "bool", default: true },
    { name: "revision", type: "int", default: 0 },
  ],
  run: async (ctx) => {
    for (const t of await namedTargets(ctx, ctx.args, true)) {
      if (t.type.resource !== "deployments" && t.type.resource !== "daemonsets")
        throw plainError(`no status viewer has been implemented for ${t.type.kind}`);
      const code = await statusOne(ctx, await fetch(ctx, t), t.type.resource);
      if (code) return code;
    }
    return 0;
  },
};
