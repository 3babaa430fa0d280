import { memo } from "react";
import type { Edge, EdgeProps } from "@xyflow/react";
import { useAppStore, type AppState } from "../../store";

export type ChannelEdgeData = { a: string; b: string; x1: number; y1: number; x2: number; y2: number };
export type ChannelFlowEdge = Edge<ChannelEdgeData, "channel">;

const selectBusy = (a: string, b: string) => (s: AppState): number => {
  let n = 0;
  for (const p of s.packets) if ((p.from === a && p.to === b) || (p.from === b && p.to === a)) n += p.routine ? 1 : 2;
  return n;
};

/** A real channel between two components, drawn from the layout's points; lit while in use. */
export const ChannelEdge = memo(function ChannelEdge({ data }: EdgeProps<ChannelFlowEdge>) {
  const busy = useAppStore(selectBusy(data?.a ?? "", data?.b ?? ""));
  if (!data) return null;
  const cls = busy >= 2 ? "channel channel--busy" : busy === 1 ? "channel channel--routine" : "channel";
  return <path className={cls} d={`M ${data.x1} ${data.y1} L ${data.x2} ${data.y2}`} fill="none" />;
});
