import type { Deployment } from "../../sim/api/types";
import type { Command } from "../context";
import { formatErrors, plainError } from "../errors";
import { F } from "../globalFlags";
import { groupResource, kindString } from "../resources";
import { toTimestamp } from "../../sim/runtime";
import { fetch, namedTargets, patch } from "./namedTargets";

const RESTARTABLE = new Set(["deployments", "daemonsets", "statefulsets"]);

/** `rollout pause|resume`: errors collected per object, as kubectl does. */
const toggle = (name: "pause" | "resume"): Command => ({
  name,
  flags: [F.filename, F.selector, F.fieldManager],
  run: async (ctx) => {
    const errors: Error[] = [];
    for (const t of await namedTargets(ctx, ctx.args, true)) {
      if (t.type.resource !== "deployments") {
        errors.push(plainError(`${name}ing is not supported`));
        continue;
      }
      const d = (await fetch(ctx, t)) as Deployment;
      const paused = !!d.spec.paused;
      if (name === "pause" ? paused : !paused) {
        errors.push(plainError(`${groupResource(t.type)} "${t.name}" ${name === "pause" ? "is already paused" : "is not paused"}`));
        continue;
      }
      await patch(ctx, t, { spec: { paused: name === "pause" ? true : null } });
      ctx.out.line(`${kindString(t.type)}/${t.name} ${name === "pause" ? "paused" : "resumed"}`);
    }
    if (errors.length === 0) return 0;
    ctx.out.errLine(formatErrors(errors));
    return 1;
  },
});

export const rolloutPauseCommand = toggle("pause");
export const rolloutResumeCommand = toggle("resume");

export const rolloutRestartCommand: Command = {
  name: "restart",
  flags: [F.filename, F.selector, F.fieldManager],
  run: async (ctx) => {
    for (const t of await namedTargets(ctx, ctx.args, true)) {
      if (!RESTARTABLE.has(t.type.resource)) throw plainError(`restarting is not supported`);
      const obj = await fetch(ctx, t);
      if (t.type.resource === "deployments" && (obj as Deployment).spec.paused) {
        throw plainError(`${groupResource(t.type)} "${t.name}" can't restart paused deployment (run rollout resume first)`);
      }
      await patch(ctx, t, { spec: { template: { metadata: { annotations: { "kubectl.kubernetes.io/restartedAt": toTimestamp(ctx.transport.now()) } } } } });
      ctx.out.line(`${kindString(t.type)}/${t.name} restarted`);
    }
    return 0;
  },
};
