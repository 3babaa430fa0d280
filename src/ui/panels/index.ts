// The side panel: tabs for the editor, terminal, inspector and fault panel, and sharing.
export { SidePanel } from "./SidePanel";
