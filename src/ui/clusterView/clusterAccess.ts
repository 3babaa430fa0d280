import { useEffect, useState } from "react";
import { ClusterImpl } from "../../sim";
import { currentSession } from "../../store";

/** The running cluster with its internals (etcd, scheduler, machines), for looking inside. */
export function clusterImpl(): ClusterImpl | null {
  const c = currentSession()?.cluster;
  return c instanceof ClusterImpl ? c : null;
}

/**
 * Re-renders every `ms` of wall time: what the inspector reads from inside the cluster (etcd
 * keys, rules, scheduler results, events) is not in the store and changes continuously.
 */
export function useTicker(ms = 500): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const t = setInterval(() => setTick((n) => n + 1), ms);
    return () => clearInterval(t);
  }, [ms]);
  return tick;
}
