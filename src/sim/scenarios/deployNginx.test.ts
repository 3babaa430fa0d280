import { describe, expect, it } from "vitest";
import type { Deployment, KubeEvent, Pod } from "../api/types";
import { createCluster } from "../cluster";
import type { TraceEvent } from "../runtime/trace";

const nginx: Deployment = {
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "nginx", namespace: "default" },
  spec: {
    replicas: 3,
    selector: { matchLabels: { app: "nginx" } },
    template: { metadata: { labels: { app: "nginx" } }, spec: { containers: [{ name: "nginx", image: "nginx:1.27", ports: [{ containerPort: 80 }] }] } },
  },
};

function applyNginx() {
  const c = createCluster({ seed: 7 });
  const trace: TraceEvent[] = [];
  c.subscribe((e) => trace.push(e));
  c.request({ verb: "create", resource: "deployments", namespace: "default", body: nginx }, () => {});
  c.advance(60_000);
  return { c, trace };
}

/** Index of the first event matching `pred` at or after `from` (-1 if none). */
function find(trace: TraceEvent[], pred: (e: TraceEvent) => boolean, from = 0): number {
  for (let i = from; i < trace.length; i++) if (pred(trace[i])) return i;
  return -1;
}

describe("kubectl apply of a 3-replica nginx Deployment on the default cluster", () => {
  const { c, trace } = applyNginx();
  const pods = c.list<Pod>("pods", "default");

  it("runs three pods on three different workers, none on the control plane", () => {
    expect(pods).toHaveLength(3);
    expect(pods.every((p) => p.status?.phase === "Running")).toBe(true);
    expect(pods.every((p) => p.status?.conditions?.find((x) => x.type === "Ready")?.status === "True")).toBe(true);
    const nodes = pods.map((p) => p.spec.nodeName).sort();
    expect(nodes).toEqual(["worker-1", "worker-2", "worker-3"]);
    for (const p of pods) expect(p.metadata.name).toMatch(/^nginx-[bcdfghjklmnpqrstvwxz2456789]{1,10}-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(pods.every((p) => /^10\.244\.\d+\.\d+$/.test(p.status?.podIP ?? ""))).toBe(true);
  });

  it("records every hop in causal order", () => {
    const post = find(trace, (e) => e.from === "kubectl" && e.to === "kube-apiserver" && e.summary === "POST deployments");
    const etcd = find(trace, (e) => e.from === "kube-apiserver" && e.to === "etcd" && e.resource === "deployments", post);
    const rsCreate = find(trace, (e) => e.from === "kube-controller-manager" && e.kind === "request" && e.verb === "create" && e.resource === "replicasets", etcd);
    const podCreate = find(trace, (e) => e.from === "kube-controller-manager" && e.kind === "request" && e.verb === "create" && e.resource === "pods", rsCreate);
    const bind = find(trace, (e) => e.from === "kube-scheduler" && e.verb === "bind", podCreate);
    const cri = find(trace, (e) => e.kind === "cri" && e.from.startsWith("kubelet@worker-"), bind);
    const pull = find(trace, (e) => e.kind === "pull" && e.from.startsWith("container-runtime@worker-") && e.to === "registry", cri);
    for (const i of [post, etcd, rsCreate, podCreate, bind, cri, pull]) expect(i).toBeGreaterThanOrEqual(0);
    expect(trace.filter((e) => e.from === "kube-scheduler" && e.verb === "bind")).toHaveLength(3);
    expect(trace.every((e) => e.narration.length > 0 && e.summary.length > 0)).toBe(true);
  });

  it("records the real events", () => {
    const events = c.list<KubeEvent>("events", "default");
    const rs = c.list("replicasets", "default")[0];
    const text = events.map((e) => `${e.reason}: ${e.message}`);
    expect(text).toContain(`ScalingReplicaSet: Scaled up replica set ${rs.metadata.name} from 0 to 3`);
    for (const p of pods) {
      expect(text).toContain(`SuccessfulCreate: Created pod: ${p.metadata.name}`);
      expect(text).toContain(`Scheduled: Successfully assigned default/${p.metadata.name} to ${p.spec.nodeName}`);
      expect(text).toContain("Started: Started container nginx");
    }
    expect(text).toContain('Pulling: Pulling image "nginx:1.27"');
    expect(text.some((t) => /^Pulled: Successfully pulled image "nginx:1\.27" in [\d.]+m?s \([\d.]+m?s including waiting\)\. Image size: \d+ bytes\.$/.test(t))).toBe(true);
  });

  it("is deterministic: same seed, same trace; another seed, other names", () => {
    const again = applyNginx();
    expect(JSON.stringify(again.trace)).toBe(JSON.stringify(trace));
    const other = createCluster({ seed: 8 });
    other.request({ verb: "create", resource: "deployments", namespace: "default", body: nginx }, () => {});
    other.advance(60_000);
    const names = (x: typeof c) => x.list<Pod>("pods", "default").map((p) => p.metadata.name).sort().join();
    expect(names(other)).not.toBe(names(c));
  });
});
