import { memo } from "react";
import type { Edge, EdgeProps } from "@xyflow/react";
import { useAppStore, type AppState } from "../../store";
import type { Pt } from "./routes";

export type ChannelEdgeData = { a: string; b: string; points: Pt[] };
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
  const d = data.points.map(([x, y], i) => `${i ? "L" : "M"} ${x} ${y}`).join(" ");
  return <path className={cls} d={d} fill="none" />;
});
