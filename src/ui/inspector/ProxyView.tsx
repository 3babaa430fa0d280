import { iptablesSave, ipvsadmList } from "../../sim/components/proxy";
import { clusterImpl } from "../clusterView";

/** kube-proxy on one node: the Service ports it programs and its rules as iptables-save / ipvsadm print them. */
export function ProxyView({ node }: { node: string }) {
  const machine = clusterImpl()?.machines.get(node);
  if (!machine) return <p className="panel__hint">Node {node} is gone.</p>;
  const rules = machine.proxy.rules;
  const dump = rules.mode === "iptables" ? iptablesSave(rules) : ipvsadmList(rules);
  return (
    <>
      <p className="insp__facts">
        <span>
          mode <strong>{rules.mode}</strong>
        </span>
        <span>
          <strong>{rules.services.length}</strong> service ports
        </span>
      </p>
      <section className="insp__section" aria-label="Services">
        <h3 className="panel__h">Services → endpoints</h3>
        <table className="insp__table">
          <thead>
            <tr>
              <th>service port</th>
              <th>cluster IP</th>
              <th>ready endpoints</th>
            </tr>
          </thead>
          <tbody>
            {rules.services.map((s) => (
              <tr key={`${s.name}/${s.protocol}`}>
                <td className="mono">{s.name}</td>
                <td className="mono">
                  {s.clusterIP}:{s.port}/{s.protocol}
                  {s.nodePort ? ` (node ${s.nodePort})` : ""}
                </td>
                <td className="mono">
                  {s.endpoints
                    .filter((e) => e.ready)
                    .map((e) => `${e.ip}:${e.port}`)
                    .join(", ") || "none"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="insp__section" aria-label={rules.mode === "iptables" ? "iptables rules" : "IPVS services"}>
        <h3 className="panel__h">{rules.mode === "iptables" ? "iptables-save -t nat (KUBE-* chains)" : "ipvsadm -Ln"}</h3>
        <pre className="insp__pre">{dump}</pre>
      </section>
    </>
  );
}
