/**
 * The terminal's shell: prompt, line editing, history, completion, Ctrl+C, `clear`, `help`,
 * multi-line input (heredocs), and commands run through the shared interpreter.
 */
import type { Terminal } from "@xterm/xterm";
import { parseScript } from "../../script";
import { CONTROL_PLANE_COMPONENTS } from "../../sim";
import { appStore, currentSession } from "../../store";
import { EXAMPLES, exampleByFileName } from "../editor";
import { completeLine, type CompletionContext } from "./completion";
import { LineEditor, splitInput } from "./lineEditor";
import { runInput } from "./runInput";

const PROMPT = "\x1b[1;32m$\x1b[0m ";
const MORE = "> ";
const EDITOR_FILES = ["editor.yaml", "editor", "manifest.yaml"];

const HELP = `kubeglass terminal — the same interpreter as the headless CLI.
  kubectl …                 kubectl v1.34 against this cluster (get, describe, apply, logs, …)
  kubectl apply -f NAME     NAME is an example (${EXAMPLES.map((e) => `${e.id}.yaml`).join(", ")})
                            or editor.yaml (the manifest editor's text)
  kubectl get pods -w       streams changes until Ctrl+C
  sim node stop|start|partition|heal NAME, sim node add, sim component stop|start NAME,
  sim pod crash NAME, sim time
  sleep 30s                 waits cluster time
  clear (Ctrl+L), history, help
Commands wait for cluster time: when the cluster is paused, press Play.
`;

/** `kubectl apply -f NAME`: an example, or the editor's document. */
export function readTerminalFile(name: string): string | undefined {
  if (EDITOR_FILES.includes(name)) return appStore.getState().manifest;
  return exampleByFileName(name)?.yaml;
}

/** Names for completion: mirrored objects from the store, others straight from the cluster. */
const completionContext: CompletionContext = {
  names(resource, ns) {
    const objects = appStore.getState().objects as Record<string, ReadonlyMap<string, unknown>>;
    const map = objects[resource];
    if (map) {
      const out: string[] = [];
      for (const key of map.keys()) {
        const slash = key.indexOf("/");
        if (slash < 0) out.push(key);
        else if (!ns || key.slice(0, slash) === ns) out.push(key.slice(slash + 1));
      }
      return out;
    }
    const cluster = currentSession()?.cluster;
    if (!cluster || !resource) return [];
    try {
      return cluster.list(resource, ns || undefined).map((o) => o.metadata.name ?? "");
    } catch {
      return [];
    }
  },
  files: [...EXAMPLES.map((e) => `${e.id}.yaml`), "editor.yaml"],
  components: CONTROL_PLANE_COMPONENTS,
};

export interface Shell {
  dispose(): void;
}

export function createShell(term: Terminal): Shell {
  const ed = new LineEditor(PROMPT);
  let pending = "";
  let running: AbortController | null = null;
  let disposed = false;
  const write = (text: string) => {
    if (!disposed) term.write(text);
  };

  const prompt = () => {
    ed.prompt = pending ? MORE : PROMPT;
    ed.reset();
    write(ed.prompt);
  };

  async function submit(line: string): Promise<void> {
    write("\r\n");
    const source = pending ? `${pending}\n${line}` : line;
    const trimmed = source.trim();
    if (!pending) ed.remember(line);
    if (trimmed === "") return prompt();
    if (parseScript(source).incomplete) {
      pending = source;
      return prompt();
    }
    pending = "";
    if (trimmed === "clear") {
      term.clear();
      return prompt();
    }
    if (trimmed === "help") {
      write(HELP);
      return prompt();
    }
    if (trimmed === "history") {
      write(ed.history.map((h, i) => `${String(i + 1).padStart(4)}  ${h}\n`).join(""));
      return prompt();
    }
    const session = currentSession();
    if (!session) {
      write("The cluster is still starting…\n");
      return prompt();
    }
    running = new AbortController();
    try {
      await runInput(source, { session, write, signal: running.signal, readFile: readTerminalFile });
    } finally {
      running = null;
    }
    prompt();
    const keys = typeahead;
    typeahead = [];
    for (const key of keys) handleKey(key);
  }

  function complete(): void {
    const r = completeLine(ed.buffer.slice(0, ed.cursor), completionContext);
    if (r.options.length) {
      write(`\r\n${r.options.join("  ")}\r\n`);
      write(ed.redraw());
    } else if (r.line !== ed.buffer.slice(0, ed.cursor)) {
      write(ed.setLine(r.line + ed.buffer.slice(ed.cursor)));
    }
  }

  /** Keys typed (or pasted) while a command runs: handled once the prompt is back, as a shell's type-ahead. */
  let typeahead: string[] = [];

  function handleKey(key: string): void {
    if (running) {
      if (key === "\x03") {
        write("^C\r\n");
        typeahead = [];
        running.abort();
      } else typeahead.push(key);
      return;
    }
    const r = ed.key(key);
    switch (r.type) {
      case "draw":
        write(r.text);
        break;
      case "submit":
        void submit(r.line);
        break;
      case "interrupt":
        write("^C\r\n");
        pending = "";
        prompt();
        break;
      case "complete":
        complete();
        break;
      case "clear":
        term.clear();
        break;
    }
  }

  const onData = term.onData((data) => {
    for (const key of splitInput(data)) handleKey(key);
  });

  write("kubeglass terminal — type \x1b[1mhelp\x1b[0m for what works here.\r\n");
  prompt();
  return {
    dispose() {
      disposed = true;
      running?.abort();
      onData.dispose();
    },
  };
}
