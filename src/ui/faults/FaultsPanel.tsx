import { useState } from "react";
import { CONTROL_PLANE_COMPONENTS, PROFILES, type Fault, type ProfileName } from "../../sim";
import { appStore, currentSession, naturalCompare, rebootCluster, recordStep, selectNodeReadiness, useAppStore, useAppStoreShallow } from "../../store";
import { clusterImpl, useTicker } from "../clusterView";
import { simLineFor } from "./simLine";
import "./faults.css";

type Result = { ok: boolean; text: string } | null;

function NodeRow({ name, state, onFault }: { name: string; state: string; onFault: (f: Fault) => void }) {
  const readiness = useAppStore(selectNodeReadiness(name)) ?? "Unknown";
  const stopped = state === "stopped";
  const partitioned = state === "partitioned";
  return (
    <li className="fault__row">
      <span className="fault__line">
        <span className="fault__name">{name}</span>
        <span className={`fault__state fault__state--${readiness.toLowerCase()}`}>{readiness}</span>
        {state !== "running" && <span className="fault__machine">machine {state}</span>}
      </span>
      <span className="fault__buttons">
        <button type="button" className="btn btn--small" disabled={partitioned} onClick={() => onFault({ type: stopped ? "node-start" : "node-stop", node: name })}>
          {stopped ? `Start ${name}` : `Stop ${name}`}
        </button>
        <button type="button" className="btn btn--small" disabled={stopped} onClick={() => onFault({ type: partitioned ? "node-heal" : "node-partition", node: name })}>
          {partitioned ? `Heal ${name}` : `Partition ${name}`}
        </button>
      </span>
    </li>
  );
}

/** The instructor's fault panel: power and network faults, control-plane outages, crashes, reset. */
export default function FaultsPanel() {
  useTicker(700);
  const [result, setResult] = useState<Result>(null);
  const [resetting, setResetting] = useState<ProfileName | null>(null);
  const nodes = useAppStoreShallow((s) => [...s.objects.nodes.keys()].sort(naturalCompare));
  const components = useAppStore((s) => s.components);
  const selected = useAppStore((s) => s.selected);
  const profile = useAppStore((s) => s.profile);
  const impl = clusterImpl();
  const pod = selected?.startsWith("pod:") ? selected.slice(4) : null;

  const inject = (fault: Fault) => {
    const cluster = currentSession()?.cluster;
    if (!cluster) return;
    try {
      const text = cluster.inject(fault);
      recordStep({ sim: simLineFor(fault) });
      setResult({ ok: true, text });
    } catch (e) {
      setResult({ ok: false, text: e instanceof Error ? e.message : String(e) });
    }
  };

  const reset = (next: ProfileName) => {
    const { seed, workers } = appStore.getState();
    setResetting(next);
    setResult(null);
    void rebootCluster({ profile: next, seed, workers }).then(
      () => {
        setResetting(null);
        setResult({ ok: true, text: `A fresh cluster (${next} timings, seed ${seed}) is up.` });
      },
      (e: unknown) => {
        setResetting(null);
        setResult({ ok: false, text: e instanceof Error ? e.message : String(e) });
      },
    );
  };

  return (
    <section className="panel faults" aria-label="Faults">
      <header className="panel__head">
        <h2 className="panel__title">Faults</h2>
      </header>
      <div className="panel__body">
        <p className="panel__hint">
          {profile === "real" ? "Real timings" : "Classroom timings"}: a stopped node turns NotReady after the {PROFILES[profile].controllers.nodeMonitorGracePeriodMs / 1000} s grace period and its pods are evicted {PROFILES[profile].controllers.defaultTolerationSeconds} s later. Raise the speed to make the wait short.
        </p>
        <section className="fault__section" aria-label="Nodes">
          <h3 className="panel__h">Nodes</h3>
          <ul className="fault__list">
            {nodes.map((n) => (
              <NodeRow key={n} name={n} state={impl?.machines.get(n)?.state ?? "running"} onFault={inject} />
            ))}
          </ul>
          <button type="button" className="btn btn--small" onClick={() => inject({ type: "node-add" })}>
            Add node
          </button>
        </section>
        <section className="fault__section" aria-label="Control plane">
          <h3 className="panel__h">Control plane</h3>
          <ul className="fault__grid">
            {CONTROL_PLANE_COMPONENTS.map((c) => {
              const running = components[c]?.running ?? true;
              return (
                <li key={c}>
                  <button type="button" className={`btn btn--small${running ? "" : " btn--danger"}`} onClick={() => inject({ type: running ? "component-stop" : "component-start", component: c })}>
                    {running ? `Stop ${c}` : `Start ${c}`}
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
        <section className="fault__section" aria-label="Pod">
          <h3 className="panel__h">Selected pod</h3>
          {pod ? (
            <button type="button" className="btn btn--small" onClick={() => inject({ type: "pod-crash", namespace: pod.slice(0, pod.indexOf("/")), name: pod.slice(pod.indexOf("/") + 1) })}>
              Crash {pod.slice(pod.indexOf("/") + 1)}
            </button>
          ) : (
            <p className="panel__hint">Select a pod on the diagram to crash its container.</p>
          )}
        </section>
        <section className="fault__section" aria-label="Cluster">
          <h3 className="panel__h">Cluster</h3>
          <div className="fault__profile" role="radiogroup" aria-label="Profile">
            {(["real", "fast"] as const).map((p) => (
              <label key={p} className="fault__radio">
                <input type="radio" name="profile" value={p} checked={(resetting ?? profile) === p} disabled={resetting !== null} onChange={() => reset(p)} />
                {p === "real" ? "real (Kubernetes defaults)" : "fast (classroom timings)"}
              </label>
            ))}
          </div>
          <button type="button" className="btn btn--small btn--danger" disabled={resetting !== null} onClick={() => reset(profile)}>
            Reset cluster
          </button>
        </section>
        <output className={`fault__result${result && !result.ok ? " fault__result--bad" : ""}`} aria-label="Fault result" aria-live="polite">
          {resetting ? "Booting a fresh cluster…" : (result?.text ?? "")}
        </output>
      </div>
    </section>
  );
}
