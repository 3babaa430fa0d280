/** The parts of a curl URL the data path needs. */
export interface ParsedUrl {
  scheme: "http" | "https";
  host: string;
  port: number;
  /** Path and query, at least `/`. */
  path: string;
  /** What curl sends as the Host header (`web`, `web:8080`). */
  hostHeader: string;
}

/** Parses `http://web`, `web:8080/healthz`, `https://10.96.0.1`: curl assumes http:// without a scheme. */
export function parseUrl(url: string): ParsedUrl | undefined {
  const m = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?([^/:?#\s]+)(?::(\d{1,5}))?([/?][^\s#]*)?(?:#.*)?$/.exec(url.trim());
  if (!m) return undefined;
  const scheme = (m[1] ?? "http").toLowerCase();
  if (scheme !== "http" && scheme !== "https") return undefined;
  const port = m[3] ? Number(m[3]) : scheme === "https" ? 443 : 80;
  if (port < 1 || port > 65535) return undefined;
  const path = m[4] ? (m[4].startsWith("?") ? `/${m[4]}` : m[4]) : "/";
  const host = m[2].toLowerCase();
  return { scheme, host, port, path, hostHeader: m[3] ? `${host}:${port}` : host };
}

/** True for a dotted IPv4 literal. */
export function isIPv4(host: string): boolean {
  const parts = host.split(".");
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}
