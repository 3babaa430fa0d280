import type { ClusterPlan } from "../../sim/clusterPlan";
import type { ComponentInfo } from "../../sim/clusterTypes";

export interface ComponentsState {
  /** By component id; replaced when components are refreshed (after a fault). Empty until the cluster is live. */
  components: Readonly<Record<string, ComponentInfo>>;
  componentOrder: readonly string[];
  /** The cluster being started, drawn (as starting) until the live components arrive. */
  plan: ClusterPlan | null;
}

export function initialComponents(): ComponentsState {
  return { components: {}, componentOrder: [], plan: null };
}

/** Keeps unchanged ComponentInfo references so memoised nodes do not re-render. */
export function refreshComponents(state: ComponentsState, list: readonly ComponentInfo[]): ComponentsState {
  const components: Record<string, ComponentInfo> = {};
  let changed = list.length !== state.componentOrder.length;
  for (const c of list) {
    const old = state.components[c.id];
    if (old && old.running === c.running && old.label === c.label && old.node === c.node && old.role === c.role) {
      components[c.id] = old;
    } else {
      components[c.id] = { ...c };
      changed = true;
    }
  }
  if (!changed) return state;
  return { components, componentOrder: list.map((c) => c.id), plan: state.plan };
}
