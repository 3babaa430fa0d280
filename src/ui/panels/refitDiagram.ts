/**
 * Opening or closing the side panel resizes the diagram's area; React Flow keeps its viewport,
 * so the cluster would be cut off. Until the diagram refits on resize by itself, press its own
 * "fit view" control once React Flow has measured the new size (its ResizeObserver runs first).
 */
export function refitDiagram(): void {
  if (typeof document === "undefined") return;
  setTimeout(() => {
    document.querySelector<HTMLButtonElement>(".diagram .react-flow__controls-fitview")?.click();
  }, 120);
}
