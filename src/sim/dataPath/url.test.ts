import { describe, expect, it } from "vitest";
import { isIPv4, parseUrl } from "./url";

describe("parseUrl", () => {
  it("reads scheme, host, port and path as curl does", () => {
    expect(parseUrl("http://web")).toEqual({ scheme: "http", host: "web", port: 80, path: "/", hostHeader: "web" });
    expect(parseUrl("web:8080/healthz?x=1")).toEqual({ scheme: "http", host: "web", port: 8080, path: "/healthz?x=1", hostHeader: "web:8080" });
    expect(parseUrl("https://10.96.0.1")).toMatchObject({ scheme: "https", host: "10.96.0.1", port: 443 });
    expect(parseUrl("http://Web.Default.svc.cluster.local./")?.host).toBe("web.default.svc.cluster.local.");
  });

  it("rejects what curl cannot use", () => {
    expect(parseUrl("ftp://web")).toBeUndefined();
    expect(parseUrl("http://web:99999")).toBeUndefined();
    expect(parseUrl("http:// web")).toBeUndefined();
    expect(parseUrl("")).toBeUndefined();
  });

  it("tells IPv4 literals from names", () => {
    expect(isIPv4("10.244.1.5")).toBe(true);
    expect(isIPv4("10.244.1.256")).toBe(false);
    expect(isIPv4("web")).toBe(false);
  });
});
