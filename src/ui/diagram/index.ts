export { Diagram } from "./Diagram";
export { whenDiagramDrawn } from "./firstDraw";
export { layoutCluster, packetPath, type Layout, type LayoutInput } from "./layout";
