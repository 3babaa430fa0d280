import { describe, expect, it } from "vitest";
import type { EndpointSlice, Service } from "../../api/types";
import { formatNslookup, resolvConf, resolve } from "./dnsRecords";

const svc = (name: string, ns: string, clusterIP: string): Service => ({ apiVersion: "v1", kind: "Service", metadata: { name, namespace: ns }, spec: { clusterIP } });
const services = [svc("web", "default", "10.96.12.34"), svc("kube-dns", "kube-system", "10.96.0.10"), svc("db", "default", "None")];
const lookupSvc = (ns: string, name: string) => services.find((s) => s.metadata.namespace === ns && s.metadata.name === name);
const slices = (ns: string, name: string): EndpointSlice[] =>
  ns === "default" && name === "db"
    ? [{ apiVersion: "discovery.k8s.io/v1", kind: "EndpointSlice", metadata: { name: "db-x", namespace: "default" }, addressType: "IPv4", endpoints: [{ addresses: ["10.244.2.4"], conditions: { ready: true } }, { addresses: ["10.244.1.9"], conditions: { ready: true } }] }]
    : [];

describe("CoreDNS records", () => {
  it("resolves short names through the search path", () => {
    expect(resolve("web", "default", lookupSvc, slices)).toEqual({ rcode: "NOERROR", name: "web.default.svc.cluster.local", addresses: ["10.96.12.34"] });
    expect(resolve("kube-dns.kube-system", "default", lookupSvc, slices).addresses).toEqual(["10.96.0.10"]);
    expect(resolve("web.default.svc.cluster.local", "kube-system", lookupSvc, slices).addresses).toEqual(["10.96.12.34"]);
  });

  it("answers headless services with pod IPs and unknown names with NXDOMAIN", () => {
    expect(resolve("db", "default", lookupSvc, slices).addresses).toEqual(["10.244.1.9", "10.244.2.4"]);
    expect(resolve("nope", "default", lookupSvc, slices).rcode).toBe("NXDOMAIN");
  });

  it("prints nslookup and resolv.conf as a pod sees them", () => {
    expect(formatNslookup("web", resolve("web", "default", lookupSvc, slices))).toBe("Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nName:\tweb.default.svc.cluster.local\nAddress: 10.96.12.34\n\n");
    expect(formatNslookup("nope", "timeout")).toContain("connection timed out");
    expect(resolvConf("default")).toBe("search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n");
  });
});
