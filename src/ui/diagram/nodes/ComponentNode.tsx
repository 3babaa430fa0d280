import { memo } from "react";
import { Handle, Position, type Node, type NodeProps } from "@xyflow/react";
import { select, selectComponentActive, selectComponentState, useAppStore } from "../../../store";

export type ComponentNodeData = {
  id: string;
  /** The accessible name: `kube-apiserver`, `kubelet on worker-1`. */
  label: string;
  /** What is written in the box (`kubelet`, with the node given by the group). */
  title: string;
  subtitle?: string;
  variant: "hub" | "control" | "agent" | "runtime" | "external" | "user";
};
export type ComponentFlowNode = Node<ComponentNodeData, "component">;

const CONTROLLERS = ["deployment", "replicaset", "daemonset", "node-lifecycle", "taint-eviction", "endpointslice", "garbage-collector", "pod-gc"];

/** A box for one cluster component; selects its own running/active state by id. */
export const ComponentNode = memo(function ComponentNode({ data }: NodeProps<ComponentFlowNode>) {
  const state = useAppStore(selectComponentState(data.id));
  const active = useAppStore(selectComponentActive(data.id));
  const cls = `comp comp--${data.variant}${state === "running" ? "" : ` comp--${state}`}${active ? " comp--active" : ""}`;
  return (
    <>
      {/* Channels are drawn from layout points; React Flow still needs a handle at each end. */}
      <Handle type="source" position={Position.Top} isConnectable={false} className="handle-hidden" />
      <Handle type="target" position={Position.Bottom} isConnectable={false} className="handle-hidden" />
      <button type="button" className={cls} aria-label={data.label} onClick={() => select(data.id)} title={state === "starting" ? `${data.label} (starting)` : data.label}>
      <span className="comp__title">{data.title}</span>
      {data.id === "kube-controller-manager" ? (
        <span className="comp__list">{CONTROLLERS.join(" · ")}</span>
      ) : data.subtitle ? (
        <span className="comp__sub">{data.subtitle}</span>
      ) : null}
      {state === "stopped" && <span className="comp__badge">stopped</span>}
      </button>
    </>
  );
});
