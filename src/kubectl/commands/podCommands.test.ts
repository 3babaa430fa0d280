// kubectl logs / exec / top (v1.34): staging/src/k8s.io/kubectl/pkg/cmd/logs/logs.go ("Found N pods, using
// pod/…", --previous, --tail), pkg/cmd/exec/exec.go, pkg/cmd/top/top_node.go and top_pod.go with
// pkg/metricsutil/metrics_printer.go (CPU(cores) CPU(%) MEMORY(bytes) MEMORY(%)).
import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../sim/api/types";
import { FakeTransport, deployment, kubectl, node, pod, status } from "../testing";

function logObject(log: string): KubeObject {
  return { apiVersion: "v1", kind: "PodLog", metadata: {}, log } as KubeObject;
}

describe("kubectl logs / exec / top", () => {
  it("logs asks the kubelet for the container's log", async () => {
    const fake = new FakeTransport();
    fake.seed("pods", pod("web-1"));
    fake.handle((req) => (req.subresource === "log" ? { ok: true, status: 200, object: logObject("10.244.1.1 - - GET / 200\n") } : undefined));
    expect((await kubectl(fake, "kubectl logs web-1 --tail=10 -p")).text).toBe("10.244.1.1 - - GET / 200\n");
    expect(fake.requests.at(-1)).toMatchObject({ verb: "get", resource: "pods", subresource: "log", name: "web-1", namespace: "default", body: { container: "nginx", previous: true, tailLines: 10 } });
  });
  it("logs defaults to the first container and says so", async () => {
    const fake = new FakeTransport();
    fake.seed("pods", pod("two", { containers: ["app", "sidecar"] }));
    fake.handle((req) => (req.subresource === "log" ? { ok: true, status: 200, object: logObject("") } : undefined));
    expect((await kubectl(fake, "kubectl logs two")).text).toBe('Defaulted container "app" out of: app, sidecar\n');
    expect((await kubectl(fake, "kubectl logs two -c nope")).text).toBe("error: container nope is not valid for pod two\n");
  });
  it("logs deployment/NAME picks a pod of its selector", async () => {
    const fake = new FakeTransport();
    fake.seed("deployments", deployment("web"));
    fake.seed("pods", pod("web-a", { labels: { app: "web" } }));
    fake.seed("pods", pod("web-b", { labels: { app: "web" } }));
    fake.handle((req) => (req.subresource === "log" ? { ok: true, status: 200, object: logObject(`log of ${req.name}\n`) } : undefined));
    expect((await kubectl(fake, "kubectl logs deployment/web")).text).toBe("Found 2 pods, using pod/web-a\nlog of web-a\n");
  });
  it("logs -f prints new lines as they come until the stream ends", async () => {
    const fake = new FakeTransport();
    fake.seed("pods", pod("web-1"));
    let text = "a\n";
    fake.at(2500, () => (text += "b\n"));
    fake.handle((req) => (req.subresource === "log" ? { ok: true, status: 200, object: logObject(text) } : undefined));
    expect((await kubectl(fake, "kubectl logs -f web-1", { maxStreamMs: 5000 })).text).toBe("a\nb\n");
  });
  it("logs prints the server's refusal", async () => {
    const fake = new FakeTransport();
    fake.seed("pods", pod("web-1"));
    fake.handle((req) => (req.subresource === "log" ? status(400, "BadRequest", 'container "nginx" in pod "web-1" is waiting to start: ContainerCreating') : undefined));
    expect((await kubectl(fake, "kubectl logs web-1")).text).toBe('Error from server (BadRequest): container "nginx" in pod "web-1" is waiting to start: ContainerCreating\n');
  });
  it("exec runs a command after -- and passes its exit code through", async () => {
    const fake = new FakeTransport();
    fake.seed("pods", pod("web-1"));
    fake.handle((req) => {
      if (req.subresource !== "exec") return undefined;
      const cmd = (req.body as { command: string[] }).command;
      const object = cmd[0] === "hostname" ? { stdout: "web-1\n", exitCode: 0 } : { stderr: `sh: ${cmd[0]}: not found\n`, exitCode: 127 };
      return { ok: true, status: 200, object: object as unknown as KubeObject };
    });
    expect((await kubectl(fake, "kubectl exec web-1 -- hostname")).text).toBe("web-1\n");
    expect(fake.requests.at(-1)).toMatchObject({ verb: "create", subresource: "exec", body: { container: "nginx", command: ["hostname"] } });
    const r = await kubectl(fake, "kubectl exec -it web-1 -- frob");
    expect(r).toMatchObject({ code: 127, text: "sh: frob: not found\ncommand terminated with exit code 127\n" });
    expect((await kubectl(fake, "kubectl exec web-1 hostname")).text).toBe(
      "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n",
    );
  });
  it("top nodes and pods print metrics-server's usage", async () => {
    const fake = new FakeTransport();
    fake.seed("nodes", node("worker-1"));
    fake.handle((req) => {
      if (req.resource === "nodemetrics") return { ok: true, status: 200, items: [{ apiVersion: "metrics.k8s.io/v1beta1", kind: "NodeMetrics", metadata: { name: "worker-1" }, usage: { cpu: "250m", memory: "1Gi" } } as KubeObject] };
      if (req.resource === "podmetrics")
        return { ok: true, status: 200, items: [{ apiVersion: "metrics.k8s.io/v1beta1", kind: "PodMetrics", metadata: { name: "web-1", namespace: "default" }, containers: [{ name: "nginx", usage: { cpu: "3m", memory: "5Mi" } }] } as KubeObject] };
      return undefined;
    });
    expect((await kubectl(fake, "kubectl top nodes")).text).toBe("NAME       CPU(cores)   CPU(%)   MEMORY(bytes)   MEMORY(%)   \nworker-1   250m         12%      1024Mi          25%         \n");
    expect((await kubectl(fake, "kubectl top pods")).text).toBe("NAME    CPU(cores)   MEMORY(bytes)   \nweb-1   3m           5Mi             \n");
  });
  it("top says when the Metrics API is missing", async () => {
    const fake = new FakeTransport();
    fake.handle((req) => (req.resource === "nodemetrics" ? status(404, "NotFound", "the server could not find the requested resource") : undefined));
    expect((await kubectl(fake, "kubectl top node")).text).toBe("error: Metrics API not available\n");
  });
});
