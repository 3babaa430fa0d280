import { useEffect, useRef } from "react";
import { formatClusterTime, selectCurrentNarration, selectLive, useAppStore } from "../../store";
import { componentNames } from "../diagram/flowElements";

const SHOWN = 40;

function who(id: string): string {
  return componentNames(id).label;
}

/** The live log: one plain sentence per hop. */
export function NarrationLog() {
  const narration = useAppStore((s) => s.narration);
  const focusSeq = useAppStore((s) => s.focusSeq);
  const origin = useAppStore((s) => s.origin);
  const live = useAppStore(selectLive);
  const listRef = useRef<HTMLOListElement>(null);
  const recent = narration.slice(-SHOWN);
  useEffect(() => {
    const el = listRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [narration]);
  return (
    <div className="narration">
      <ol className="narration__list" role="log" aria-label="Narration" aria-live="polite" ref={listRef}>
        {recent.length === 0 && (
          <li className="narration__empty">
            {live ? "The cluster is idle. Apply the example, or press Step, to follow what happens message by message." : "The cluster is starting: kubeadm brings up the control plane, then the workers join."}
          </li>
        )}
        {recent.map((n) => (
          <li key={n.seq} className={`narration__item${n.seq === focusSeq ? " narration__item--focus" : ""}`}>
            <span className="narration__time">{formatClusterTime(n.at, origin)}</span>
            <span className="narration__hop" title={n.from === n.to ? who(n.from) : `${who(n.from)} → ${who(n.to)}`}>
              {n.summary}
            </span>
            <span className="narration__text">{n.text}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}

/** Step mode: the current hop's narration, prominent over the diagram. */
export function StepCard() {
  const focusSeq = useAppStore((s) => s.focusSeq);
  const current = useAppStore(selectCurrentNarration);
  if (focusSeq === null || !current) return null;
  return (
    <div className="stepcard" aria-live="polite">
      <div className="stepcard__hop">
        <span className="stepcard__summary">{current.summary}</span>
        <span className="stepcard__route">
          {who(current.from)} → {who(current.to)}
        </span>
      </div>
      <p className="stepcard__text">{current.text}</p>
    </div>
  );
}
