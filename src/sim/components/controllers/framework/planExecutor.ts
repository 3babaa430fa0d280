import type { Status } from "../../../api";
import type { ApiClient } from "../../client";
import type { ApiResponse } from "../../apiserver/request";
import type { Plan, PlannedCall } from "./plan";

export interface PlanResult {
  ok: boolean;
  /** Errors of the calls that failed (best-effort calls excluded). */
  errors: { call: PlannedCall; error: Status }[];
}

export interface ExecutionHooks {
  /** A call that was not sent because an earlier one failed. */
  skipped?(call: PlannedCall): void;
  /** A call came back with an error status (okStatuses included: the caller decides). */
  failed?(call: PlannedCall, error: Status): void;
}

function statusOf(res: ApiResponse): Status | undefined {
  return res.ok ? undefined : res.error;
}

/**
 * Sends a plan's calls through the component's ApiClient (each a real, traced request) in the
 * plan's execution mode, then calls `done` once with the outcome.
 */
export function executePlan(client: ApiClient, plan: Plan, hooks: ExecutionHooks, done: (result: PlanResult) => void): void {
  const result: PlanResult = { ok: true, errors: [] };
  const after = plan.after ?? [];
  // Most syncs find nothing to do: finish at once, without building the senders below.
  if (plan.calls.length === 0 && after.length === 0) return done(result);
  const finish = (): void => {
    let i = 0;
    const next = (): void => {
      if (i >= after.length) return done(result);
      send(after[i++], next);
    };
    next();
  };

  /** Sends one call; `after(ok)` runs when its response arrives (immediately for best-effort calls). */
  const send = (call: PlannedCall, after: (ok: boolean) => void): void => {
    if (call.bestEffort) {
      client.request(call.request, (res) => followUps(call, res));
      after(true);
      return;
    }
    client.request(call.request, (res) => {
      const error = statusOf(res);
      if (error) hooks.failed?.(call, error);
      const ok = !error || (call.okStatuses?.includes(error.code) ?? false);
      if (!ok && error) {
        result.ok = false;
        result.errors.push({ call, error });
      }
      followUps(call, res);
      after(ok);
    });
  };

  const followUps = (call: PlannedCall, res: ApiResponse): void => {
    const next = res.ok ? [...(call.onSuccess ?? []), ...(call.followUp?.(res) ?? [])] : (call.onFailure?.(res.error) ?? []);
    for (const c of next) client.request(c.request, (r) => followUps(c, r));
  };

  const skipFrom = (i: number): void => {
    for (let j = i; j < plan.calls.length; j++) if (!plan.calls[j].bestEffort) hooks.skipped?.(plan.calls[j]);
  };

  /** Sends calls[from, to) at once; `after(allOk)` when all responded. */
  const sendBatch = (from: number, to: number, after: (ok: boolean) => void): void => {
    let waiting = to - from;
    let allOk = true;
    if (waiting === 0) return after(true);
    for (let i = from; i < to; i++) {
      send(plan.calls[i], (ok) => {
        allOk &&= ok;
        if (--waiting === 0) after(allOk);
      });
    }
  };

  const calls = plan.calls;
  const mode = plan.execution ?? "sequential";
  if (calls.length === 0) return finish();

  if (mode === "concurrent") return sendBatch(0, calls.length, () => finish());

  if (mode === "slowStart") {
    const batch = (from: number, size: number): void => {
      const to = Math.min(calls.length, from + size);
      sendBatch(from, to, (ok) => {
        if (!ok) {
          skipFrom(to);
          return finish();
        }
        if (to >= calls.length) return finish();
        batch(to, size * 2);
      });
    };
    return batch(0, 1);
  }

  const step = (i: number): void => {
    if (i >= calls.length) return finish();
    send(calls[i], (ok) => {
      if (!ok) {
        skipFrom(i + 1);
        return finish();
      }
      step(i + 1);
    });
  };
  step(0);
}
