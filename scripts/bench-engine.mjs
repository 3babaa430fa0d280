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
const run = spawnSync(process.execPath, [`${outDir}/bench.js`, ...process.argv.slice(2)], { stdio: "inherit" });
process.exit(run.status ?? 1);
