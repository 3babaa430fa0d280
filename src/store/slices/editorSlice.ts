/** The manifest editor's document and the result of the last Apply. */
export type ApplyTone = "busy" | "ok" | "error";

export interface ApplyStatus {
  tone: ApplyTone;
  /** What kubectl printed (`deployment.apps/nginx created`) or why nothing was sent. */
  text: string;
}

export interface EditorState {
  /** The editor's text, mirrored here on every change. */
  manifest: string;
  /** Bumped when the text is replaced from outside (an example, a shared link): the editor reloads. */
  manifestSeq: number;
  /** The example last loaded, for the picker (null once the user starts from scratch). */
  exampleId: string | null;
  applyStatus: ApplyStatus | null;
}

export const STORAGE_KEY = "kubeglass.manifest";

export function initialEditor(saved: string | null = null, fallback = ""): EditorState {
  return { manifest: saved ?? fallback, manifestSeq: 0, exampleId: null, applyStatus: null };
}

/** The user typed: the text changes, the editor is not reloaded. */
export function editManifest(state: EditorState, text: string): EditorState {
  return text === state.manifest ? state : { ...state, manifest: text };
}

/** The text is replaced from outside: the editor reloads and the old result no longer applies. */
export function replaceManifest(state: EditorState, text: string, exampleId: string | null): EditorState {
  return { ...state, manifest: text, manifestSeq: state.manifestSeq + 1, exampleId, applyStatus: null };
}
