import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { appStore, loadManifest, setApplyStatus, useAppStore } from "../../store";
import { applyManifest } from "./applyManifest";
import { createManifestEditor, type ManifestEditor } from "./codemirrorSetup";
import { exampleById, EXAMPLES } from "./examples";
import { lintManifest, type ManifestProblem } from "./lintManifest";
import "./editor.css";

/** Lint results for the problems list, recomputed when the text settles. */
function useProblems(text: string): ManifestProblem[] {
  const [problems, setProblems] = useState<ManifestProblem[]>(() => lintManifest(text).problems);
  useEffect(() => {
    const t = setTimeout(() => setProblems(lintManifest(text).problems), 250);
    return () => clearTimeout(t);
  }, [text]);
  return problems;
}

/** The manifest editor: CodeMirror with YAML, live validation, examples and Apply. */
export default function EditorPanel() {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<ManifestEditor | null>(null);
  const text = useAppStore((s) => s.manifest);
  const seq = useAppStore((s) => s.manifestSeq);
  const exampleId = useAppStore((s) => s.exampleId);
  const status = useAppStore((s) => s.applyStatus);
  const playing = useAppStore((s) => s.playing);
  const problems = useProblems(text);
  const example = exampleId ? exampleById(exampleId) : undefined;

  const apply = useCallback(() => {
    if (appStore.getState().applyStatus?.tone === "busy") return;
    setApplyStatus({ tone: "busy", text: "Applying…" });
    void applyManifest(appStore.getState().manifest).then(setApplyStatus);
  }, []);

  useEffect(() => {
    if (!host.current) return;
    // A first visit starts from the nginx example.
    if (!appStore.getState().manifest.trim()) loadManifest(EXAMPLES[0].yaml, EXAMPLES[0].id);
    const ed = createManifestEditor(host.current, appStore.getState().manifest, apply);
    editor.current = ed;
    return () => {
      ed.destroy();
      editor.current = null;
    };
  }, [apply]);

  // Text replaced from outside (an example, a shared link): load it into the editor.
  useEffect(() => {
    editor.current?.setText(appStore.getState().manifest);
  }, [seq]);

  const onExample = (id: string) => {
    const ex = exampleById(id);
    if (ex) loadManifest(ex.yaml, ex.id);
    editor.current?.focus();
  };

  const summary = useMemo(() => (problems.length === 0 ? "No problems" : `${problems.length} problem${problems.length > 1 ? "s" : ""}`), [problems]);

  return (
    <section className="panel editor" aria-label="Manifest editor">
      <header className="panel__head">
        <h2 className="panel__title">Manifest editor</h2>
        <label className="editor__examples">
          <span className="visually-hidden">Examples</span>
          <select aria-label="Examples" value={exampleId ?? ""} onChange={(e) => onExample(e.target.value)}>
            <option value="" disabled>
              Examples…
            </option>
            {EXAMPLES.map((ex) => (
              <option key={ex.id} value={ex.id}>
                {ex.title}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="btn btn--primary btn--small" onClick={apply} disabled={status?.tone === "busy"} title="kubectl apply -f - (Ctrl+Enter)">
          Apply
        </button>
      </header>
      {example && (
        <p className="editor__watch" aria-label="What to watch">
          <strong>Watch:</strong> {example.watch}
        </p>
      )}
      <div className="editor__cm" ref={host} />
      <div className="editor__foot">
        <p className={`editor__summary${problems.length ? " editor__summary--bad" : ""}`}>{summary}</p>
        {problems.length > 0 && (
          <ul className="editor__problems" aria-label="Problems">
            {problems.slice(0, 6).map((p) => (
              <li key={`${p.from}:${p.message}`}>
                <button type="button" className="editor__problem" onClick={() => editor.current?.reveal(p.from)}>
                  <span className="editor__line">line {p.line}</span> {p.message}
                </button>
              </li>
            ))}
          </ul>
        )}
        <output className={`editor__result editor__result--${status?.tone ?? "none"}`} aria-label="Apply result" aria-live="polite">
          {status ? status.text : "Apply runs kubectl apply -f - with this text (Ctrl+Enter)."}
          {status?.tone === "busy" && !playing ? " The cluster is paused: press Play." : ""}
        </output>
      </div>
    </section>
  );
}
