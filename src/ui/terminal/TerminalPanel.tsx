import { useEffect, useRef } from "react";
import { Terminal } from "@xterm/xterm";
import { FitAddon } from "@xterm/addon-fit";
import "@xterm/xterm/css/xterm.css";
import { createShell } from "./shell";
import "./terminal.css";

/** Colours from the page's palette, so the terminal follows light and dark mode. */
function themeFromCss(el: HTMLElement) {
  const css = getComputedStyle(el);
  const v = (name: string) => css.getPropertyValue(name).trim();
  return { background: v("--surface-2"), foreground: v("--fg"), cursor: v("--fg"), selectionBackground: v("--accent-soft"), green: v("--ok"), red: v("--bad"), blue: v("--accent") };
}

/** The in-app terminal: xterm.js running kubectl and sim commands on the live cluster. */
export default function TerminalPanel() {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const term = new Terminal({
      fontFamily: 'ui-monospace, "SF Mono", "JetBrains Mono", Menlo, Consolas, monospace',
      fontSize: 12.5,
      lineHeight: 1.15,
      cursorBlink: true,
      convertEol: true,
      scrollback: 3000,
      theme: themeFromCss(el),
    });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(el);
    const refit = () => {
      if (el.offsetWidth > 0 && el.offsetHeight > 0) fit.fit();
    };
    refit();
    const ro = new ResizeObserver(refit);
    ro.observe(el);
    const shell = createShell(term);
    term.focus();
    return () => {
      ro.disconnect();
      shell.dispose();
      term.dispose();
    };
  }, []);
  return (
    <section className="panel terminal" aria-label="Terminal">
      <header className="panel__head">
        <h2 className="panel__title">Terminal</h2>
        <span className="terminal__hint">kubectl · sim · help — Tab completes, ↑/↓ history, Ctrl+C stops</span>
      </header>
      <div className="terminal__host" ref={host} />
    </section>
  );
}
