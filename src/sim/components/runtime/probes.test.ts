import { describe, expect, it } from "vitest";
import { Kernel } from "../../runtime";
import { ContainerRuntime } from "./containerRuntime";
import { probeHttpGet, probeTcpSocket, runProbe, unhealthyMessage, probeKillMessage, type ProbeResult, type ProbeTarget } from "./probes";
import { start } from "./process/testSupport";
import { Registry } from "./registry";

function target(image: string, opts: Parameters<typeof start>[1] = {}, ports: ProbeTarget["container"]["ports"] = []) {
  const s = start(image, opts);
  s.kernel.runUntil(5_000);
  const t: ProbeTarget = { podIP: "10.244.1.5", container: { name: "app", ports }, process: s.proc };
  return { s, t };
}

describe("httpGet and tcpSocket probes", () => {
  it("passes on nginx / and fails on /healthz with the status code", () => {
    const { t, s } = target("nginx");
    expect(probeHttpGet({ path: "/", port: 80 }, t)).toEqual({ result: "success", output: "" });
    const o = probeHttpGet({ path: "/healthz", port: 80 }, t);
    expect(unhealthyMessage("Readiness", o)).toBe("Readiness probe failed: HTTP probe failed with statuscode: 404");
    expect(s.text().at(-1)).toBe('10.244.1.1 - - [01/Jan/2026:09:00:05 +0000] "GET /healthz HTTP/1.1" 404 153 "-" "kube-probe/1.34" "-"');
  });

  it("words a closed port like Go's http client", () => {
    const { t } = target("nginx");
    expect(unhealthyMessage("Liveness", probeHttpGet({ path: "/healthz", port: 8080 }, t))).toBe(
      'Liveness probe failed: Get "http://10.244.1.5:8080/healthz": dial tcp 10.244.1.5:8080: connect: connection refused',
    );
    expect(probeHttpGet({ port: 8080 }, t).output).toBe('Get "http://10.244.1.5:8080": dial tcp 10.244.1.5:8080: connect: connection refused');
    expect(probeTcpSocket({ port: 8080 }, t)).toEqual({ result: "failure", output: "dial tcp 10.244.1.5:8080: connect: connection refused" });
    expect(probeTcpSocket({ port: 80 }, t).result).toBe("success");
  });

  it("resolves named ports, and errors on unknown names like the kubelet", () => {
    const { t } = target("nginx", {}, [{ name: "http", containerPort: 80 }]);
    expect(probeHttpGet({ path: "/", port: "http" }, t).result).toBe("success");
    const o = probeHttpGet({ path: "/", port: "web" }, t);
    expect(unhealthyMessage("Startup", o)).toBe('Startup probe errored and resulted in unknown state: strconv.Atoi: parsing "web": invalid syntax');
  });

  it("reads EOF from a port that is not HTTP", () => {
    const { t } = target("redis");
    expect(probeHttpGet({ path: "/", port: 6379 }, t)).toEqual({ result: "failure", output: 'Get "http://10.244.1.5:6379/": EOF' });
  });

  it("fails while the server is still starting, then passes", () => {
    const s = start("postgres:17", { env: { POSTGRES_PASSWORD: "x" } });
    const t: ProbeTarget = { podIP: "10.244.1.5", container: { name: "db" }, process: s.proc };
    s.kernel.runUntil(1_000);
    expect(probeTcpSocket({ port: 5432 }, t).result).toBe("failure");
    s.kernel.runUntil(3_000);
    expect(probeTcpSocket({ port: 5432 }, t).result).toBe("success");
  });
});

describe("exec probes through the runtime", () => {
  it("runs the classic liveness exec lesson", () => {
    const kernel = new Kernel(3);
    const rt = new ContainerRuntime({ kernel, node: "worker-1", registry: new Registry(kernel) });
    let id = "";
    rt.pullImage("busybox", () =>
      rt.runPodSandbox({ podName: "liveness-exec", namespace: "default", podUid: "u", podIP: "10.244.1.7" }, (sb) => {
        if (!sb.ok) return;
        rt.createContainer(sb.sandboxId, { name: "liveness", image: "busybox", args: ["/bin/sh", "-c", "touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600"] }, (c) => {
          if (!c.ok) return;
          id = c.containerId;
          rt.startContainer(id, () => undefined);
        });
      }),
    );
    kernel.runUntil(3_000);
    const probe = { exec: { command: ["cat", "/tmp/healthy"] }, initialDelaySeconds: 5, periodSeconds: 5 };
    const results: ProbeResult[] = [];
    const t = (): ProbeTarget => ({ podIP: "10.244.1.7", container: { name: "liveness" }, process: rt.process(id) });
    const exec = (cmd: readonly string[], timeout: number, cb: Parameters<typeof rt.execSync>[3]) => rt.execSync(id, cmd, timeout, cb);
    runProbe("Liveness", probe, t(), exec, (r) => results.push(r));
    kernel.runUntil(40_000);
    runProbe("Liveness", probe, t(), exec, (r) => results.push(r));
    kernel.runUntil(41_000);
    expect(results[0]).toMatchObject({ success: true });
    expect(results[1]).toMatchObject({ success: false, message: "Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory" });
    expect(probeKillMessage("liveness", "Liveness")).toBe("Container liveness failed liveness probe, will be restarted");
  });

  it("fails exec of a binary the image does not have", () => {
    const kernel = new Kernel(3);
    const rt = new ContainerRuntime({ kernel, node: "worker-1", registry: new Registry(kernel) });
    let id = "";
    rt.pullImage("traefik/whoami", () =>
      rt.runPodSandbox({ podName: "w", namespace: "default", podUid: "u", podIP: "10.244.1.8" }, (sb) => {
        if (!sb.ok) return;
        rt.createContainer(sb.sandboxId, { name: "whoami", image: "traefik/whoami" }, (c) => {
          if (!c.ok) return;
          id = c.containerId;
          rt.startContainer(id, () => undefined);
        });
      }),
    );
    kernel.runUntil(5_000);
    let result: ProbeResult | undefined;
    runProbe("Readiness", { exec: { command: ["curl", "-f", "localhost"] } }, { podIP: "10.244.1.8", container: { name: "whoami" }, process: rt.process(id) }, (cmd, timeout, cb) => rt.execSync(id, cmd, timeout, cb), (r) => (result = r));
    kernel.runUntil(6_000);
    expect(result?.message).toBe('Readiness probe failed: OCI runtime exec failed: exec failed: unable to start container process: exec: "curl": executable file not found in $PATH: unknown');
  });
});
