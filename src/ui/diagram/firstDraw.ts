/**
 * Resolves once the diagram has been committed and the browser has painted a frame after it.
 * The page waits for it before booting the simulation (a long task), so the diagram the
 * user came for is on screen first.
 */
let resolveDrawn: () => void = () => {};
const drawn = new Promise<void>((resolve) => {
  resolveDrawn = resolve;
});

/**
 * Resolves in a task after the next frame has been painted (its rAF runs before the paint; a
 * message posted from there is handled after it). Raster and presentation go on off the main thread.
 */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    }),
  );
}

export function markDiagramDrawn(): void {
  resolveDrawn();
}

/** The diagram is on screen, or `timeoutMs` passed (a hidden tab paints nothing: never wait forever). */
export function whenDiagramDrawn(timeoutMs: number): Promise<void> {
  return Promise.race([drawn.then(afterNextPaint), new Promise<void>((resolve) => setTimeout(resolve, timeoutMs))]);
}
