// kubectl describe (v1.34): staging/src/k8s.io/kubectl/pkg/cmd/describe/describe.go (selectors, the blank
// lines between objects, NotFound errors); the describers themselves are in printers/describe.
import { describe, expect, it } from "vitest";
import { FakeTransport, kubectl, node, pod } from "../testing";

describe("kubectl describe", () => {
  it("describes a pod through the printers, with its events", async () => {
    const fake = new FakeTransport();
    const p = fake.seed("pods", pod("web-1", { node: "worker-1" }));
    fake.seed("events", {
      apiVersion: "v1",
      kind: "Event",
      metadata: { name: "web-1.1", namespace: "default" },
      involvedObject: { kind: "Pod", name: "web-1", namespace: "default", uid: p.metadata.uid },
      reason: "Scheduled",
      message: "Successfully assigned default/web-1 to worker-1",
      type: "Normal",
      source: { component: "default-scheduler" },
      count: 1,
      firstTimestamp: "2026-01-01T09:00:00Z",
      lastTimestamp: "2026-01-01T09:00:00Z",
    } as never);
    const r = await kubectl(fake, "kubectl describe pod web-1");
    expect(r.code).toBe(0);
    expect(r.text).toMatch(/^Name:\s+web-1\nNamespace:\s+default\n/);
    expect(r.text).toMatch(/Events:\n\s+Type\s+Reason\s+Age\s+From\s+Message\n/);
    expect(r.text).toContain("Successfully assigned default/web-1 to worker-1");
  });
  it("matches names by prefix and separates objects with a blank line", async () => {
    const fake = new FakeTransport();
    fake.seed("nodes", node("worker-1"));
    fake.seed("nodes", node("worker-2"));
    const r = await kubectl(fake, "kubectl describe node worker");
    expect(r.text.match(/^Name:\s+worker-\d$/gm)).toEqual(["Name:               worker-1", "Name:               worker-2"]);
    expect(r.text).toContain("\n\n\nName:");
  });
  it("reports missing objects", async () => {
    expect((await kubectl(new FakeTransport(), "kubectl describe pod nope")).text).toBe('Error from server (NotFound): pods "nope" not found\n');
  });
});
