import { lazy } from "react";

/** The manifest editor (CodeMirror): its own chunk, loaded when the panel first opens. */
export const EditorPanel = lazy(() => import("./EditorPanel"));
export { EXAMPLES, exampleById, exampleByFileName, type Example } from "./examples";
