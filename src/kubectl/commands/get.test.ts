// kubectl get (v1.34): staging/src/k8s.io/kubectl/pkg/cmd/get/get.go (No resources found…, -w, -o name,
// --show-labels, --sort-by via pkg/cmd/get/sorter.go), columns from pkg/printers/internalversion/printers.go.
import { describe, expect, it } from "vitest";
import { FakeTransport, kubectl, node, pod } from "../testing";

describe("kubectl get", () => {
  it("prints the real columns through the printers", async () => {
    const fake = new FakeTransport();
    fake.seed("nodes", node("control-plane"));
    fake.seed("nodes", node("worker-1", { unschedulable: true }));
    await fake.sleep(125_000);
    const r = await kubectl(fake, "kubectl get nodes");
    expect(r.code).toBe(0);
    expect(r.text.split("\n")[0]).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION$/);
    expect(r.text).toMatch(/worker-1\s+Ready,SchedulingDisabled\s+<none>\s+2m5s\s+v1\.34\.1/);
  });
  it("says when nothing is found, per namespace or cluster-wide", async () => {
    const fake = new FakeTransport();
    expect((await kubectl(fake, "kubectl get pods -n kube-system")).text).toBe("No resources found in kube-system namespace.\n");
    expect((await kubectl(fake, "kubectl get pods -A")).text).toBe("No resources found\n");
    expect((await kubectl(fake, "kubectl get nodes")).text).toBe("No resources found\n");
  });
  it("accepts resource/name, comma lists and -o name", async () => {
    const fake = new FakeTransport();
    fake.seed("pods", pod("web-1"));
    fake.seed("nodes", node("worker-1"));
    expect((await kubectl(fake, "kubectl get po/web-1 -o name")).text).toBe("pod/web-1\n");
    expect((await kubectl(fake, "kubectl get pods,nodes -o name")).text).toBe("pod/web-1\nnode/worker-1\n");
  });
  it("prints found objects and then NotFound errors for missing names", async () => {
    const fake = new FakeTransport();
    fake.seed("pods", pod("web-1"));
    const r = await kubectl(fake, "kubectl get pods nope web-1 -o name");
    expect(r.code).toBe(1);
    expect(r.text).toBe('pod/web-1\nError from server (NotFound): pods "nope" not found\n');
  });
  it("filters with -l and --field-selector on the server", async () => {
    const fake = new FakeTransport();
    fake.seed("pods", pod("a", { labels: { app: "web" }, node: "worker-1" }));
    fake.seed("pods", pod("b", { labels: { app: "db" }, node: "worker-2" }));
    expect((await kubectl(fake, "kubectl get pods -l app=web -o name")).text).toBe("pod/a\n");
    expect((await kubectl(fake, "kubectl get pods --field-selector spec.nodeName=worker-2 -o name")).text).toBe("pod/b\n");
    expect(fake.requests.at(-1)).toMatchObject({ verb: "list", fieldSelector: "spec.nodeName=worker-2" });
  });
  it("sorts with --sort-by", async () => {
    const fake = new FakeTransport();
    fake.seed("pods", pod("b"));
    await fake.sleep(1000);
    fake.seed("pods", pod("a"));
    expect((await kubectl(fake, "kubectl get pods --sort-by=.metadata.creationTimestamp -o name")).text).toBe("pod/b\npod/a\n");
    expect((await kubectl(fake, "kubectl get pods --sort-by=.metadata.name -o name")).text).toBe("pod/a\npod/b\n");
  });
  it("rejects unknown output formats with kubectl's list", async () => {
    const r = await kubectl(new FakeTransport(), "kubectl get pods -o foo");
    expect(r.code).toBe(1);
    expect(r.text).toBe(
      'error: unable to match a printer suitable for the output format "foo", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n',
    );
  });
  it("asks for a resource type when none is given", async () => {
    const r = await kubectl(new FakeTransport(), "kubectl get");
    expect(r.text).toContain("error: Required resource not specified.");
  });
  it("streams later changes with -w until the stream limit", async () => {
    const fake = new FakeTransport();
    fake.seed("pods", pod("a"));
    fake.at(5000, () => fake.seed("pods", pod("b")));
    fake.at(8000, () => fake.remove("pods", "default", "a"));
    const r = await kubectl(fake, "kubectl get pods -w -o name", { maxStreamMs: 10_000 });
    expect(r.code).toBe(0);
    expect(r.text).toBe("pod/a\npod/b\npod/a\n");
    expect(fake.now()).toBeGreaterThanOrEqual(10_000);
  });
  it("does not repeat objects a list-then-watch replays", async () => {
    const fake = new FakeTransport();
    fake.replayOnWatch = true;
    fake.seed("pods", pod("a"));
    fake.at(3000, () => fake.modify("pods", "default", "a", (o) => (o.metadata.labels = { x: "y" })));
    const r = await kubectl(fake, "kubectl get pods -w -o name", { maxStreamMs: 5000 });
    expect(r.text).toBe("pod/a\npod/a\n");
    expect(fake.requests.filter((q) => q.verb === "watch")).toHaveLength(1);
  });
  it("prints the server's deprecation warning for v1 Endpoints", async () => {
    const r = await kubectl(new FakeTransport(), "kubectl get endpoints");
    expect(r.out.stderr()).toContain("Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n");
  });
});
