import { describe, expect, it } from "vitest";
import type { EndpointSlice, Service } from "../../api/types";
import { chainName, computeRules, pickEndpoint } from "./proxyRules";
import { iptablesSave } from "./iptablesSave";

const svc: Service = {
  apiVersion: "v1",
  kind: "Service",
  metadata: { name: "web", namespace: "default" },
  spec: { type: "NodePort", clusterIP: "10.96.12.34", ports: [{ port: 80, protocol: "TCP", targetPort: 80, nodePort: 31234 }] },
};
const slice: EndpointSlice = {
  apiVersion: "discovery.k8s.io/v1",
  kind: "EndpointSlice",
  metadata: { name: "web-abcde", namespace: "default", labels: { "kubernetes.io/service-name": "web" } },
  addressType: "IPv4",
  ports: [{ name: "", port: 80, protocol: "TCP" }],
  endpoints: [
    { addresses: ["10.244.2.5"], conditions: { ready: true }, nodeName: "worker-2" },
    { addresses: ["10.244.1.7"], conditions: { ready: true }, nodeName: "worker-1" },
    { addresses: ["10.244.3.9"], conditions: { ready: false }, nodeName: "worker-3" },
  ],
};

describe("kube-proxy rules", () => {
  it("maps a service port to its endpoints, ready ones carrying traffic", () => {
    const rules = computeRules("iptables", [svc], [slice]);
    expect(rules.services).toHaveLength(1);
    const sp = rules.services[0];
    expect(sp.name).toBe("default/web");
    expect(sp.chain).toMatch(/^KUBE-SVC-[A-Z2-7]{16}$/);
    expect(sp.endpoints.map((e) => `${e.ip}:${e.ready}`)).toEqual(["10.244.1.7:true", "10.244.2.5:true", "10.244.3.9:false"]);
    expect(pickEndpoint(sp, 0)?.ip).toBe("10.244.1.7");
    expect(pickEndpoint(sp, 0.99)?.ip).toBe("10.244.2.5");
  });

  it("names chains deterministically", () => {
    expect(chainName("KUBE-SVC-", "default/webTCP")).toBe(chainName("KUBE-SVC-", "default/webTCP"));
    expect(chainName("KUBE-SVC-", "default/webTCP")).not.toBe(chainName("KUBE-SVC-", "default/apiTCP"));
  });

  it("renders iptables-save with the statistic split and DNAT per endpoint", () => {
    const out = iptablesSave(computeRules("iptables", [svc], [slice]));
    expect(out).toContain('-A KUBE-SERVICES -d 10.96.12.34/32 -p tcp -m comment --comment "default/web cluster IP" -m tcp --dport 80 -j KUBE-SVC-');
    expect(out).toContain("-m statistic --mode random --probability 0.5000000000");
    expect(out).toContain("-j DNAT --to-destination 10.244.1.7:80");
    expect(out).not.toContain("10.244.3.9");
    expect(out).toContain("--dport 31234");
  });

  it("rejects traffic to a service with no ready endpoints", () => {
    const out = iptablesSave(computeRules("iptables", [svc], []));
    expect(out).toContain('"default/web has no endpoints"');
    expect(out).toContain("REJECT");
  });
});
