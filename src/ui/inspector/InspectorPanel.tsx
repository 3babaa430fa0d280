import { select, useAppStore } from "../../store";
import { useTicker } from "../clusterView";
import { COMPONENT_INFO } from "./componentInfo";
import { ComponentView } from "./ComponentView";
import { ObjectView } from "./ObjectView";
import { parseSelection, type Target } from "./selection";
import "./inspector.css";

function titleOf(t: Target): string {
  if (t.type === "object") return `${t.resource === "nodes" ? "node" : t.resource.replace(/s$/, "")} ${t.namespace ? `${t.namespace}/` : ""}${t.name}`;
  const title = COMPONENT_INFO[t.role]?.title ?? t.role;
  return t.node ? `${title} on ${t.node}` : title;
}

/** Looks inside whatever was clicked on the diagram. */
export default function InspectorPanel() {
  const selected = useAppStore((s) => s.selected);
  // What the inspector reads from inside the cluster changes without store updates.
  useTicker(selected === "etcd" ? 1000 : 500);
  const target = selected ? parseSelection(selected) : null;
  return (
    <section className="panel inspector" aria-label="Inspector">
      <header className="panel__head">
        <h2 className="panel__title">Inspector</h2>
        {target && <span className="inspector__what">{titleOf(target)}</span>}
        {target && (
          <button type="button" className="btn btn--small inspector__clear" onClick={() => select(null)}>
            Clear
          </button>
        )}
      </header>
      <div className="panel__body">
        {!target && <p className="panel__hint">Click a component, a node&apos;s agent or a pod on the diagram to look inside it.</p>}
        {target?.type === "component" && <ComponentView key={target.id} target={target} />}
        {target?.type === "object" && <ObjectView key={selected} target={target} />}
      </div>
    </section>
  );
}
