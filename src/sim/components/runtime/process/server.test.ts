import { describe, expect, it } from "vitest";
import { start } from "./testSupport";

const probe = { clientIp: "10.244.1.1", userAgent: "kube-probe/1.34" };

describe("nginx", () => {
  it("prints its startup lines and one worker per CPU", () => {
    const s = start("nginx:1.27");
    s.kernel.runUntil(1_000);
    const lines = s.text();
    expect(lines[0]).toBe("/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration");
    expect(lines).toContain("/docker-entrypoint.sh: Configuration complete; ready for start up");
    expect(lines).toContain("2026/01/01 09:00:00 [notice] 1#1: nginx/1.27.5");
    expect(lines.filter((l) => l.includes("start worker process "))).toEqual([
      "2026/01/01 09:00:00 [notice] 1#1: start worker process 29",
      "2026/01/01 09:00:00 [notice] 1#1: start worker process 30",
    ]);
  });

  it("refuses connections until ready, then serves / and logs the request", () => {
    const s = start("nginx");
    expect(s.proc.http({ path: "/", port: 80, ...probe })).toEqual({ kind: "refused" });
    s.kernel.runUntil(62_000);
    const r = s.proc.http({ path: "/", port: 80, clientIp: "10.244.1.1", userAgent: "curl/8.5.0" });
    expect(r).toMatchObject({ kind: "response", status: 200, bytes: 615 });
    expect(s.text().at(-1)).toBe('10.244.1.1 - - [01/Jan/2026:09:01:02 +0000] "GET / HTTP/1.1" 200 615 "-" "curl/8.5.0" "-"');
    expect(s.proc.listening(80)).toBe(true);
    expect(s.proc.http({ path: "/", port: 8080, ...probe })).toEqual({ kind: "refused" });
  });

  it("answers 404 for /healthz, with an error log line", () => {
    const s = start("nginx:1.27");
    s.kernel.runUntil(5_000);
    expect(s.proc.http({ path: "/healthz", port: 80, ...probe })).toMatchObject({ kind: "response", status: 404, bytes: 153 });
    const lines = s.text();
    expect(lines.at(-2)).toBe('2026/01/01 09:00:05 [error] 29#29: *1 open() "/usr/share/nginx/html/healthz" failed (2: No such file or directory), client: 10.244.1.1, server: localhost, request: "GET /healthz HTTP/1.1", host: "10.244.1.5:80"');
    expect(lines.at(-1)).toBe('10.244.1.1 - - [01/Jan/2026:09:00:05 +0000] "GET /healthz HTTP/1.1" 404 153 "-" "kube-probe/1.34" "-"');
  });

  it("shuts down gracefully on the stop signal and exits 0", () => {
    const s = start("nginx");
    s.kernel.runUntil(10_000);
    s.proc.signal("SIGTERM");
    expect(s.proc.listening(80)).toBe(false);
    s.kernel.runUntil(11_000);
    expect(s.exits).toEqual([{ code: 0, reason: "Completed", at: 10_080 }]);
    expect(s.text()).toContain("2026/01/01 09:00:10 [notice] 1#1: signal 3 (SIGQUIT) received, shutting down");
    expect(s.text().at(-1)).toBe("2026/01/01 09:00:10 [notice] 1#1: exit");
  });

  it("is OOM-killed when the limit is below its base usage", () => {
    const s = start("nginx", { memoryLimitBytes: 4 * 1024 * 1024 });
    s.kernel.runUntil(1_000);
    expect(s.exits[0]).toMatchObject({ code: 137, reason: "OOMKilled" });
  });

  it("runs a shell instead when the command says so", () => {
    const s = start("nginx", { command: ["sh", "-c", "echo custom; sleep 3600"] });
    s.kernel.runUntil(1_000);
    expect(s.text()).toEqual(["custom"]);
    expect(s.proc.listening(80)).toBe(false);
  });
});

describe("other servers", () => {
  it("redis starts, listens on 6379, is not HTTP and answers redis-cli ping", () => {
    const s = start("redis:7.4");
    s.kernel.runUntil(1_000);
    expect(s.text()).toContain(`1:C 01 Jan 2026 09:00:00.000 * Redis version=7.4.5, bits=64, commit=00000000, modified=0, pid=1, just started`);
    expect(s.text().at(-1)).toBe("1:M 01 Jan 2026 09:00:00.030 * Ready to accept connections tcp");
    expect(s.proc.listening(6379)).toBe(true);
    expect(s.proc.http({ path: "/", port: 6379, ...probe })).toEqual({ kind: "eof" });
    expect(s.proc.exec(["redis-cli", "ping"])).toEqual({ kind: "exited", exitCode: 0, output: "PONG\n" });
  });

  it("postgres without a password exits 1 with the entrypoint's error", () => {
    const s = start("postgres:16");
    s.kernel.runUntil(1_000);
    expect(s.exits[0]).toMatchObject({ code: 1, reason: "Error" });
    expect(s.text()[0]).toBe("Error: Database is uninitialized and superuser password is not specified.");
  });

  it("postgres with a password is ready after its init", () => {
    const s = start("postgres:16", { env: { POSTGRES_PASSWORD: "secret" } });
    s.kernel.runUntil(2_000);
    expect(s.proc.listening(5432)).toBe(false);
    s.kernel.runUntil(3_000);
    expect(s.proc.listening(5432)).toBe(true);
    expect(s.text().at(-1)).toBe("2026-01-01 09:00:02.600 UTC [1] LOG:  database system is ready to accept connections");
  });

  it("mysql without a root password option exits 1", () => {
    const s = start("mysql:8.4");
    s.kernel.runUntil(1_000);
    expect(s.exits[0].code).toBe(1);
    expect(s.text()).toContain("    - MYSQL_ROOT_PASSWORD");
  });

  it("hello-app and http-echo answer every path with their text", () => {
    const h = start("gcr.io/google-samples/hello-app:2.0", { hostname: "hello-7c5ddbdf54-x7k2p" });
    h.kernel.runUntil(100);
    const r = h.proc.http({ path: "/anything", port: 8080, ...probe });
    expect(r).toMatchObject({ kind: "response", status: 200, body: "Hello, world!\nVersion: 2.0.0\nHostname: hello-7c5ddbdf54-x7k2p\n" });
    const e = start("hashicorp/http-echo", { args: ["-text=banana", "-listen=:8080"] });
    e.kernel.runUntil(100);
    expect(e.proc.http({ path: "/", port: 8080, ...probe })).toMatchObject({ status: 200, body: "banana\n" });
    expect(e.proc.listening(5678)).toBe(false);
  });

  it("python -m http.server serves on its port", () => {
    const s = start("python:3.12-slim", { command: ["python", "-m", "http.server", "8000"] });
    s.kernel.runUntil(1_000);
    expect(s.proc.http({ path: "/", port: 8000, ...probe })).toMatchObject({ status: 200 });
  });

  it("an uncatalogued image listens on the pod's declared ports and answers 200", () => {
    const s = start("ghcr.io/acme/shop:v3", { declaredPorts: [8080] });
    s.kernel.runUntil(1_000);
    expect(s.proc.listening(8080)).toBe(true);
    expect(s.proc.http({ path: "/healthz", port: 8080, ...probe })).toMatchObject({ status: 200 });
    expect(s.proc.listening(80)).toBe(false);
  });
});
