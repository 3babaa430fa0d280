import { describe, expect, it } from "vitest";
import { createCluster } from "../sim";
import { planCluster } from "../sim/clusterPlan";
import { createAppStore } from "./appStore";
import { deriveDiagramModel, planDiagramModel } from "./diagramModel";
import { selectComponentState, selectLive, selectNodeReadiness } from "./selectors";
import { createSession } from "./session";

const names = (m: ReturnType<typeof planDiagramModel>) => [m.controlPlane?.name, ...m.workers.map((w) => w.name)];

describe("the planned diagram while the cluster starts", () => {
  it("draws the plan as starting, then the live cluster with the same nodes and components", () => {
    const plan = planCluster(3);
    const store = createAppStore();
    store.setState({ plan });
    let s = store.getState();
    expect(selectLive(s)).toBe(false);
    expect(selectComponentState("kube-apiserver")(s)).toBe("starting");
    expect(selectComponentState("kubelet@worker-2")(s)).toBe("starting");
    // No node has registered: nothing claims to be Ready.
    expect(selectNodeReadiness("worker-1")(s)).toBeNull();
    const planned = planDiagramModel(plan);
    expect(names(planned)).toEqual(["control-plane", "worker-1", "worker-2", "worker-3"]);
    expect(planned.workers.every((w) => w.groups.length === 0)).toBe(true);

    const session = createSession(createCluster({ workers: 3, seed: 1, traceRetention: 0 }), store);
    session.driver.frame(0);
    s = store.getState();
    expect(selectLive(s)).toBe(true);
    expect(selectComponentState("kube-apiserver")(s)).toBe("running");
    expect(selectNodeReadiness("worker-1")(s)).toBe("Ready");
    expect(s.componentOrder).toEqual(plan.components.map((c) => c.id));
    const live = deriveDiagramModel(s);
    expect(names(live)).toEqual(names(planned));
    expect(live.workers.every((w) => w.podCount > 0)).toBe(true);
    session.dispose();
  }, 60_000);
});
