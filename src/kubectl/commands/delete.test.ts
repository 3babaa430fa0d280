// kubectl delete (v1.34): staging/src/k8s.io/kubectl/pkg/cmd/delete/delete.go — `deployment.apps "web"
// deleted from default namespace`, --all, -l, --grace-period/--now, --wait for finalization.
import { describe, expect, it } from "vitest";
import { FakeTransport, kubectl, node, pod } from "../testing";

describe("kubectl delete", () => {
  it("deletes by name with v1.34's namespace suffix and waits for the object to go", async () => {
    const fake = new FakeTransport();
    fake.seed("pods", pod("web-1"));
    // Graceful termination: the object stays until the kubelet confirms, 30 s later.
    fake.handle((req) => {
      if (req.verb !== "delete") return undefined;
      fake.at(fake.now() + 30_000, () => fake.remove("pods", "default", "web-1"));
      return { ok: true, status: 200, object: fake.get("pods", "default", "web-1") };
    });
    const r = await kubectl(fake, "kubectl delete pod web-1");
    expect(r).toMatchObject({ code: 0, text: 'pod "web-1" deleted from default namespace\n' });
    expect(fake.now()).toBeGreaterThanOrEqual(30_000);
    expect(fake.get("pods", "default", "web-1")).toBeUndefined();
  });
  it("names cluster-scoped objects without a namespace", async () => {
    const fake = new FakeTransport();
    fake.seed("nodes", node("worker-3"));
    expect((await kubectl(fake, "kubectl delete node worker-3")).text).toBe('node "worker-3" deleted\n');
  });
  it("reports NotFound, and --ignore-not-found silences it", async () => {
    const fake = new FakeTransport();
    expect((await kubectl(fake, "kubectl delete deploy nope")).text).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
    expect((await kubectl(fake, "kubectl delete deploy nope --ignore-not-found")).text).toBe("");
  });
  it("deletes by selector and --all, and says when nothing matched", async () => {
    const fake = new FakeTransport();
    fake.seed("pods", pod("a", { labels: { app: "web" } }));
    fake.seed("pods", pod("b", { labels: { app: "db" } }));
    expect((await kubectl(fake, "kubectl delete pods -l app=web")).text).toBe('pod "a" deleted from default namespace\n');
    expect((await kubectl(fake, "kubectl delete pods -l app=nothing")).text).toBe("No resources found\n");
    expect((await kubectl(fake, "kubectl delete pods --all")).text).toBe('pod "b" deleted from default namespace\n');
  });
  it("warns and force-deletes with --grace-period=0 --force", async () => {
    const fake = new FakeTransport();
    fake.seed("pods", pod("stuck"));
    const r = await kubectl(fake, "kubectl delete pod stuck --grace-period=0 --force");
    expect(r.text).toBe(
      'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\npod "stuck" force deleted from default namespace\n',
    );
    expect(fake.requests.find((q) => q.verb === "delete")).toMatchObject({ gracePeriodSeconds: 0 });
  });
  it("--now asks for a 1 s grace period", async () => {
    const fake = new FakeTransport();
    fake.seed("pods", pod("p"));
    await kubectl(fake, "kubectl delete pod p --now");
    expect(fake.requests.find((q) => q.verb === "delete")).toMatchObject({ gracePeriodSeconds: 1 });
  });
  it("needs a resource and names", async () => {
    const fake = new FakeTransport();
    expect((await kubectl(fake, "kubectl delete")).text).toBe(
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
    );
    expect((await kubectl(fake, "kubectl delete pods")).text).toBe("error: resource(s) were provided, but no name was specified\n");
  });
  it("deletes what a manifest names, in order", async () => {
    const fake = new FakeTransport();
    const yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n";
    await kubectl(fake, "kubectl apply -f -", { stdin: yaml });
    expect((await kubectl(fake, "kubectl delete -f -", { stdin: yaml })).text).toBe('configmap "a" deleted from default namespace\nconfigmap "b" deleted from default namespace\n');
    expect((await kubectl(fake, "kubectl delete -f -", { stdin: yaml })).text).toBe(
      'Error from server (NotFound): error when deleting "STDIN": configmaps "a" not found\nError from server (NotFound): error when deleting "STDIN": configmaps "b" not found\n',
    );
  });
});
