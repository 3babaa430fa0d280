import { describe, expect, it } from "vitest";
import type { DaemonSet, Node, Pod } from "../../../api/types";
import { Rng, toTimestamp } from "../../../runtime";
import { daemonPodSpec } from "./daemonPod";
import { daemonSetActions, DaemonSetSyncState } from "./daemonSetActions";

const HASH = "newhash";

function daemonSet(minReadySeconds: number, onDelete: boolean): DaemonSet {
  return {
    apiVersion: "apps/v1",
    kind: "DaemonSet",
    metadata: { name: "kube-proxy", namespace: "kube-system", uid: "ds-uid", generation: 3 },
    spec: {
      selector: { matchLabels: { app: "p" } },
      template: { metadata: { labels: { app: "p" } }, spec: { containers: [{ name: "c", image: "x" }], nodeSelector: { pool: "a" } } },
      ...(minReadySeconds ? { minReadySeconds } : {}),
      ...(onDelete ? { updateStrategy: { type: "OnDelete" as const } } : {}),
    },
  };
}

function randomNode(rng: Rng, name: string): Node {
  const taints: NonNullable<Node["spec"]["taints"]> = [];
  const t = rng.int(0, 9);
  if (t === 0) taints.push({ key: "dedicated", effect: "NoSchedule" });
  if (t === 1) taints.push({ key: "dedicated", effect: "NoExecute" });
  return { apiVersion: "v1", kind: "Node", metadata: { name, labels: { pool: rng.int(0, 7) === 0 ? "b" : "a" } }, spec: { taints } };
}

function randomPod(rng: Rng, name: string, nodeNames: string[]): Pod {
  const target = rng.int(0, 9) === 0 ? "gone" : nodeNames[rng.int(0, nodeNames.length - 1)] ?? "gone";
  const bound = rng.int(0, 2) > 0;
  const phase = (["Running", "Running", "Running", "Pending", "Failed", "Succeeded"] as const)[rng.int(0, 5)];
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name,
      namespace: "kube-system",
      creationTimestamp: toTimestamp(rng.int(0, 3) * 1000),
      labels: { app: "p", "controller-revision-hash": rng.int(0, 5) === 0 ? "oldhash" : HASH },
      ...(rng.int(0, 7) === 0 ? { deletionTimestamp: toTimestamp(5000) } : {}),
    },
    spec: {
      containers: [],
      ...(bound ? { nodeName: target } : {}),
      affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: "metadata.name", operator: "In", values: [target] }] }] } } },
    },
    status: {
      phase,
      conditions: [{ type: "Ready", status: rng.int(0, 2) > 0 ? "True" : "False", lastTransitionTime: toTimestamp(rng.int(0, 20) * 1000) }],
    },
  };
}

describe("DaemonSetSyncState", () => {
  it("gives daemonSetActions' result through any sequence of node and pod changes", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const rng = new Rng(seed);
      let ds = daemonSet(0, false);
      let state = new DaemonSetSyncState("ds-uid", daemonPodSpec(ds), HASH);
      let nodes: Node[] = [];
      for (let i = 0; i < 12; i++) nodes.push(randomNode(rng, `n${i}`));
      let pods: Pod[] = [];
      let next = 0;
      for (let step = 0; step < 300; step++) {
        const nodeNames = nodes.map((n) => n.metadata.name ?? "");
        const r = rng.int(0, 99);
        if (r < 25) {
          pods.push(randomPod(rng, `p${next++}`, nodeNames));
        } else if (r < 60 && pods.length > 0) {
          // A change moves the pod to the end of the controller index.
          const i = rng.int(0, pods.length - 1);
          const name = pods[i].metadata.name ?? "";
          pods.splice(i, 1);
          pods.push(randomPod(rng, name, nodeNames));
        } else if (r < 70 && pods.length > 0) {
          pods.splice(rng.int(0, pods.length - 1), 1);
        } else if (r < 80 && nodes.length > 0) {
          const i = rng.int(0, nodes.length - 1);
          nodes = nodes.slice();
          nodes[i] = rng.int(0, 1) ? randomNode(rng, nodes[i].metadata.name ?? "") : { ...nodes[i] };
        } else if (r < 84) {
          nodes = [...nodes, randomNode(rng, `n${nodes.length + step}`)];
        } else if (r < 87 && nodes.length > 0) {
          nodes = nodes.filter((_, i) => i !== rng.int(0, nodes.length - 1));
        } else if (r < 90) {
          // Any order at all.
          pods = pods.map((p) => [rng.next(), p] as const).sort((a, b) => a[0] - b[0]).map(([, p]) => p);
        } else if (r < 93) {
          ds = daemonSet(rng.int(0, 1) * 5, rng.int(0, 3) === 0);
        } else {
          pods = pods.filter((p) => p.metadata.labels?.["controller-revision-hash"] === HASH && !p.metadata.deletionTimestamp && p.spec.nodeName !== "gone");
        }
        if (step % 50 === 0 || state.spec !== daemonPodSpec(ds)) state = new DaemonSetSyncState("ds-uid", daemonPodSpec(ds), HASH);
        const satisfied = rng.int(0, 3) > 0;
        const now = rng.int(0, 30) * 1000;
        const got = state.actions(ds, [...nodes], [...pods], now, satisfied);
        const want = daemonSetActions(ds, nodes, pods, HASH, now, satisfied);
        expect(got.status).toEqual(want.status);
        expect(got.createOn.length === want.createOn.length && got.createOn.every((n, i) => n === want.createOn[i])).toBe(true);
        const sameDeletes = got.deletePods.length === want.deletePods.length && got.deletePods.every((d, i) => d.pod === want.deletePods[i].pod && d.reason === want.deletePods[i].reason);
        expect(sameDeletes).toBe(true);
      }
    }
  });
});
