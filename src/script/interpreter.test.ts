// The session-script interpreter (issue 6): `$ line` echoes, heredocs feeding -f -, Go durations,
// sim lines, and script:LINE diagnostics with exit status 2.
import { describe, expect, it } from "vitest";
import { Output } from "../kubectl";
import { FakeTransport } from "../kubectl/testing";
import { runScript } from "./interpreter";
import type { SimCommand, SimControl } from "./simCommand";

const CM = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  a: "1"\n`;

class FakeSim implements SimControl {
  readonly seen: SimCommand[] = [];
  async run(cmd: SimCommand): Promise<string> {
    this.seen.push(cmd);
    if (cmd.type === "node" && cmd.node === "nope") throw new Error(`node "nope" not found`);
    return cmd.type === "node" ? `node ${cmd.node} ${cmd.action}` : "";
  }
}

async function run(script: string, files: Record<string, string> = {}) {
  const transport = new FakeTransport();
  const sim = new FakeSim();
  const out = new Output();
  const code = await runScript(script, { transport, sim, out, readFile: (p) => files[p] });
  return { code, out, transport, sim, text: out.text() };
}

describe("session scripts", () => {
  it("echoes each command line, feeds heredocs to -f -, and skips comments and blank lines", async () => {
    const r = await run(`# set up\n\nkubectl apply -f - <<EOF\n${CM("one")}EOF\nkubectl get configmap one -o name\n`);
    expect(r.code).toBe(0);
    expect(r.text).toBe("$ kubectl apply -f - <<EOF\nconfigmap/one created\n$ kubectl get configmap one -o name\nconfigmap/one\n");
  });
  it("accepts any heredoc delimiter, quoted or with <<-", async () => {
    const r = await run(`kubectl apply -f - <<'YAML'\n${CM("a")}YAML\nkubectl apply -f - <<-END\n\t${CM("b").split("\n").join("\n\t")}END\n`);
    expect(r.text).toBe("$ kubectl apply -f - <<'YAML'\nconfigmap/a created\n$ kubectl apply -f - <<-END\nconfigmap/b created\n");
  });
  it("reads files through the lookup and reports missing ones without stopping", async () => {
    const r = await run("kubectl apply -f missing.yaml\nkubectl apply -f cm.yaml\n", { "cm.yaml": CM("x") });
    expect(r.code).toBe(0);
    expect(r.text).toBe('$ kubectl apply -f missing.yaml\nerror: the path "missing.yaml" does not exist\n$ kubectl apply -f cm.yaml\nconfigmap/x created\n');
  });
  it("advances virtual time with Go durations and prints it with sim time", async () => {
    const r = await run("sleep 1m30s\nsleep 250ms\nsim time\n");
    expect(r.transport.now()).toBe(90250);
    expect(r.text).toBe("$ sleep 1m30s\n$ sleep 250ms\n$ sim time\nt=1m30.25s\n");
  });
  it("keeps going after a failing kubectl command", async () => {
    const r = await run("kubectl get pods nope\nkubectl frobnicate\nsim time\n");
    expect(r.code).toBe(0);
    expect(r.text).toBe('$ kubectl get pods nope\nError from server (NotFound): pods "nope" not found\n$ kubectl frobnicate\nerror: unknown command "frobnicate" for "kubectl"\n$ sim time\nt=1ms\n');
  });
  it("dispatches sim lines and prints their errors without stopping", async () => {
    const r = await run("sim node stop worker-1\nsim node stop nope\nsim pod crash -n kube-system coredns-x\nsim settle 30s\nsim request --from web-1 http://web\nsim node add\n");
    expect(r.code).toBe(0);
    expect(r.sim.seen).toEqual([
      { type: "node", action: "stop", node: "worker-1" },
      { type: "node", action: "stop", node: "nope" },
      { type: "pod-crash", namespace: "kube-system", name: "coredns-x" },
      { type: "settle", maxMs: 30000 },
      { type: "request", from: "web-1", url: "http://web" },
      { type: "node-add" },
    ]);
    expect(r.text).toContain('$ sim node stop nope\nerror: node "nope" not found\n');
  });
  it("stops at a malformed line with script:LINE and exit status 2, after running what came before", async () => {
    const r = await run("sim time\n\nsleep ten\nsim time\n");
    expect(r.code).toBe(2);
    expect(r.out.stdout()).toBe("$ sim time\nt=0s\n");
    expect(r.out.stderr()).toBe('script:3: invalid duration "ten" (use Go syntax: 500ms, 10s, 1m30s, 2h)\n');
  });
  it("reports unknown commands, bad sim usage, unterminated heredocs and quotes", async () => {
    expect((await run("echo hi\n")).out.stderr()).toBe('script:1: unknown command "echo" (a script line is kubectl …, sleep DURATION or sim …)\n');
    expect((await run("sim node explode worker-1\n")).out.stderr()).toBe("script:1: usage: sim node stop|start|partition|heal|remove NAME | sim node add [NAME]\n");
    expect((await run("sim time\nkubectl apply -f - <<EOF\nkind: x\n")).out.stderr()).toBe('script:2: heredoc delimited by "EOF" is not terminated\n');
    expect((await run(`kubectl get "pods\n`)).out.stderr()).toBe("script:1: unterminated quoted string\n");
    expect((await run(`kubectl get pods | grep web\n`)).code).toBe(2);
  });
  it("joins continued lines and echoes them as written", async () => {
    const r = await run("kubectl get configmaps \\\n  --show-labels\n");
    expect(r.text).toBe("$ kubectl get configmaps \\\n  --show-labels\nNo resources found in default namespace.\n");
  });
  it("never throws on arbitrary input", async () => {
    for (const junk of ["\u0000", "kubectl", "kubectl --", "sim", "sleep", "<<EOF", "kubectl get -o", "kubectl apply -f - <<EOF\n\u0007: [\nEOF"]) {
      const r = await run(junk);
      expect([0, 2]).toContain(r.code);
    }
  });
});
