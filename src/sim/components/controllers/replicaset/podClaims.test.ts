import { describe, expect, it } from "vitest";
import type { Pod, ReplicaSet } from "../../../api";
import { Rng } from "../../../runtime";
import { isPodActive, isPodReady, selectorMatches } from "../framework";
import { PodClaims } from "./podClaims";

function replicaSet(hash: string): ReplicaSet {
  const labels = { app: "web", "pod-template-hash": hash };
  return {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: { name: "web", namespace: "default", uid: "rs-uid" },
    spec: { selector: { matchLabels: labels }, template: { metadata: { labels: { ...labels, tier: "fe" } }, spec: { containers: [] } } },
  };
}

function randomPod(rng: Rng, name: string): Pod {
  const labels: Record<string, string> = { app: rng.int(0, 9) === 0 ? "db" : "web", "pod-template-hash": rng.int(0, 4) === 0 ? "b" : "a" };
  if (rng.int(0, 3) > 0) labels.tier = "fe";
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: rng.int(0, 19) === 0 ? "other" : "default", labels, ...(rng.int(0, 7) === 0 ? { deletionTimestamp: "2026-01-01T09:00:01Z" } : {}) },
    spec: { containers: [] },
    status: {
      phase: (["Pending", "Running", "Running", "Succeeded", "Failed"] as const)[rng.int(0, 4)],
      conditions: [{ type: "Ready", status: rng.int(0, 1) ? "True" : "False" }],
    },
  };
}

describe("PodClaims", () => {
  it("claims as a fresh look at every pod would, through any sequence of pod changes", () => {
    const rng = new Rng(3);
    const claims = new PodClaims();
    let rs = replicaSet("a");
    let pods: Pod[] = [];
    let next = 0;
    for (let step = 0; step < 1500; step++) {
      const r = rng.int(0, 99);
      if (r < 30 || pods.length === 0) pods.push(randomPod(rng, `p${next++}`));
      else if (r < 75) {
        // A change moves the pod to the end of the controller index.
        const [old] = pods.splice(rng.int(0, pods.length - 1), 1);
        pods.push(randomPod(rng, old.metadata.name ?? ""));
      } else if (r < 90) pods.splice(rng.int(0, pods.length - 1), 1);
      else if (r < 95) pods = pods.map((p) => [rng.next(), p] as const).sort((a, b) => a[0] - b[0]).map(([, p]) => p);
      else rs = replicaSet(rng.int(0, 1) ? "a" : "b");

      const got = claims.claim("default/web", rs, [...pods]);
      const matching = new Set(pods.filter((p) => selectorMatches(rs.spec.selector, p.metadata.labels)));
      const active = pods.filter((p) => matching.has(p) && p.metadata.namespace === "default" && isPodActive(p));
      const release = pods.filter((p) => !matching.has(p) && !p.metadata.deletionTimestamp);
      const templateSelector = { matchLabels: rs.spec.template.metadata?.labels ?? {} };
      const fullyLabeled = active.filter((p) => selectorMatches(templateSelector, p.metadata.labels)).length;
      const ready = active.filter(isPodReady).length;
      const same = (a: readonly Pod[], b: readonly Pod[]) => a.length === b.length && a.every((p, i) => p === b[i]);
      expect(same(got.active, active) && same(got.release, release)).toBe(true);
      expect([got.fullyLabeled, got.ready]).toEqual([fullyLabeled, ready]);
    }
  });
});
