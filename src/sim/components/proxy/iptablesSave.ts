import type { ProxyRules } from "./proxyRules";

/** `iptables-save -t nat` for the KUBE-* chains, as kube-proxy (iptables mode) writes them. */
export function iptablesSave(rules: ProxyRules): string {
  const lines: string[] = ["*nat", ":KUBE-SERVICES - [0:0]", ":KUBE-NODEPORTS - [0:0]", ":KUBE-POSTROUTING - [0:0]", ":KUBE-MARK-MASQ - [0:0]"];
  for (const s of rules.services) {
    if (s.endpoints.some((e) => e.ready)) lines.push(`:${s.chain} - [0:0]`);
    for (const e of s.endpoints) if (e.ready) lines.push(`:${e.chain} - [0:0]`);
  }
  for (const s of rules.services) {
    const comment = `"${s.name} cluster IP"`;
    const proto = s.protocol.toLowerCase();
    if (!s.endpoints.some((e) => e.ready)) {
      lines.push(`-A KUBE-SERVICES -d ${s.clusterIP}/32 -p ${proto} -m comment --comment "${s.name} has no endpoints" -m ${proto} --dport ${s.port} -j REJECT --reject-with icmp-port-unreachable`);
      continue;
    }
    lines.push(`-A KUBE-SERVICES -d ${s.clusterIP}/32 -p ${proto} -m comment --comment ${comment} -m ${proto} --dport ${s.port} -j ${s.chain}`);
    if (s.nodePort) lines.push(`-A KUBE-NODEPORTS -p ${proto} -m comment --comment "${s.name}" -m ${proto} --dport ${s.nodePort} -j ${s.chain}`);
    for (const ip of s.loadBalancerIPs) lines.push(`-A KUBE-SERVICES -d ${ip}/32 -p ${proto} -m comment --comment "${s.name} loadbalancer IP" -m ${proto} --dport ${s.port} -j ${s.chain}`);
    const ready = s.endpoints.filter((e) => e.ready);
    ready.forEach((e, i) => {
      const left = ready.length - i;
      const stat = left > 1 ? ` -m statistic --mode random --probability ${(1 / left).toFixed(10)}` : "";
      lines.push(`-A ${s.chain} -m comment --comment "${s.name} -> ${e.ip}:${e.port}"${stat} -j ${e.chain}`);
    });
    for (const e of ready) {
      lines.push(`-A ${e.chain} -s ${e.ip}/32 -m comment --comment "${s.name}" -j KUBE-MARK-MASQ`);
      lines.push(`-A ${e.chain} -p ${proto} -m comment --comment "${s.name}" -m ${proto} -j DNAT --to-destination ${e.ip}:${e.port}`);
    }
  }
  lines.push("-A KUBE-SERVICES -m comment --comment \"kubernetes service nodeports; NOTE: this must be the last rule in this chain\" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS", "COMMIT");
  return lines.join("\n") + "\n";
}

/** `ipvsadm -Ln` for the virtual servers kube-proxy (ipvs mode) programs. */
export function ipvsadmList(rules: ProxyRules): string {
  const lines = ["IP Virtual Server version 1.2.1 (size=4096)", "Prot LocalAddress:Port Scheduler Flags", "  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn"];
  for (const s of rules.services) {
    lines.push(`${s.protocol}  ${s.clusterIP}:${s.port} rr`);
    for (const e of s.endpoints) if (e.ready) lines.push(`  -> ${`${e.ip}:${e.port}`.padEnd(28)} Masq    1      0          0`);
  }
  return lines.join("\n") + "\n";
}
