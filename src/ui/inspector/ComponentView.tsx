import { select, selectComponentState, useAppStore, useAppStoreShallow } from "../../store";
import { clusterImpl } from "../clusterView";
import { COMPONENT_INFO } from "./componentInfo";
import { EtcdView } from "./EtcdView";
import { ProxyView } from "./ProxyView";
import { RecentMessages } from "./RecentMessages";
import { SchedulerView } from "./SchedulerView";

type Target = { id: string; role: string; node?: string };

/** Running, stopped, or — for a node's agents — the machine's state (partitioned, powered off). */
function useState(target: Target): string {
  const state = useAppStore(selectComponentState(target.id));
  const running = state === "running";
  const machine = target.node ? clusterImpl()?.machines.get(target.node)?.state : undefined;
  if (machine === "stopped") return "stopped (node powered off)";
  if (machine === "partitioned") return running ? "running, but cut off from the control plane (partitioned)" : "stopped (partitioned)";
  return state;
}

/** The pods bound to a node, as links. */
function NodePods({ node }: { node: string }) {
  const keys = useAppStoreShallow((s) => [...(s.podsByNode.get(node) ?? [])]);
  return (
    <section className="insp__section" aria-label="Pods on this node">
      <h3 className="panel__h">Pods on {node}</h3>
      <ul className="insp__list">
        {keys.map((k) => (
          <li key={k}>
            <button type="button" className="insp__link" onClick={() => select(`pod:${k}`)}>
              {k}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A component: what it does, whether it runs, what it has been saying, and its own internals. */
export function ComponentView({ target }: { target: Target }) {
  const info = COMPONENT_INFO[target.role];
  const state = useState(target);
  return (
    <>
      <section className="insp__section" aria-label="What it does">
        <p className="insp__about">{info?.text ?? "A component of the cluster."}</p>
        <p className="insp__facts">
          <span>
            state <strong className={state.startsWith("running") ? "insp__ok" : "insp__bad"}>{state}</strong>
          </span>
          {target.node && (
            <span>
              on{" "}
              <button type="button" className="insp__link" onClick={() => select(`node:${target.node}`)}>
                {target.node}
              </button>
            </span>
          )}
        </p>
      </section>
      {target.role === "etcd" && <EtcdView />}
      {target.role === "kube-scheduler" && <SchedulerView />}
      {target.role === "kube-proxy" && target.node && <ProxyView node={target.node} />}
      {target.role === "kubelet" && target.node && <NodePods node={target.node} />}
      <RecentMessages id={target.id} />
    </>
  );
}
