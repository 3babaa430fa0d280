/** How each server answers an HTTP request, and the access-log line it writes for it. */
import { civil, clfTime, hms, p2, slashDateTime } from "./clock";
import type { AppContext } from "./serverLogs";
import type { HttpRequest, LogLine } from "./types";

export interface HttpReply {
  status: number;
  body: string;
  logs: LogLine[];
}

const NGINX_WELCOME = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

const HTTPD_OK = "<html><body><h1>It works!</h1></body></html>\n";
const HTTPD_404 =
  '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n';

function nginx404(version: string | undefined): string {
  return `<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/${version ?? ""}</center>\r\n</body>\r\n</html>\r\n`;
}

/** UTF-8 length: what servers log as bytes sent. */
export function byteLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
  }
  return n;
}

/** Extra knobs read from argv/env by the process (http-echo's text). */
export interface HttpKnobs {
  echoText: string;
}

export function respond(c: AppContext, okPaths: readonly string[], req: HttpRequest, now: number, knobs: HttpKnobs): HttpReply {
  const path = (req.path || "/").split("?")[0];
  const method = req.method ?? "GET";
  const ok = okPaths.includes("*") || okPaths.includes(path);
  const requestLine = `${method} ${req.path || "/"} HTTP/1.1`;
  const host = req.host ?? `${c.podIP}:${req.port}`;
  switch (c.app) {
    case "nginx": {
      const body = ok ? NGINX_WELCOME : nginx404(c.version);
      const status = ok ? 200 : 404;
      const logs: LogLine[] = [];
      if (!ok) {
        logs.push({
          at: now,
          stream: "stderr",
          text: `${slashDateTime(now)} [error] 29#29: *1 open() "/usr/share/nginx/html${path}" failed (2: No such file or directory), client: ${req.clientIp}, server: localhost, request: "${requestLine}", host: "${host}"`,
        });
      }
      logs.push({ at: now, stream: "stdout", text: `${req.clientIp} - - [${clfTime(now)}] "${requestLine}" ${status} ${byteLength(body)} "-" "${req.userAgent}" "-"` });
      return { status, body, logs };
    }
    case "httpd": {
      const body = ok ? HTTPD_OK : HTTPD_404;
      const status = ok ? 200 : 404;
      return { status, body, logs: [{ at: now, stream: "stdout", text: `${req.clientIp} - - [${clfTime(now)}] "${requestLine}" ${status} ${byteLength(body)}` }] };
    }
    case "python-http": {
      const status = ok ? 200 : 404;
      const body = ok
        ? '<!DOCTYPE HTML>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Directory listing for /</title>\n</head>\n<body>\n<h1>Directory listing for /</h1>\n<hr>\n<ul>\n</ul>\n<hr>\n</body>\n</html>\n'
        : "<!DOCTYPE HTML>\n<html lang=\"en\">\n    <head>\n        <meta charset=\"utf-8\">\n        <title>Error response</title>\n    </head>\n    <body>\n        <h1>Error response</h1>\n        <p>Error code: 404</p>\n        <p>Message: File not found.</p>\n        <p>Error code explanation: 404 - Nothing matches the given URI.</p>\n    </body>\n</html>\n";
      const t = civil(now);
      const stamp = `${p2(t.d)}/${t.month}/${t.y} ${hms(t)}`;
      const text = ok ? `${req.clientIp} - - [${stamp}] "${requestLine}" 200 -` : `${req.clientIp} - - [${stamp}] code 404, message File not found`;
      return { status, body, logs: [{ at: now, stream: "stderr", text }] };
    }
    case "hello-app": {
      const body = `Hello, world!\nVersion: ${c.version?.startsWith("2") ? "2.0.0" : "1.0.0"}\nHostname: ${c.hostname}\n`;
      return { status: 200, body, logs: [{ at: now, stream: "stderr", text: `${slashDateTime(now)} Serving request: ${path}` }] };
    }
    case "http-echo": {
      const body = `${knobs.echoText}\n`;
      return { status: 200, body, logs: [{ at: now, stream: "stderr", text: `${slashDateTime(now)} ${host} ${req.clientIp}:${40000 + (now % 20000)} "${requestLine}" 200 ${byteLength(body)} "${req.userAgent}" 24.1µs` }] };
    }
    case "whoami": {
      const body = `Hostname: ${c.hostname}\nIP: 127.0.0.1\nIP: ${c.podIP}\nRemoteAddr: ${req.clientIp}:${40000 + (now % 20000)}\n${requestLine}\nHost: ${host}\nUser-Agent: ${req.userAgent}\nAccept: */*\n`;
      return { status: 200, body, logs: [] };
    }
    case "coredns":
      return { status: ok ? 200 : 404, body: ok ? "OK" : "404 page not found\n", logs: [] };
    default:
      return { status: ok ? 200 : 404, body: ok ? "ok" : "404 page not found\n", logs: [] };
  }
}
