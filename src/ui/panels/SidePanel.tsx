import { Suspense, useEffect, useState, type ReactNode } from "react";
import { followSelection, startMessageLog, togglePanelTab, useAppStore, type PanelId } from "../../store";
import { EditorPanel } from "../editor";
import { FaultsPanel } from "../faults";
import { InspectorPanel } from "../inspector";
import { ShareButton, startSharing } from "../sharing";
import { TerminalPanel } from "../terminal";
import { refitDiagram } from "./refitDiagram";
import { DEFAULT_WIDTH, ResizeHandle } from "./ResizeHandle";
import "./panels.css";

const TABS: { id: PanelId; label: string; hint: string }[] = [
  { id: "editor", label: "Editor", hint: "Write and apply manifests" },
  { id: "terminal", label: "Terminal", hint: "kubectl and sim commands" },
  { id: "inspector", label: "Inspector", hint: "Look inside what you click" },
  { id: "faults", label: "Faults", hint: "Break the cluster on purpose" },
];

function panelFor(id: PanelId): ReactNode {
  switch (id) {
    case "editor":
      return <EditorPanel />;
    case "terminal":
      return <TerminalPanel />;
    case "inspector":
      return <InspectorPanel />;
    case "faults":
      return <FaultsPanel />;
  }
}

/**
 * The side panel beside the diagram: a rail of tabs, and the open panel. A panel stays mounted
 * once opened (the terminal keeps its scrollback and running watch, the editor its undo history).
 */
export function SidePanel() {
  const open = useAppStore((s) => s.panel);
  const [mounted, setMounted] = useState<ReadonlySet<PanelId>>(() => new Set());
  const [width, setWidth] = useState(DEFAULT_WIDTH);
  useEffect(() => followSelection(), []);
  useEffect(() => startMessageLog(), []);
  useEffect(() => startSharing(), []);
  // Adjusting state while rendering (React's pattern for state derived from a change).
  if (open && !mounted.has(open)) setMounted(new Set([...mounted, open]));
  const isOpen = open !== null;
  // The diagram's area changed size: show the whole cluster again.
  useEffect(() => refitDiagram(), [isOpen]);

  return (
    <aside className={`sidepanel${open ? " sidepanel--open" : ""}`} aria-label="Panels">
      {mounted.size > 0 && (
        <div className="sidepanel__body" hidden={!isOpen} style={{ width }}>
          <ResizeHandle width={width} onResize={setWidth} onDone={refitDiagram} />
          {TABS.filter((t) => mounted.has(t.id) || t.id === open).map((t) => (
            <div key={t.id} className="sidepanel__slot" role="tabpanel" id={`panel-${t.id}`} aria-labelledby={`tab-${t.id}`} hidden={t.id !== open}>
              <Suspense fallback={<p className="panel__loading">Loading…</p>}>{panelFor(t.id)}</Suspense>
            </div>
          ))}
        </div>
      )}
      <nav className="rail" aria-label="Side panel">
        <div role="tablist" aria-orientation="vertical" className="rail__tabs">
          {TABS.map((t) => (
            <button
              key={t.id}
              type="button"
              role="tab"
              id={`tab-${t.id}`}
              aria-selected={open === t.id}
              aria-controls={`panel-${t.id}`}
              className={`rail__tab${open === t.id ? " rail__tab--on" : ""}`}
              title={t.hint}
              onClick={() => togglePanelTab(t.id)}
            >
              <span className={`rail__icon rail__icon--${t.id}`} aria-hidden="true" />
              {t.label}
            </button>
          ))}
        </div>
        <ShareButton />
      </nav>
    </aside>
  );
}
