/** CodeMirror 6 for manifests: YAML, live validation squiggles, field completion, Ctrl/Cmd+Enter. */
import { basicSetup, EditorView } from "codemirror";
import { autocompletion, type CompletionContext, type CompletionResult } from "@codemirror/autocomplete";
import { yaml } from "@codemirror/lang-yaml";
import { linter, lintGutter, type Diagnostic } from "@codemirror/lint";
import { EditorSelection, Prec } from "@codemirror/state";
import { keymap } from "@codemirror/view";
import { setManifestText } from "../../store";
import { fieldCompletions } from "./fieldCompletion";
import { lintManifest } from "./lintManifest";

export interface ManifestEditor {
  /** Replaces the whole text (no-op when equal). */
  setText(text: string): void;
  focus(): void;
  /** Moves the cursor to an offset and scrolls it into view. */
  reveal(offset: number): void;
  destroy(): void;
}

function manifestLinter(view: EditorView): Diagnostic[] {
  return lintManifest(view.state.doc.toString()).problems.map((p) => ({ from: p.from, to: p.to, severity: "error", message: p.message, source: "kube-apiserver" }));
}

function fieldSource(ctx: CompletionContext): CompletionResult | null {
  const r = fieldCompletions(ctx.state.doc.toString(), ctx.pos);
  if (!r || (r.from === ctx.pos && !ctx.explicit)) return null;
  return {
    from: r.from,
    options: r.options.map((o) => ({ label: o.name, apply: `${o.name}: `, detail: o.type, info: o.description, type: "property" })),
    validFor: /^[A-Za-z0-9]*$/,
  };
}

const theme = EditorView.theme({
  "&": { height: "100%", fontSize: "13px", backgroundColor: "var(--surface)", color: "var(--fg)" },
  ".cm-scroller": { fontFamily: "var(--mono)", lineHeight: "1.5" },
  ".cm-gutters": { backgroundColor: "var(--surface-2)", color: "var(--muted)", borderRight: "1px solid var(--border)" },
  ".cm-activeLine": { backgroundColor: "color-mix(in srgb, var(--accent) 6%, transparent)" },
  ".cm-activeLineGutter": { backgroundColor: "color-mix(in srgb, var(--accent) 12%, transparent)" },
  "&.cm-focused": { outline: "none" },
  ".cm-cursor": { borderLeftColor: "var(--fg)" },
  ".cm-tooltip": { maxWidth: "380px" },
  ".cm-diagnostic": { whiteSpace: "pre-wrap", fontFamily: "var(--mono)", fontSize: "12px" },
});

export function createManifestEditor(parent: HTMLElement, text: string, onApply: () => void): ManifestEditor {
  const view = new EditorView({
    parent,
    doc: text,
    extensions: [
      basicSetup,
      yaml(),
      lintGutter(),
      linter(manifestLinter, { delay: 300 }),
      autocompletion({ override: [fieldSource] }),
      Prec.highest(keymap.of([{ key: "Mod-Enter", preventDefault: true, run: () => (onApply(), true) }])),
      EditorView.updateListener.of((u) => {
        if (u.docChanged) setManifestText(u.state.doc.toString());
      }),
      EditorView.contentAttributes.of({ "aria-label": "Manifest YAML" }),
      theme,
    ],
  });
  return {
    setText(next) {
      const cur = view.state.doc.toString();
      if (cur === next) return;
      view.dispatch({ changes: { from: 0, to: cur.length, insert: next }, selection: EditorSelection.cursor(0) });
    },
    focus: () => view.focus(),
    reveal(offset) {
      const pos = Math.min(offset, view.state.doc.length);
      view.dispatch({ selection: EditorSelection.cursor(pos), effects: EditorView.scrollIntoView(pos, { y: "center" }) });
      view.focus();
    },
    destroy: () => view.destroy(),
  };
}
