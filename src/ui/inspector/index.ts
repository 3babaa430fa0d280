import { lazy } from "react";

/** The inspector: its own chunk (it reads the simulation's internals), loaded when first opened. */
export const InspectorPanel = lazy(() => import("./InspectorPanel"));
