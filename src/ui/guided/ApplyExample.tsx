import { useState } from "react";
import { applyNginxExample } from "../../store";

/** The first-visit guided start: one obvious action. */
export function ApplyExample() {
  const [result, setResult] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const onClick = () => {
    setBusy(true);
    applyNginxExample().then(
      (res) => {
        setBusy(false);
        setResult(res.ok ? "deployment.apps/nginx created" : `Error from server (${res.error.reason}): ${res.error.message}`);
      },
      (e: unknown) => {
        setBusy(false);
        setResult(e instanceof Error ? e.message : String(e));
      },
    );
  };
  return (
    <div className="guided">
      <button type="button" className="btn btn--primary" onClick={onClick} disabled={busy}>
        Apply example: nginx Deployment
      </button>
      {result && (
        <output className="guided__result" aria-live="polite">
          {result}
        </output>
      )}
    </div>
  );
}
