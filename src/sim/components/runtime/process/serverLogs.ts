/** What each server image prints when it starts, stops, or refuses to start. */
import type { ServerApp } from "../imageTypes";
import { civil, clfTime, p2, p3, slashDateTime, hms, isoDate } from "./clock";
import type { LogLine, Stream } from "./types";

export interface AppContext {
  app: ServerApp;
  version: string | undefined;
  startedAt: number;
  readyAt: number;
  cpus: number;
  podIP: string;
  hostname: string;
  ports: readonly number[];
}

const line = (at: number, stream: Stream, text: string): LogLine => ({ at, stream, text });

/** redis: `01 Jan 2026 09:00:03.123` */
function redisTime(ms: number): string {
  const c = civil(ms);
  return `${p2(c.d)} ${c.month} ${c.y} ${hms(c)}.${p3(c.ms)}`;
}

/** httpd: `Thu Jan 01 09:00:03.123456 2026` */
function httpdTime(ms: number): string {
  const c = civil(ms);
  return `${c.weekday} ${c.month} ${p2(c.d)} ${hms(c)}.${p3(c.ms)}000 ${c.y}`;
}

/** postgres: `2026-01-01 09:00:03.123 UTC` */
function pgTime(ms: number): string {
  const c = civil(ms);
  return `${isoDate(ms)} ${hms(c)}.${p3(c.ms)} UTC`;
}

/** klog header: `I0101 09:00:03.123456       1 ` */
function klog(ms: number, source: string, msg: string): string {
  const c = civil(ms);
  return `I${p2(c.mo)}${p2(c.d)} ${hms(c)}.${p3(c.ms)}000       1 ${source}] ${msg}`;
}

function mysqlNote(ms: number, level: string, msg: string): string {
  const c = civil(ms);
  return `${isoDate(ms)} ${hms(c)}+00:00 [${level}] [Entrypoint]: ${msg}`;
}

export function startupLogs(c: AppContext): LogLine[] {
  const t = c.startedAt;
  const r = c.readyAt;
  const v = c.version ?? "";
  switch (c.app) {
    case "nginx": {
      const e = (text: string) => line(t, "stdout", `/docker-entrypoint.sh: ${text}`);
      const n = (text: string) => line(r, "stderr", `${slashDateTime(r)} [notice] 1#1: ${text}`);
      const out = [
        e("/docker-entrypoint.d/ is not empty, will attempt to perform configuration"),
        e("Looking for shell scripts in /docker-entrypoint.d/"),
        e("Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh"),
        line(t, "stdout", "10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf"),
        line(t, "stdout", "10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf"),
        e("Sourcing /docker-entrypoint.d/15-local-resolvers.envsh"),
        e("Launching /docker-entrypoint.d/20-envsubst-on-templates.sh"),
        e("Launching /docker-entrypoint.d/30-tune-worker-processes.sh"),
        e("Configuration complete; ready for start up"),
        n('using the "epoll" event method'),
        n(`nginx/${v}`),
        n("built by gcc 12.2.0 (Debian 12.2.0-14+deb12u1) "),
        n("OS: Linux 6.8.0-1024-aws"),
        n("getrlimit(RLIMIT_NOFILE): 1048576:1048576"),
        n("start worker processes"),
      ];
      for (let i = 0; i < c.cpus; i++) out.push(n(`start worker process ${29 + i}`));
      return out;
    }
    case "httpd": {
      const warn = `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${c.podIP}. Set the 'ServerName' directive globally to suppress this message`;
      return [
        line(t, "stderr", warn),
        line(t, "stderr", warn),
        line(r, "stderr", `[${httpdTime(r)}] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/${v} (Unix) configured -- resuming normal operations`),
        line(r, "stderr", `[${httpdTime(r)}] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'`),
      ];
    }
    case "redis":
      return [
        line(t, "stdout", `1:C ${redisTime(t)} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`),
        line(t, "stdout", `1:C ${redisTime(t)} * Redis version=${v}, bits=64, commit=00000000, modified=0, pid=1, just started`),
        line(t, "stdout", `1:C ${redisTime(t)} # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf`),
        line(r, "stdout", `1:M ${redisTime(r)} * monotonic clock: POSIX clock_gettime`),
        line(r, "stdout", `1:M ${redisTime(r)} * Running mode=standalone, port=${c.ports[0] ?? 6379}.`),
        line(r, "stdout", `1:M ${redisTime(r)} * Server initialized`),
        line(r, "stdout", `1:M ${redisTime(r)} * Ready to accept connections tcp`),
      ];
    case "postgres":
      return [
        line(t, "stdout", "The files belonging to this database system will be owned by user \"postgres\"."),
        line(t, "stdout", "This user must also own the server process."),
        line(t + 900, "stdout", "Success. You can now start the database server using:"),
        line(r, "stderr", `${pgTime(r)} [1] LOG:  starting PostgreSQL ${v} on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14+deb12u1) 12.2.0, 64-bit`),
        line(r, "stderr", `${pgTime(r)} [1] LOG:  listening on IPv4 address "0.0.0.0", port 5432`),
        line(r, "stderr", `${pgTime(r)} [1] LOG:  database system is ready to accept connections`),
      ];
    case "mysql":
      return [
        line(t, "stdout", mysqlNote(t, "Note", `Entrypoint script for MySQL Server ${v}-1.el9 started.`)),
        line(t, "stdout", mysqlNote(t, "Note", "Switching to dedicated user 'mysql'")),
        line(t, "stdout", mysqlNote(t, "Note", "Initializing database files")),
        line(r, "stdout", `${isoDate(r)}T${hms(civil(r))}.${p3(civil(r).ms)}000Z 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '${v}'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.`),
      ];
    case "mongo":
      return [line(r, "stdout", `{"t":{"$date":"${isoDate(r)}T${hms(civil(r))}.${p3(civil(r).ms)}+00:00"},"s":"I",  "c":"NETWORK",  "id":23016,   "ctx":"listener","msg":"Waiting for connections","attr":{"port":27017,"ssl":"off"}}`)];
    case "coredns":
      return [
        line(r, "stdout", ".:53"),
        line(r, "stdout", "[INFO] plugin/reload: Running configuration SHA512 = 1b226df79860026c6a52e67daa10d7f0d57ec5b023288ec00c5e05f93523c894564e15b91770d3a07ae1cfbe861d15b37d4a0027e69c546ab112970993a3b03b"),
        line(r, "stdout", `CoreDNS-${v}`),
        line(r, "stdout", "linux/amd64, go1.24.1, 707c7c1"),
      ];
    case "http-echo":
      return [line(r, "stderr", `${slashDateTime(r)} [INFO] server is listening on :${c.ports[0]}`)];
    case "whoami":
      return [line(r, "stdout", `${slashDateTime(r)} Starting up on port ${c.ports[0]}`)];
    case "hello-app":
      return [line(r, "stderr", `${slashDateTime(r)} Server listening on port ${c.ports[0]}`)];
    case "python-http":
      return [line(r, "stdout", `Serving HTTP on 0.0.0.0 port ${c.ports[0]} (http://0.0.0.0:${c.ports[0]}/) ...`)];
    case "kube-apiserver":
      return [line(t, "stderr", klog(t, "options.go:249", `external host was not specified, using ${c.podIP}`)), line(r, "stderr", klog(r, "secure_serving.go:213", "Serving securely on [::]:6443"))];
    case "kube-controller-manager":
      return [line(r, "stderr", klog(r, "controllermanager.go:191", `"Starting" version="v${v}"`)), line(r, "stderr", klog(r, "secure_serving.go:213", "Serving securely on 127.0.0.1:10257"))];
    case "kube-scheduler":
      return [line(r, "stderr", klog(r, "server.go:164", `"Starting Kubernetes Scheduler" version="v${v}"`)), line(r, "stderr", klog(r, "secure_serving.go:213", "Serving securely on 127.0.0.1:10259"))];
    case "kube-proxy":
      return [line(t, "stderr", klog(t, "server_linux.go:53", '"Using iptables proxy"')), line(r, "stderr", klog(r, "server.go:483", `"Version info" version="v${v}"`))];
    case "etcd":
      return [line(r, "stderr", `{"level":"info","ts":"${isoDate(r)}T${hms(civil(r))}.${p3(civil(r).ms)}Z","caller":"embed/serve.go:275","msg":"serving client traffic securely","traffic":"grpc+http","address":"${c.podIP}:2379"}`)];
    default:
      return [];
  }
}

/** What the image's entrypoint prints when required configuration is missing (then exits 1). */
export function missingEnvLogs(c: AppContext, at: number): LogLine[] {
  if (c.app === "postgres") {
    return [
      "Error: Database is uninitialized and superuser password is not specified.",
      "       You must specify POSTGRES_PASSWORD to a non-empty value for the",
      '       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".',
      "",
      '       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all',
      "       connections without a password. This is *not* recommended.",
      "",
      '       See PostgreSQL documentation about "trust":',
      "       https://www.postgresql.org/docs/current/auth-trust.html",
    ].map((text) => line(at, "stderr", text));
  }
  const v = c.version ?? "";
  return [
    line(at, "stdout", mysqlNote(at, "Note", `Entrypoint script for MySQL Server ${v}-1.el9 started.`)),
    line(at, "stdout", mysqlNote(at, "Note", "Switching to dedicated user 'mysql'")),
    line(at, "stdout", mysqlNote(at, "Note", `Entrypoint script for MySQL Server ${v}-1.el9 started.`)),
    line(at, "stderr", mysqlNote(at, "ERROR", "Database is uninitialized and password option is not specified")),
    line(at, "stderr", "    You need to specify one of the following as an environment variable:"),
    line(at, "stderr", "    - MYSQL_ROOT_PASSWORD"),
    line(at, "stderr", "    - MYSQL_ALLOW_EMPTY_PASSWORD"),
    line(at, "stderr", "    - MYSQL_RANDOM_ROOT_PASSWORD"),
  ];
}

/** What a server prints when it receives its stop signal and shuts down. */
export function stopLogs(c: AppContext, at: number): LogLine[] {
  switch (c.app) {
    case "nginx": {
      const n = (pid: number, text: string) => line(at, "stderr", `${slashDateTime(at)} [notice] ${pid}#${pid}: ${text}`);
      const out = [n(1, "signal 3 (SIGQUIT) received, shutting down")];
      for (let i = 0; i < c.cpus; i++) out.push(n(29 + i, "gracefully shutting down"), n(29 + i, "exiting"), n(29 + i, "exit"));
      for (let i = 0; i < c.cpus; i++) out.push(n(1, `worker process ${29 + i} exited with code 0`));
      out.push(n(1, "exit"));
      return out;
    }
    case "httpd":
      return [line(at, "stderr", `[${httpdTime(at)}] [mpm_event:notice] [pid 1:tid 1] AH00492: caught SIGWINCH, shutting down gracefully`)];
    case "redis":
      return [
        line(at, "stdout", `1:signal-handler (${civil(at).unix}) Received SIGTERM scheduling shutdown...`),
        line(at, "stdout", `1:M ${redisTime(at)} * User requested shutdown...`),
        line(at, "stdout", `1:M ${redisTime(at)} * Saving the final RDB snapshot before exiting.`),
        line(at, "stdout", `1:M ${redisTime(at)} * DB saved on disk`),
        line(at, "stdout", `1:M ${redisTime(at)} # Redis is now ready to exit, bye bye...`),
      ];
    case "postgres":
      return [
        line(at, "stderr", `${pgTime(at)} [1] LOG:  received fast shutdown request`),
        line(at, "stderr", `${pgTime(at)} [1] LOG:  database system is shut down`),
      ];
    case "coredns":
      return [line(at, "stdout", "[INFO] SIGTERM: Shutting down servers then terminating"), line(at, "stdout", "[INFO] plugin/health: Going into lameduck mode for 5s")];
    default:
      return [];
  }
}

export { clfTime };
