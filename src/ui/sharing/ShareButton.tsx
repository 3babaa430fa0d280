import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { currentShareUrl, onReplayStatus, replayStatus } from "./startSharing";

/** "Share": the link that recreates this scenario (cluster profile and seed, manifests, faults). */
export function ShareButton() {
  const [open, setOpen] = useState(false);
  const [url, setUrl] = useState("");
  const [copied, setCopied] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const replay = useSyncExternalStore(onReplayStatus, replayStatus);
  const [hidden, setHidden] = useState<string | null>(null);
  // The replay's outcome shows for a while, then gets out of the way.
  useEffect(() => {
    if (!replay.message || replay.replaying) return;
    const t = setTimeout(() => setHidden(replay.message), 12_000);
    return () => clearTimeout(t);
  }, [replay]);

  useEffect(() => {
    if (open) input.current?.select();
  }, [open, url]);

  const toggle = () => {
    setUrl(currentShareUrl());
    setCopied(false);
    setOpen(!open);
  };
  const copy = () => {
    navigator.clipboard?.writeText(url).then(
      () => setCopied(true),
      () => input.current?.select(),
    );
  };

  return (
    <div className="share">
      <button type="button" className={`rail__tab${open ? " rail__tab--on" : ""}`} aria-expanded={open} onClick={toggle} title="A link that recreates this scenario">
        <span className="rail__icon rail__icon--share" aria-hidden="true" />
        Share
      </button>
      {open && (
        <div className="share__popover" role="dialog" aria-label="Share this scenario">
          <p>This link recreates the cluster (profile and seed), the manifests you applied and the faults you injected.</p>
          <input ref={input} className="share__url" readOnly value={url} aria-label="Scenario link" />
          <p style={{ marginTop: 8, display: "flex", gap: 8, alignItems: "center" }}>
            <button type="button" className="btn btn--small btn--primary" onClick={copy}>
              Copy link
            </button>
            {copied && <span role="status">Copied.</span>}
          </p>
        </div>
      )}
      {replay.message && replay.message !== hidden && (
        <p className="share__status" role="status">
          {replay.message}
        </p>
      )}
    </div>
  );
}
