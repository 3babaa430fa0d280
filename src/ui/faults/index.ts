import { lazy } from "react";

/** The instructor's fault panel: its own chunk, loaded when first opened. */
export const FaultsPanel = lazy(() => import("./FaultsPanel"));
export { simLineFor } from "./simLine";
