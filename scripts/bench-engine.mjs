#!/usr/bin/env node
// Runs the engine benchmark (scripts/bench.ts) on the simulation as the page ships it: bundled by
// Vite, as in the browser build, rather than through tsx's on-the-fly transform (which wraps
// every closure the simulation creates in a naming helper and so measures the loader, not the
// engine). Arguments pass through: `npm run bench -- 30000` runs only the largest size.
import { spawnSync } from "node:child_process";
import { build } from "vite";

const outDir = "node_modules/.cache/kubeglass-bench";
await build({
  configFile: false,
  logLevel: "warn",
  publicDir: false,
  build: { ssr: "scripts/bench.ts", outDir, emptyOutDir: true, target: "es2022", sourcemap: false },
});
// A 64 MB young generation (V8's default tops out at 16 MB, sized for interactive pages): a
// batch run allocates a message's worth of short-lived objects per event, and with the small
// default most of them are copied at least once before they die. A 1 GB initial heap: V8
// starts small and grows the heap through full collections, several of them in a run that
// ends up holding a few hundred MB of cluster objects.
const node = [`--max-semi-space-size=64`, `--initial-heap-size=1024`];
const run = spawnSync(process.execPath, [...node, `${outDir}/bench.js`, ...process.argv.slice(2)], { stdio: "inherit" });
process.exit(run.status ?? 1);
