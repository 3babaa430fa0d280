import { memo } from "react";
import { formatClusterTime, selectMark, useAppStore } from "../../store";
import { bucketMarks, timelineSpan } from "./timelineBuckets";

/** The marks re-render when marks or the (stepped) scale change, not every frame. */
const Marks = memo(function Marks({ span, origin }: { span: number; origin: number }) {
  const marks = useAppStore((s) => s.marks);
  const selectedId = useAppStore((s) => s.selectedMark);
  return (
    <>
      {bucketMarks(marks, origin, span).map(({ pos, mark, count }) => (
        <button
          key={mark.id}
          type="button"
          className={`mark mark--${mark.tone}${mark.id === selectedId ? " mark--selected" : ""}`}
          style={{ left: `${pos * 100}%` }}
          aria-label={`${mark.label} at ${formatClusterTime(mark.at, origin)}${count > 1 ? ` (and ${count - 1} more)` : ""}`}
          title={`${formatClusterTime(mark.at, origin)} — ${mark.label}${count > 1 ? ` (+${count - 1} more)` : ""}`}
          onClick={() => selectMark(mark.id === selectedId ? null : mark.id)}
        />
      ))}
    </>
  );
});

function NowCursor({ span, origin }: { span: number; origin: number }) {
  const now = useAppStore((s) => s.now);
  return <span className="timeline__now" style={{ left: `${((now - origin) / span) * 100}%` }} aria-hidden="true" />;
}

function Detail({ origin }: { origin: number }) {
  const count = useAppStore((s) => s.marks.length);
  const selected = useAppStore((s) => s.marks.find((m) => m.id === s.selectedMark));
  return (
    <div className="timeline__detail" aria-live="polite">
      {selected ? (
        <>
          <strong>
            {formatClusterTime(selected.at, origin)} · {selected.label}
          </strong>{" "}
          {selected.detail}
        </>
      ) : (
        <span className="muted">{count ? `${count} events — click a mark to see what happened` : "Notable events will appear here"}</span>
      )}
    </div>
  );
}

/** Past notable events as marks along the cluster's time; a click shows what happened then. */
export function Timeline() {
  const origin = useAppStore((s) => s.origin);
  const span = useAppStore((s) => timelineSpan(s.now - s.origin));
  return (
    <div className="timeline" role="group" aria-label="Timeline">
      <div className="timeline__track">
        <Marks span={span} origin={origin} />
        <NowCursor span={span} origin={origin} />
      </div>
      <Detail origin={origin} />
    </div>
  );
}
