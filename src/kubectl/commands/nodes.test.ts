// kubectl cordon / uncordon / drain / taint / label (v1.34): staging/src/k8s.io/kubectl/pkg/cmd/drain/drain.go,
// pkg/drain/drain.go and filters.go (DaemonSet warning and error texts, eviction retries on 429),
// pkg/cmd/taint/taint.go, pkg/cmd/label/label.go.
import { describe, expect, it } from "vitest";
import type { Node } from "../../sim/api/types";
import { FakeTransport, kubectl, node, pod, status } from "../testing";

const RS = { kind: "ReplicaSet", name: "web-6d4cf56db6", uid: "rs-1" };
const DS = { kind: "DaemonSet", name: "kube-proxy", uid: "ds-1" };

function cluster(): FakeTransport {
  const fake = new FakeTransport();
  fake.seed("nodes", node("worker-2"));
  fake.seed("pods", pod("kube-proxy-x7k2p", { namespace: "kube-system", node: "worker-2", owner: DS }));
  fake.seed("pods", pod("web-6d4cf56db6-abcde", { node: "worker-2", owner: RS }));
  fake.seed("pods", pod("web-6d4cf56db6-fghij", { node: "worker-2", owner: RS }));
  // The eviction subresource deletes the pod; the kubelet takes 2 s to confirm.
  fake.handle((req) => {
    if (req.subresource !== "eviction") return undefined;
    const name = req.name ?? "";
    fake.at(fake.now() + 2000, () => fake.remove("pods", req.namespace, name));
    return { ok: true, status: 201 };
  });
  return fake;
}

describe("kubectl cordon / uncordon / drain / taint / label", () => {
  it("cordons and uncordons, saying when nothing changes", async () => {
    const fake = new FakeTransport();
    fake.seed("nodes", node("worker-1"));
    expect((await kubectl(fake, "kubectl cordon worker-1")).text).toBe("node/worker-1 cordoned\n");
    expect((fake.get("nodes", undefined, "worker-1") as Node).spec.unschedulable).toBe(true);
    expect((await kubectl(fake, "kubectl cordon worker-1")).text).toBe("node/worker-1 already cordoned\n");
    expect((await kubectl(fake, "kubectl uncordon worker-1")).text).toBe("node/worker-1 uncordoned\n");
    expect((await kubectl(fake, "kubectl cordon")).text).toBe("error: USAGE: cordon NODE [flags]\nSee 'kubectl cordon -h' for help and examples\n");
    expect((await kubectl(fake, "kubectl cordon nope")).text).toBe('Error from server (NotFound): nodes "nope" not found\n');
  });
  it("drain refuses DaemonSet pods without --ignore-daemonsets", async () => {
    const fake = cluster();
    const r = await kubectl(fake, "kubectl drain worker-2");
    expect(r.code).toBe(1);
    expect(r.text).toBe(
      'node/worker-2 cordoned\nerror: unable to drain node "worker-2" due to error: cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/kube-proxy-x7k2p, continuing command...\nThere are pending nodes to be drained:\n worker-2\ncannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/kube-proxy-x7k2p\n',
    );
  });
  it("drain evicts through the eviction subresource and waits for the pods to go", async () => {
    const fake = cluster();
    const r = await kubectl(fake, "kubectl drain worker-2 --ignore-daemonsets");
    expect(r).toMatchObject({
      code: 0,
      text:
        "node/worker-2 cordoned\nWarning: ignoring DaemonSet-managed Pods: kube-system/kube-proxy-x7k2p\nevicting pod default/web-6d4cf56db6-abcde\nevicting pod default/web-6d4cf56db6-fghij\npod/web-6d4cf56db6-abcde evicted\npod/web-6d4cf56db6-fghij evicted\nnode/worker-2 drained\n",
    });
    expect(fake.requests.filter((q) => q.subresource === "eviction")).toHaveLength(2);
    expect(fake.get("pods", "kube-system", "kube-proxy-x7k2p")).toBeDefined();
  });
  it("drain retries evictions a PodDisruptionBudget refuses", async () => {
    const fake = new FakeTransport();
    fake.seed("nodes", node("worker-2"));
    fake.seed("pods", pod("web-a", { node: "worker-2", owner: RS }));
    let refusals = 1;
    fake.handle((req) => {
      if (req.subresource !== "eviction") return undefined;
      if (refusals-- > 0) return status(429, "TooManyRequests", "Cannot evict pod as it would violate the pod's disruption budget.");
      fake.remove("pods", req.namespace, req.name ?? "");
      return { ok: true, status: 201 };
    });
    const r = await kubectl(fake, "kubectl drain worker-2 --ignore-daemonsets");
    expect(r.text).toBe(
      `node/worker-2 cordoned\nevicting pod default/web-a\nerror when evicting pods/"web-a" -n "default" (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.\npod/web-a evicted\nnode/worker-2 drained\n`,
    );
    expect(fake.now()).toBeGreaterThanOrEqual(5000);
  });
  it("drain refuses unmanaged pods without --force and warns with it", async () => {
    const fake = new FakeTransport();
    fake.seed("nodes", node("worker-1"));
    fake.seed("pods", pod("hr-app", { node: "worker-1" }));
    fake.handle((req) => (req.subresource === "eviction" ? (fake.remove("pods", req.namespace, req.name ?? ""), { ok: true, status: 201 }) : undefined));
    expect((await kubectl(fake, "kubectl drain worker-1 --ignore-daemonsets")).out.stderr()).toContain("cannot delete Pods declare no controller (use --force to override): default/hr-app");
    const r = await kubectl(fake, "kubectl drain worker-1 --ignore-daemonsets --force");
    expect(r.text).toBe("node/worker-1 already cordoned\nWarning: deleting Pods that declare no controller: default/hr-app\nevicting pod default/hr-app\npod/hr-app evicted\nnode/worker-1 drained\n");
  });
  it("taints and untaints nodes", async () => {
    const fake = new FakeTransport();
    fake.seed("nodes", node("worker-1"));
    expect((await kubectl(fake, "kubectl taint nodes worker-1 dedicated=gpu:NoSchedule")).text).toBe("node/worker-1 tainted\n");
    expect((fake.get("nodes", undefined, "worker-1") as Node).spec.taints).toEqual([{ key: "dedicated", value: "gpu", effect: "NoSchedule" }]);
    expect((await kubectl(fake, "kubectl taint nodes worker-1 dedicated=cpu:NoSchedule")).text).toBe(
      "error: node worker-1 already has dedicated taint(s) with same effect(s) and --overwrite is false\n",
    );
    expect((await kubectl(fake, "kubectl taint nodes worker-1 dedicated:NoSchedule-")).text).toBe("node/worker-1 untainted\n");
    expect((await kubectl(fake, "kubectl taint nodes worker-1 dedicated:NoSchedule-")).text).toBe('error: taint "dedicated:NoSchedule" not found\n');
    expect((await kubectl(fake, "kubectl taint nodes worker-1 a=b:Sometimes")).text).toBe("error: invalid taint effect: Sometimes, unsupported taint effect\n");
  });
  it("labels and annotates, refusing to overwrite without --overwrite", async () => {
    const fake = new FakeTransport();
    fake.seed("nodes", node("worker-1"));
    expect((await kubectl(fake, "kubectl label node worker-1 disk=ssd")).text).toBe("node/worker-1 labeled\n");
    expect((await kubectl(fake, "kubectl label node worker-1 disk=hdd")).text).toBe("error: 'disk' already has a value (ssd), and --overwrite is false\n");
    expect((await kubectl(fake, "kubectl label node worker-1 disk=hdd --overwrite")).text).toBe("node/worker-1 labeled\n");
    expect((await kubectl(fake, "kubectl label node worker-1 disk-")).text).toBe("node/worker-1 unlabeled\n");
    expect(fake.get("nodes", undefined, "worker-1")?.metadata.labels).toEqual({ "kubernetes.io/hostname": "worker-1" });
    expect((await kubectl(fake, "kubectl annotate node worker-1 owner=ops")).text).toBe("node/worker-1 annotated\n");
    expect((await kubectl(fake, "kubectl label node worker-1")).text).toBe("error: at least one label update is required\n");
  });
});
