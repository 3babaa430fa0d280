// Engine benchmark: N nodes, D Deployments × R replicas, run until every pod is Running.
// Prints wall time, events processed, events/s and peak heap for 3,000, 10,000 and 30,000 pods;
// the last line is one JSON object for the largest run. Figures only: nothing is asserted.
import { createCluster } from "../src/sim";
import type { Deployment, Pod } from "../src/sim/api";

interface Run {
  nodes: number;
  pods: number;
  wallMs: number;
  events: number;
  heapMB: number;
  virtualS: number;
}

function deployment(i: number, replicas: number): Deployment {
  const name = `app-${i}`;
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace: "default" },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: "app", image: "registry.k8s.io/pause:3.10.1", resources: { requests: { cpu: "10m", memory: "16Mi" } } }] },
      },
    },
  };
}

function runOnce(nodes: number, deployments: number, replicas: number): Run {
  const gcHeap = () => process.memoryUsage().heapUsed / 1024 / 1024;
  const start = performance.now();
  const cluster = createCluster({ seed: 1, profile: "real", workers: nodes, traceRetention: 0 });
  let peak = gcHeap();
  const t0 = cluster.now();
  const events0 = cluster.kernel.processed;
  for (let i = 0; i < deployments; i++) {
    cluster.request({ verb: "create", resource: "deployments", namespace: "default", body: deployment(i, replicas) }, () => {});
  }
  const target = deployments * replicas;
  let running = 0;
  for (let step = 0; step < 10_000 && running < target; step++) {
    cluster.advance(1_000);
    if (step % 5 === 0) {
      peak = Math.max(peak, gcHeap());
      running = cluster.list<Pod>("pods", "default").filter((p) => p.status?.phase === "Running").length;
    }
  }
  peak = Math.max(peak, gcHeap());
  return {
    nodes,
    pods: running,
    wallMs: Math.round(performance.now() - start),
    events: cluster.kernel.processed - events0,
    heapMB: Math.round(peak),
    virtualS: Math.round((cluster.now() - t0) / 1000),
  };
}

const sizes: [number, number, number][] = [
  [100, 30, 100],
  [333, 100, 100],
  [1000, 300, 100],
];
const only = process.argv[2];
let last: Run | undefined;
for (const [nodes, deployments, replicas] of sizes) {
  if (only && Number(only) !== deployments * replicas) continue;
  const r = runOnce(nodes, deployments, replicas);
  last = r;
  console.log(
    `${String(r.pods).padStart(6)} pods on ${String(r.nodes).padStart(4)} nodes: ${(r.wallMs / 1000).toFixed(1)} s wall, ${r.events} events, ${Math.round(r.events / (r.wallMs / 1000))} events/s, peak heap ${r.heapMB} MB, ${r.virtualS} s of cluster time`,
  );
}
if (last) console.log(JSON.stringify({ nodes: last.nodes, pods: last.pods, wallMs: last.wallMs, events: last.events, heapMB: last.heapMB }));
