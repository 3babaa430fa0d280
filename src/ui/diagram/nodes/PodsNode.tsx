import { memo, useMemo } from "react";
import type { Node, NodeProps } from "@xyflow/react";
import { appStore, chipLabel, nodeModel, select, selectLive, selectPodStatus, statusCounts, statusTone, useAppStore, useAppStoreShallow, type PodGroupModel } from "../../../store";
import { chipOffset, chipWidthFor, COLLAPSED_BODY, groupHeight, GROUP_GAP, isCollapsed } from "../podGeometry";

export type PodsNodeData = { node: string; width: number };
export type PodsFlowNode = Node<PodsNodeData, "pods">;

const PodChip = memo(function PodChip({ podKey, label, x, y, w }: { podKey: string; label: string; x: number; y: number; w: number }) {
  const status = useAppStore(selectPodStatus(podKey)) ?? "Unknown";
  const name = podKey.slice(podKey.indexOf("/") + 1);
  return (
    <button
      type="button"
      className={`pod pod--${statusTone(status)}`}
      style={{ left: x, top: y, width: w }}
      aria-label={`${name}, ${status}`}
      title={`${name} — ${status}`}
      onClick={() => select(`pod:${podKey}`)}
    >
      <span className="pod__dot" aria-hidden="true" />
      <span className="pod__label">{label}</span>
    </button>
  );
});

const CollapsedBar = memo(function CollapsedBar({ keys }: { keys: readonly string[] }) {
  const counts = useAppStoreShallow((s) => statusCounts(s, keys).flat());
  const pairs: [string, number][] = [];
  for (let i = 0; i < counts.length; i += 2) pairs.push([counts[i] as string, counts[i + 1] as number]);
  return (
    <div className="podbar" style={{ height: COLLAPSED_BODY - 4 }} aria-label={pairs.map(([s, n]) => `${n} ${s}`).join(", ")}>
      {pairs.map(([status, n]) => (
        <span key={status} className={`podbar__seg pod--${statusTone(status)}`} style={{ flexGrow: n }}>
          {n} {status}
        </span>
      ))}
    </div>
  );
});

function Group({ group, width, collapsed, top }: { group: PodGroupModel; width: number; collapsed: boolean; top: number }) {
  const chipW = chipWidthFor(group.maxLabel);
  const h = groupHeight({ count: group.podKeys.length, chipW }, width, collapsed);
  return (
    <div className="podgroup" style={{ top, height: h }} role="group" aria-label={`${group.title} (${group.subtitle}), ${group.podKeys.length} pods`}>
      <div className="podgroup__head">
        <span className="podgroup__title">{group.title}</span>
        <span className="podgroup__sub">{group.subtitle}</span>
        {collapsed && <span className="podgroup__count">×{group.podKeys.length}</span>}
      </div>
      {collapsed ? (
        <CollapsedBar keys={group.podKeys} />
      ) : (
        group.podKeys.map((key, i) => {
          const { x, y } = chipOffset(i, width, chipW);
          return <PodChip key={key} podKey={key} label={chipLabel(key.slice(key.indexOf("/") + 1), group)} x={x} y={y} w={chipW} />;
        })
      )}
    </div>
  );
}

/** The pods on one node, grouped by owner; selects its own pods by node name. */
export const PodsNode = memo(function PodsNode({ data }: NodeProps<PodsFlowNode>) {
  const live = useAppStore(selectLive);
  const keys = useAppStore((s) => s.podsByNode.get(data.node));
  const replicasets = useAppStore((s) => s.objects.replicasets);
  // Group membership changes only when pods come and go (keys) or owners appear (replicasets).
  const groups = useMemo(() => {
    void keys;
    void replicasets;
    return nodeModel(data.node, appStore.getState()).groups;
  }, [keys, replicasets, data.node]);
  const collapsed = isCollapsed(keys?.length ?? 0);
  if (groups.length === 0) return data.node ? <div className="pods pods--empty">{live ? "no pods" : "pods appear as the node starts"}</div> : null;
  const tops: number[] = [];
  groups.reduce((y, g) => {
    tops.push(y);
    return y + groupHeight({ count: g.podKeys.length, chipW: chipWidthFor(g.maxLabel) }, data.width, collapsed) + GROUP_GAP;
  }, 0);
  return (
    <div className="pods">
      {groups.map((g, i) => (
        <Group key={g.id} group={g} width={data.width} collapsed={collapsed} top={tops[i]} />
      ))}
    </div>
  );
});
