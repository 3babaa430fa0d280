import type { KubeEvent, KubeObject } from "../../sim/api";
import { canonical, toYaml, translateTimestampSince } from "../../kubectl/printers";
import { appStore, inspectPod, select, useAppStore } from "../../store";
import { clusterImpl } from "../clusterView";
import { ownerChain } from "./ownerChain";
import { objectSelection } from "./selection";

type Target = { resource: string; namespace: string | undefined; name: string };

/** An object from the store's mirror, or straight from the cluster for kinds it does not mirror. */
function lookup(resource: string, namespace: string | undefined, name: string): KubeObject | undefined {
  const key = namespace ? `${namespace}/${name}` : name;
  const mirrored = (appStore.getState().objects as Record<string, ReadonlyMap<string, KubeObject>>)[resource];
  if (mirrored) return mirrored.get(key);
  return clusterImpl()?.list(resource, namespace).find((o) => o.metadata.name === name);
}

function eventsOf(obj: KubeObject): KubeEvent[] {
  const impl = clusterImpl();
  if (!impl) return [];
  const ns = obj.metadata.namespace ?? "default";
  return impl
    .list<KubeEvent>("events", ns)
    .filter((e) => e.involvedObject.name === obj.metadata.name && e.involvedObject.kind === obj.kind)
    .sort((a, b) => (a.lastTimestamp ?? "").localeCompare(b.lastTimestamp ?? ""));
}

/** Any object: its owner chain, its events and its YAML as `kubectl get -o yaml` prints it. */
export function ObjectView({ target }: { target: Target }) {
  // Re-render when the mirrored object changes (and on the inspector's tick for the rest).
  useAppStore((s) => (s.objects as Record<string, ReadonlyMap<string, KubeObject>>)[target.resource]?.get(target.namespace ? `${target.namespace}/${target.name}` : target.name));
  const now = clusterImpl()?.now() ?? 0;
  const obj = lookup(target.resource, target.namespace, target.name);
  if (!obj) return <p className="panel__hint">{target.name} no longer exists.</p>;
  const chain = ownerChain(obj, lookup);
  const events = eventsOf(obj);
  return (
    <>
      {chain.length > 0 && (
        <section className="insp__section" aria-label="Owner chain">
          <h3 className="panel__h">Owner chain</h3>
          <ol className="insp__chain">
            <li>
              {obj.kind} <span className="mono">{obj.metadata.name}</span>
            </li>
            {chain.map((o) => (
              <li key={`${o.kind}/${o.name}`}>
                owned by {o.kind}{" "}
                {o.resource && o.exists ? (
                  <button type="button" className="insp__link" onClick={() => select(objectSelection(o.resource!, o.namespace, o.name))}>
                    {o.name}
                  </button>
                ) : (
                  <span className="mono">{o.name}</span>
                )}
                {!o.exists && " (gone)"}
              </li>
            ))}
          </ol>
        </section>
      )}
      {obj.kind === "Pod" && (
        <p className="insp__facts">
          <button type="button" className="btn btn--small" onClick={() => (inspectPod(`${obj.metadata.namespace ?? "default"}/${obj.metadata.name ?? ""}`), select("kube-scheduler"))}>
            Why this node? (kube-scheduler)
          </button>
        </p>
      )}
      <section className="insp__section" aria-label="Events">
        <h3 className="panel__h">Events</h3>
        {events.length === 0 ? (
          <p className="panel__hint">&lt;none&gt;</p>
        ) : (
          <table className="insp__table">
            <thead>
              <tr>
                <th>type</th>
                <th>reason</th>
                <th>age</th>
                <th>from</th>
                <th>message</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.metadata.name} className={e.type === "Warning" ? "insp__warn" : undefined}>
                  <td>{e.type}</td>
                  <td>{e.reason}</td>
                  <td className="num">
                    {translateTimestampSince(e.lastTimestamp, now)}
                    {(e.count ?? 1) > 1 ? ` (x${e.count})` : ""}
                  </td>
                  <td>{e.source?.component ?? e.reportingComponent ?? ""}</td>
                  <td>{e.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="insp__section" aria-label="YAML">
        <h3 className="panel__h">kubectl get {target.resource} {target.name} -o yaml</h3>
        <pre className="insp__pre">{toYaml(canonical(obj))}</pre>
      </section>
    </>
  );
}
