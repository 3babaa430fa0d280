import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ConfigMap, Node, Pod } from "../api/types";
import { createCluster, type ClusterImpl } from "../cluster";
import type { Fault } from "../clusterTypes";
import { call, create, deployment, podsOf, readyOf, service } from "./fixtures";

const WORKERS = ["worker-1", "worker-2", "worker-3"];
const COMPONENTS = ["kube-apiserver", "etcd", "kube-scheduler", "kube-controller-manager", "cloud-controller-manager", "coredns"];
const APPS: [string, number][] = [
  ["web", 3],
  ["api", 2],
];

type Step = { fault: Fault; waitMs: number };

const stepArb: fc.Arbitrary<Step> = fc.record({
  fault: fc.oneof(
    fc.record({ type: fc.constantFrom("node-stop" as const, "node-start" as const, "node-partition" as const, "node-heal" as const), node: fc.constantFrom(...WORKERS) }),
    fc.record({ type: fc.constantFrom("component-stop" as const, "component-start" as const), component: fc.constantFrom(...COMPONENTS) }),
  ),
  waitMs: fc.integer({ min: 0, max: 120 }).map((s) => s * 1000),
});

/** Faults the cluster refuses (healing a node that is not partitioned…) are no-ops here. */
function tryInject(c: ClusterImpl, fault: Fault): void {
  try {
    c.inject(fault);
  } catch {
    /* an impossible fault for the current state */
  }
}

function healEverything(c: ClusterImpl): void {
  for (const m of c.machines.values()) if (m.state === "stopped" || m.state === "partitioned") c.inject({ type: "node-start", node: m.name });
  for (const name of COMPONENTS) c.inject({ type: "component-start", component: name });
}

interface Outcome {
  fingerprint: string;
  problems: string[];
}

function run(seed: number, steps: Step[]): Outcome {
  const c = createCluster({ seed });
  for (const [app, n] of APPS) {
    create(c, "deployments", deployment(app, n));
    create(c, "services", service(app));
  }
  const cm: ConfigMap = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "settings", namespace: "default" }, data: { mode: "chaos" } };
  create(c, "configmaps", cm);
  c.advance(60_000);
  const written = [...APPS.flatMap(([a]) => [["deployments", a], ["services", a]]), ["configmaps", "settings"]];

  for (const s of steps) {
    tryInject(c, s.fault);
    c.advance(s.waitMs);
  }
  healEverything(c);
  c.advance(8 * 60_000);

  const problems: string[] = [];
  for (const [app, n] of APPS) {
    const live = podsOf(c, app).filter((p) => !p.metadata.deletionTimestamp && readyOf(p)?.status === "True");
    if (live.length !== n) problems.push(`${app}: ${live.length}/${n} ready`);
  }
  const nodes = new Set(c.list<Node>("nodes").map((n) => n.metadata.name));
  for (const p of c.list<Pod>("pods")) if (p.spec.nodeName && !nodes.has(p.spec.nodeName)) problems.push(`${p.metadata.name} bound to missing ${p.spec.nodeName}`);
  for (const [resource, name] of written) {
    const res = call(c, { verb: "get", resource, namespace: "default", name });
    if (!res.ok) problems.push(`${resource}/${name}: ${res.error.message}`);
  }
  const fingerprint = c
    .list<Pod>("pods")
    .map((p) => `${p.metadata.namespace}/${p.metadata.name}@${p.spec.nodeName}:${p.status?.phase}`)
    .sort()
    .join(",");
  return { fingerprint: `${c.now()}|${fingerprint}`, problems };
}

describe("random faults and heals (real profile)", () => {
  it("always converge: desired Ready pods, no pod on a missing node, nothing lost", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.array(stepArb, { minLength: 1, maxLength: 6 }), (seed, steps) => {
        const out = run(seed, steps);
        expect(out.problems).toEqual([]);
      }),
      { numRuns: 20, seed: 20260101 },
    );
  }, 60_000);

  it("is deterministic: same seed and faults, same outcome", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.array(stepArb, { minLength: 1, maxLength: 4 }), (seed, steps) => {
        expect(run(seed, steps).fingerprint).toBe(run(seed, steps).fingerprint);
      }),
      { numRuns: 3, seed: 20260102 },
    );
  }, 60_000);
});
