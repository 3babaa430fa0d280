export { Diagram } from "./Diagram";
export { layoutCluster, packetPath, type Layout, type LayoutInput } from "./layout";
