import { describe, expect, it } from "vitest";
import { createCluster } from "../sim";
import type { ApiResponse } from "../sim/components/apiserver/request";
import { applyNginxExample, nginxDeployment } from "./examples";
import { appStore, startSession } from "./session";

/** Runs the cluster until the request's answer arrives. */
async function settle(cluster: { advance(ms: number): void }, pending: Promise<ApiResponse>): Promise<ApiResponse> {
  let res: ApiResponse | undefined;
  void pending.then((r) => (res = r));
  for (let i = 0; i < 100 && !res; i++) {
    await Promise.resolve();
    cluster.advance(50);
    await new Promise((r) => setTimeout(r, 0));
  }
  if (!res) throw new Error("no answer");
  return res;
}

describe("the guided Apply example", () => {
  it("creates the nginx Deployment and records it as a step a shared link replays", async () => {
    const cluster = createCluster({ workers: 1, seed: 1 });
    startSession(cluster);
    const first = await settle(cluster, applyNginxExample());
    expect(first.ok).toBe(true);
    const steps = appStore.getState().steps;
    expect(steps).toHaveLength(1);
    const step = steps[0];
    expect("apply" in step && JSON.parse(step.apply)).toEqual(nginxDeployment());
    // Recorded at the cluster time the request was sent.
    expect(step.at).toBe(0);

    // A second press is refused (AlreadyExists) and adds nothing to the link.
    const again = await settle(cluster, applyNginxExample());
    expect(again.ok).toBe(false);
    expect(appStore.getState().steps).toHaveLength(1);
  });
});
