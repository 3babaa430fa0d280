import { useRef } from "react";

export const MIN_WIDTH = 360;
export const DEFAULT_WIDTH = 480;

/** The widest the panel may get: the diagram keeps at least 40 % of the window. */
export function maxWidth(): number {
  return Math.max(MIN_WIDTH, Math.round(window.innerWidth * 0.6) - 76);
}

export function clampWidth(w: number): number {
  return Math.min(maxWidth(), Math.max(MIN_WIDTH, Math.round(w)));
}

/**
 * The side panel's left edge: drag it (or focus it and press ←/→) to trade diagram width for
 * panel width. Calls `onResize` while dragging and `onDone` when the width settles.
 */
export function ResizeHandle({ width, onResize, onDone }: { width: number; onResize: (w: number) => void; onDone: () => void }) {
  const start = useRef<{ x: number; w: number } | null>(null);
  return (
    <div
      className="sidepanel__handle"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize the side panel"
      aria-valuemin={MIN_WIDTH}
      aria-valuemax={maxWidth()}
      aria-valuenow={width}
      tabIndex={0}
      onPointerDown={(e) => {
        start.current = { x: e.clientX, w: width };
        e.currentTarget.setPointerCapture(e.pointerId);
      }}
      onPointerMove={(e) => {
        if (start.current) onResize(clampWidth(start.current.w + start.current.x - e.clientX));
      }}
      onPointerUp={() => {
        start.current = null;
        onDone();
      }}
      onKeyDown={(e) => {
        if (e.key !== "ArrowLeft" && e.key !== "ArrowRight") return;
        e.preventDefault();
        onResize(clampWidth(width + (e.key === "ArrowLeft" ? 40 : -40)));
        onDone();
      }}
    />
  );
}
