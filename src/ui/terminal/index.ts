import { lazy } from "react";

/** The in-app terminal (xterm.js): its own chunk, loaded when the panel first opens. */
export const TerminalPanel = lazy(() => import("./TerminalPanel"));
