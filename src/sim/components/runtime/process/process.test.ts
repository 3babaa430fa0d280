import { describe, expect, it } from "vitest";
import { Kernel } from "../../../runtime";
import { startProcess } from "./launch";
import { imageOf, start } from "./testSupport";

const sh = (script: string) => ["sh", "-c", script];

describe("shell subset over virtual time", () => {
  it("echoes, sleeps in virtual seconds and exits with the code given", () => {
    const s = start("busybox", { command: sh("echo hello; sleep 5; echo bye; exit 3") });
    s.kernel.runUntil(4_999);
    expect(s.text()).toEqual(["hello"]);
    expect(s.proc.running).toBe(true);
    s.kernel.runUntil(6_000);
    expect(s.text()).toEqual(["hello", "bye"]);
    expect(s.exits).toEqual([{ code: 3, reason: "Error", at: 5_000 }]);
    expect(s.proc.logs()[1].at).toBe(5_000);
  });

  it("expands variables from env and respects quoting", () => {
    const s = start("busybox", { command: ["/bin/sh", "-c"], args: ["echo \"Hello $NAME\" '$NOT' ${MISSING:-fallback}"], env: { NAME: "world" } });
    s.kernel.runUntil(10);
    expect(s.text()).toEqual(["Hello world $NOT fallback"]);
    expect(s.exits[0]).toMatchObject({ code: 0, reason: "Completed" });
  });

  it("runs && || ; true false and $?", () => {
    const s = start("alpine", { command: sh("false || echo recovered; true && echo yes; false; echo status=$?; false && echo never") });
    s.kernel.runUntil(10);
    expect(s.text()).toEqual(["recovered", "yes", "status=1"]);
    expect(s.exits[0].code).toBe(1);
  });

  it("loops forever with sleep, ignores SIGTERM as PID 1 and dies on SIGKILL", () => {
    const s = start("busybox", { command: sh("while true; do echo tick; sleep 1; done") });
    s.kernel.runUntil(3_500);
    expect(s.text()).toEqual(["tick", "tick", "tick", "tick"]);
    s.proc.signal("SIGTERM");
    s.kernel.runUntil(10_000);
    expect(s.proc.running).toBe(true);
    s.proc.signal("SIGKILL");
    expect(s.exits).toEqual([{ code: 137, reason: "Error", at: 10_000 }]);
  });

  it("counts with arithmetic, test, for and seq", () => {
    const s = start("busybox", { command: sh("i=0; while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done; for x in a b; do echo $x; done; for n in $(seq 2); do echo n$n; done") });
    s.kernel.runUntil(10);
    expect(s.text()).toEqual(["0", "1", "2", "a", "b", "n1", "n2"]);
  });

  it("prints a deterministic virtual date", () => {
    const s = start("busybox", { command: sh('sleep 5; date; echo "at $(date +%H:%M:%S)"') });
    s.kernel.runUntil(6_000);
    expect(s.text()).toEqual(["Thu Jan  1 09:00:05 UTC 2026", "at 09:00:05"]);
  });

  it("keeps a busy loop from freezing the clock, and bounds its logs", () => {
    const s = start("busybox", { command: sh("while true; do echo spam; done") });
    s.kernel.runUntil(10_000);
    expect(s.proc.running).toBe(true);
    expect(s.proc.logs().length).toBeGreaterThan(1000);
    expect(s.proc.logs().length).toBeLessThanOrEqual(6000);
  });

  it("reports syntax errors like sh and exits 2", () => {
    const s = start("busybox", { command: sh("if true; then echo x") });
    s.kernel.runUntil(10);
    expect(s.exits[0].code).toBe(2);
    expect(s.text()[0]).toMatch(/^sh: syntax error/);
  });

  it("runs commands outside the subset as long-lived programs", () => {
    const s = start("python:3.12", { command: ["python", "app.py"] });
    s.kernel.runUntil(60_000);
    expect(s.proc.running).toBe(true);
    const t = start("busybox", { command: sh("echo starting; wget -qO- http://web") });
    t.kernel.runUntil(60_000);
    expect(t.text()).toEqual(["starting"]);
    expect(t.proc.running).toBe(true);
  });

  it("exits at once for a shell or REPL with stdin closed", () => {
    for (const image of ["ubuntu", "busybox", "python:3.12", "node:22"]) {
      const s = start(image);
      s.kernel.runUntil(10);
      expect(s.exits, image).toEqual([{ code: 0, reason: "Completed", at: 0 }]);
    }
  });

  it("writes and reads files for exec probes (the liveness exec lesson)", () => {
    const s = start("busybox", { args: sh("touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600") });
    s.kernel.runUntil(10_000);
    expect(s.proc.exec(["cat", "/tmp/healthy"])).toEqual({ kind: "exited", exitCode: 0, output: "" });
    s.kernel.runUntil(35_000);
    expect(s.proc.exec(["cat", "/tmp/healthy"])).toEqual({ kind: "exited", exitCode: 1, output: "cat: can't open '/tmp/healthy': No such file or directory\n" });
    const gnu = start("ubuntu", { command: ["sleep", "infinity"] });
    expect(gnu.proc.exec(["cat", "/tmp/healthy"])).toEqual({ kind: "exited", exitCode: 1, output: "cat: /tmp/healthy: No such file or directory\n" });
    expect(s.proc.exec(["sh", "-c", "echo hi > /tmp/x; cat /tmp/x"])).toEqual({ kind: "exited", exitCode: 0, output: "hi\n" });
    expect(s.proc.exec(["sleep", "5"], 1000)).toEqual({ kind: "timeout", output: "" });
  });
});

describe("memory", () => {
  it("OOM-kills stress above the limit with 137", () => {
    const s = start("polinux/stress", { command: ["stress"], args: ["--vm", "1", "--vm-bytes", "250M", "--vm-hang", "1"], memoryLimitBytes: 100 * 1024 * 1024 });
    s.kernel.runUntil(1_000);
    expect(s.exits).toEqual([{ code: 137, reason: "OOMKilled", at: 50 }]);
    expect(s.text()[0]).toBe("stress: info: [1] dispatching hogs: 0 cpu, 0 io, 1 vm, 0 hdd");
  });

  it("lets stress run under the limit", () => {
    const s = start("polinux/stress", { command: ["stress"], args: ["--vm", "1", "--vm-bytes", "150M"], memoryLimitBytes: 200 * 1024 * 1024 });
    s.kernel.runUntil(60_000);
    expect(s.proc.running).toBe(true);
    expect(s.proc.memoryBytes()).toBeGreaterThan(150 * 1024 * 1024);
  });

  it("OOM-kills tail /dev/zero when it reaches the limit", () => {
    const s = start("busybox", { command: ["tail", "/dev/zero"], memoryLimitBytes: 256 * 1024 * 1024 });
    s.kernel.runUntil(5_000);
    expect(s.exits[0]).toMatchObject({ code: 137, reason: "OOMKilled" });
  });

  it("OOM-kills a server whose limit is below its base usage", () => {
    const s = start("mysql:8.4", { env: { MYSQL_ROOT_PASSWORD: "x" }, memoryLimitBytes: 256 * 1024 * 1024 });
    s.kernel.runUntil(20_000);
    expect(s.exits[0]).toMatchObject({ code: 137, reason: "OOMKilled" });
  });
});

describe("start failures", () => {
  it("cannot exec a shell command in an image without a userland", () => {
    const kernel = new Kernel(1);
    const r = startProcess({ image: imageOf("gcr.io/google-samples/hello-app:1.0"), command: ["sleep", "10"], hostname: "h", podIP: "10.244.1.5" }, { now: () => kernel.now, after: (ms, fn) => kernel.after(ms, fn) }, () => undefined);
    expect(r).toEqual({ message: 'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "sleep": executable file not found in $PATH: unknown' });
  });
});

describe("signals and traps", () => {
  it("runs a TERM trap once the foreground sleep returns", () => {
    const s = start("busybox", { command: ["sh", "-c", "trap 'echo got TERM; exit 0' TERM; echo started; while true; do sleep 1; done"] });
    s.kernel.runUntil(2_500);
    s.proc.signal("SIGTERM");
    s.kernel.runUntil(5_000);
    expect(s.text()).toEqual(["started", "got TERM"]);
    expect(s.exits).toEqual([{ code: 0, reason: "Completed", at: 3_000 }]);
  });

  it("keeps a trapped shell waiting on a long sleep until SIGKILL", () => {
    const s = start("busybox", { command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600"] });
    s.kernel.runUntil(1_000);
    s.proc.signal("SIGTERM");
    s.kernel.runUntil(31_000);
    expect(s.proc.running).toBe(true);
    s.proc.signal("SIGKILL");
    expect(s.exits[0]).toMatchObject({ code: 137, reason: "Error" });
  });

  it("serves /etc/hostname from the kubelet and lets rm remove it", () => {
    const s = start("busybox", { command: ["sleep", "infinity"] });
    expect(s.proc.exec(["cat", "/etc/hostname"])).toEqual({ kind: "exited", exitCode: 0, output: "web-0\n" });
    expect(s.proc.exec(["ls", "/etc"])).toEqual({ kind: "exited", exitCode: 0, output: "hostname\nhosts\n" });
    expect(s.proc.exec(["rm", "/etc/hostname"])).toMatchObject({ exitCode: 0 });
    expect(s.proc.exec(["cat", "/etc/hostname"])).toMatchObject({ exitCode: 1 });
  });
});

describe("bash on busybox", () => {
  it("is not there: StartError as a command, 127 inside a script", () => {
    const kernel = new Kernel(1);
    const r = startProcess({ image: imageOf("alpine"), command: ["bash", "-c", "echo hi"], hostname: "h", podIP: "10.244.1.5" }, { now: () => kernel.now, after: (ms, fn) => kernel.after(ms, fn) }, () => undefined);
    expect("message" in r && r.message).toContain('exec: "bash": executable file not found in $PATH');
    const s = start("busybox", { command: ["sh", "-c", "bash -c 'echo hi'"] });
    s.kernel.runUntil(10);
    expect(s.text()).toEqual(["sh: bash: not found"]);
    expect(s.exits[0].code).toBe(127);
  });
});
