import { formatClusterTime, selectMark, useAppStore } from "../../store";

/** Past notable events as marks along the cluster's time; a click shows what happened then. */
export function Timeline() {
  const marks = useAppStore((s) => s.marks);
  const now = useAppStore((s) => s.now);
  const origin = useAppStore((s) => s.origin);
  const selectedId = useAppStore((s) => s.selectedMark);
  const span = Math.max(now - origin, 60_000);
  const selected = marks.find((m) => m.id === selectedId);
  return (
    <div className="timeline" role="group" aria-label="Timeline">
      <div className="timeline__track">
        {marks.map((m) => (
          <button
            key={m.id}
            type="button"
            className={`mark mark--${m.tone}${m.id === selectedId ? " mark--selected" : ""}`}
            style={{ left: `${((m.at - origin) / span) * 100}%` }}
            aria-label={`${m.label} at ${formatClusterTime(m.at, origin)}`}
            title={`${formatClusterTime(m.at, origin)} — ${m.label}`}
            onClick={() => selectMark(m.id === selectedId ? null : m.id)}
          />
        ))}
        <span className="timeline__now" style={{ left: `${((now - origin) / span) * 100}%` }} aria-hidden="true" />
      </div>
      <div className="timeline__detail" aria-live="polite">
        {selected ? (
          <>
            <strong>
              {formatClusterTime(selected.at, origin)} · {selected.label}
            </strong>{" "}
            {selected.detail}
          </>
        ) : (
          <span className="muted">{marks.length ? `${marks.length} events — click a mark to see what happened` : "Notable events will appear here"}</span>
        )}
      </div>
    </div>
  );
}
