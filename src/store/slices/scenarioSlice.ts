import type { ProfileName } from "../../sim/clusterTypes";

/**
 * What a shared link recreates: the cluster (profile, seed, workers) and what the user did to
 * it, in order — manifests applied and simulator actions (`sim node stop worker-2`).
 */
export type ScenarioStep = ({ apply: string } | { sim: string }) & {
  /** Cluster time of the step, in ms since the cluster came up (a link replays it then). */
  at?: number;
};

export interface ScenarioState {
  profile: ProfileName;
  seed: number;
  workers: number;
  steps: readonly ScenarioStep[];
}

/** A link keeps at most this many steps (the oldest are dropped). */
export const MAX_STEPS = 40;

export function initialScenario(): ScenarioState {
  return { profile: "real", seed: 1, workers: 3, steps: [] };
}

export function addStep(state: ScenarioState, step: ScenarioStep): ScenarioState {
  const last = state.steps[state.steps.length - 1];
  // Applying the same manifest twice changes nothing: keep the link short.
  if (last && "apply" in last && "apply" in step && last.apply === step.apply) return state;
  const steps = [...state.steps, step];
  return { ...state, steps: steps.length > MAX_STEPS ? steps.slice(-MAX_STEPS) : steps };
}
