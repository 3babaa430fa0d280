/**
 * Sizes of the pod area inside a node group. Shared by the layout (which reserves the space)
 * and the pod renderer (which positions chips), so they always agree.
 */

export const CHIP_H = 24;
export const CHIP_GAP = 4;
export const GROUP_HEADER = 20;
export const GROUP_PAD = 6;
export const GROUP_GAP = 6;
/** A collapsed group shows a counted status bar instead of chips. */
export const COLLAPSED_BODY = 26;
/** Beyond this many pods on a node, groups collapse into counts. */
export const COLLAPSE_THRESHOLD = 30;
export const EMPTY_AREA_H = 28;

export interface PodGroupSize {
  count: number;
  /** Width of one chip (fits the group's longest short label). */
  chipW: number;
}

export function chipWidthFor(maxLabelChars: number): number {
  return Math.min(140, Math.max(64, Math.ceil(maxLabelChars * 7.3) + 26));
}

export function chipsPerRow(width: number, chipW: number): number {
  return Math.max(1, Math.floor((width - 2 * GROUP_PAD + CHIP_GAP) / (chipW + CHIP_GAP)));
}

export function groupHeight(group: PodGroupSize, width: number, collapsed: boolean): number {
  if (collapsed) return GROUP_HEADER + COLLAPSED_BODY + GROUP_PAD;
  const rows = Math.ceil(group.count / chipsPerRow(width, group.chipW));
  return GROUP_HEADER + rows * (CHIP_H + CHIP_GAP) - CHIP_GAP + GROUP_PAD;
}

export function chipOffset(index: number, width: number, chipW: number): { x: number; y: number } {
  const per = chipsPerRow(width, chipW);
  return { x: GROUP_PAD + (index % per) * (chipW + CHIP_GAP), y: GROUP_HEADER + Math.floor(index / per) * (CHIP_H + CHIP_GAP) };
}

export function isCollapsed(podCount: number): boolean {
  return podCount > COLLAPSE_THRESHOLD;
}

/** Height of a node's whole pod area. */
export function podAreaHeight(groups: readonly PodGroupSize[], width: number): number {
  if (groups.length === 0) return EMPTY_AREA_H;
  const collapsed = isCollapsed(groups.reduce((n, g) => n + g.count, 0));
  let h = 0;
  for (const g of groups) h += groupHeight(g, width, collapsed) + GROUP_GAP;
  return h - GROUP_GAP;
}
