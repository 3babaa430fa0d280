import { formatClusterTime, setSmart, setSpeed, SPEEDS, stepHop, togglePlay, useAppStore } from "../../store";

function speedLabel(s: number): string {
  return `×${s}`;
}

/** Cluster clock: virtual time, always visible so real durations stay honest. */
export function ClusterClock() {
  const now = useAppStore((s) => s.now);
  const origin = useAppStore((s) => s.origin);
  return (
    <div className="clock" role="timer" aria-label="Cluster time" aria-live="off">
      <span className="clock__caption">cluster time</span>
      <span className="clock__value">t = {formatClusterTime(now, origin)}</span>
    </div>
  );
}

export function PlaybackBar() {
  const playing = useAppStore((s) => s.playing);
  const speed = useAppStore((s) => s.speed);
  const smart = useAppStore((s) => s.smart);
  return (
    <div className="playback" role="group" aria-label="Playback">
      <button type="button" className="btn btn--icon" onClick={togglePlay} aria-label={playing ? "Pause" : "Play"} title={playing ? "Pause (Space)" : "Play (Space)"}>
        {playing ? (
          <svg viewBox="0 0 16 16" aria-hidden="true">
            <rect x="3" y="2" width="3.5" height="12" rx="1" />
            <rect x="9.5" y="2" width="3.5" height="12" rx="1" />
          </svg>
        ) : (
          <svg viewBox="0 0 16 16" aria-hidden="true">
            <path d="M4 2.5v11l9.5-5.5z" />
          </svg>
        )}
      </button>
      <button type="button" className="btn" onClick={stepHop} title="Advance to the next hop (→)">
        Step
      </button>
      <label className="speed">
        <span className="visually-hidden">Speed</span>
        <select aria-label="Speed" value={speed} onChange={(e) => setSpeed(Number(e.target.value))} title="Speed (+/−)">
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {speedLabel(s)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" role="switch" aria-checked={smart} className={`switch${smart ? " switch--on" : ""}`} onClick={() => setSmart(!smart)} title="Idle time passes quickly, bursts of messages slowly">
        <span className="switch__track" aria-hidden="true">
          <span className="switch__thumb" />
        </span>
        Smart speed
      </button>
      <ClusterClock />
    </div>
  );
}

