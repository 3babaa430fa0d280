import { describeResult } from "../../sim/components/scheduler";
import { formatClusterTime, inspectPod, useAppStore } from "../../store";
import { clusterImpl } from "../clusterView";
import { schedulerTable, type FilterCell } from "./schedulerTable";

function FilterTd({ cell, chosen }: { cell: FilterCell; chosen: boolean }) {
  const col = chosen ? " sched__col--chosen" : "";
  if (cell.result === "fail") {
    return (
      <td className={`sched__fail${col}`}>
        <span aria-hidden="true">✗ </span>fail<span className="sched__reason">{cell.reason}</span>
      </td>
    );
  }
  if (cell.result === "pass") return <td className={`sched__pass${col}`}>✓ pass</td>;
  return <td className={`sched__na${col}`}>{cell.result}</td>;
}

/** kube-scheduler: its last attempt for a pod, every node × every filter and score plugin. */
export function SchedulerView() {
  const inspectedPod = useAppStore((s) => s.inspectedPod);
  const origin = useAppStore((s) => s.origin);
  const scheduler = clusterImpl()?.scheduler;
  if (!scheduler) return null;
  const recent = scheduler.results.recent(30);
  const podKey = inspectedPod && scheduler.results.get(inspectedPod) ? inspectedPod : recent[0]?.podKey;
  const result = podKey ? scheduler.results.get(podKey) : undefined;
  const options = [...new Set([...(podKey ? [podKey] : []), ...recent.map((r) => r.podKey)])];
  return (
    <section className="insp__section sched" aria-label="Scheduling decision">
      <h3 className="panel__h">Last scheduling attempt</h3>
      {options.length === 0 ? (
        <p className="panel__hint">No pod has been scheduled yet: apply a manifest, then come back.</p>
      ) : (
        <label className="sched__pick">
          Pod{" "}
          <select aria-label="Pod" value={podKey} onChange={(e) => inspectPod(e.target.value)}>
            {options.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
      )}
      {result && (
        <>
          <p className="insp__facts">
            <span>at {formatClusterTime(result.at, origin)}</span>
            <span>
              {result.node ? (
                <>
                  chosen <strong className="sched__chosen-name">{result.node}</strong>
                </>
              ) : (
                <strong className="sched__unsched">unschedulable</strong>
              )}
            </span>
            <span>
              {result.feasibleNodes}/{result.numAllNodes} nodes feasible
            </span>
          </p>
          {result.message && <p className="sched__message">{result.message}</p>}
          {result.detailed ? <Table result={result} /> : <p className="panel__hint">The per-node detail of this older attempt was dropped to save memory.</p>}
        </>
      )}
    </section>
  );
}

function Table({ result }: { result: Parameters<typeof describeResult>[0] }) {
  const t = schedulerTable(result, describeResult(result));
  const chosenCol = (i: number) => (t.nodes[i] === t.chosen ? " sched__col--chosen" : "");
  return (
    <div className="sched__scroll">
      <table className="insp__table sched__table" aria-label="Filter and score plugins per node">
        <thead>
          <tr>
            <th scope="col">plugin</th>
            {t.nodes.map((n, i) => (
              <th scope="col" key={n} className={chosenCol(i).trim()}>
                {n}
                {n === t.chosen && <span className="sched__badge">chosen</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr className="sched__group">
            <th colSpan={t.nodes.length + 1}>Filter</th>
          </tr>
          {t.filterRows.map((row) => (
            <tr key={`f-${row.plugin}`}>
              <th scope="row">{row.plugin}</th>
              {row.cells.map((c, i) => (
                <FilterTd key={t.nodes[i]} cell={c} chosen={t.nodes[i] === t.chosen} />
              ))}
            </tr>
          ))}
          <tr className="sched__group">
            <th colSpan={t.nodes.length + 1}>Score (normalised × weight)</th>
          </tr>
          {t.scoreRows.map((row) => (
            <tr key={`s-${row.plugin}`}>
              <th scope="row">
                {row.plugin} <span className="sched__weight">×{row.weight}</span>
              </th>
              {row.cells.map((c, i) => (
                <td key={t.nodes[i]} className={`num${chosenCol(i)}`}>
                  {c === null ? "—" : row.skipped ? "skip" : `${c.score} → ${c.weighted}`}
                </td>
              ))}
            </tr>
          ))}
          <tr className="sched__total">
            <th scope="row">total</th>
            {t.totals.map((v, i) => (
              <td key={t.nodes[i]} className={`num${chosenCol(i)}`}>
                {v ?? "—"}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
      {t.totals.every((v) => v === null) && t.chosen && <p className="panel__hint">Only one node passed the filters, so nothing was scored.</p>}
    </div>
  );
}
