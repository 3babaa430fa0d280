import { useState } from "react";
import { etcdKey, resourceByPlural } from "../../sim/api";
import { formatClusterTime, messageLog, useAppStore } from "../../store";
import { clusterImpl } from "../clusterView";

const SHOWN_KEYS = 150;

/** etcd: its revision, the keys under /registry with their revisions, the latest writes. */
export function EtcdView() {
  const origin = useAppStore((s) => s.origin);
  const [filter, setFilter] = useState("");
  const store = clusterImpl()?.etcd.store;
  if (!store) return null;
  const keys = store.keys().filter((k) => k.includes(filter));
  const writes = messageLog().latestWrites().slice(0, 12);
  const keyOf = (resource: string, ns: string | undefined, name: string) => {
    const info = resourceByPlural(resource);
    return info ? etcdKey(info, ns, name) : `/registry/${resource}/${ns ? `${ns}/` : ""}${name}`;
  };
  return (
    <>
      <p className="insp__facts">
        <span>
          revision <strong>{store.revision}</strong>
        </span>
        <span>
          <strong>{keys.length}</strong> {filter ? "matching keys" : "keys"}
        </span>
      </p>
      <section className="insp__section" aria-label="Latest writes">
        <h3 className="panel__h">Latest writes</h3>
        <table className="insp__table">
          <thead>
            <tr>
              <th>rev</th>
              <th>time</th>
              <th>op</th>
              <th>key</th>
            </tr>
          </thead>
          <tbody>
            {writes.map((w) => (
              <tr key={w.revision}>
                <td className="num">{w.revision}</td>
                <td className="num">{formatClusterTime(w.at, origin)}</td>
                <td>{w.type === "DELETED" ? "delete" : "put"}</td>
                <td className="mono">{keyOf(w.resource, w.namespace, w.name)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="insp__section" aria-label="Keys">
        <h3 className="panel__h">Keys</h3>
        <input className="insp__filter" type="search" placeholder="Filter keys (e.g. /registry/pods/default)" aria-label="Filter keys" value={filter} onChange={(e) => setFilter(e.target.value)} />
        <table className="insp__table">
          <thead>
            <tr>
              <th>key</th>
              <th title="revision of the last write">mod</th>
              <th title="number of writes since created">ver</th>
            </tr>
          </thead>
          <tbody>
            {keys.slice(0, SHOWN_KEYS).map((k) => {
              const e = store.get(k);
              return (
                <tr key={k}>
                  <td className="mono">{k}</td>
                  <td className="num">{e?.modRevision}</td>
                  <td className="num">{e?.version}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {keys.length > SHOWN_KEYS && <p className="panel__hint">…and {keys.length - SHOWN_KEYS} more: filter to narrow.</p>}
      </section>
    </>
  );
}
