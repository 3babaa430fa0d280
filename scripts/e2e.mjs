#!/usr/bin/env node
// Runs the Playwright end-to-end tests against the built app in a real Chromium found (or
// installed) by find-chromium. Extra arguments go to `playwright test`.
import { spawnSync } from "node:child_process";
import { findChromium } from "./find-chromium.mjs";

let chromium;
try {
  chromium = findChromium();
} catch (e) {
  process.stderr.write(`e2e: ${e.message}\n`);
  process.exit(1);
}
const env = { ...process.env, CHROMIUM_PATH: chromium };
const r = spawnSync("npx", ["playwright", "test", ...process.argv.slice(2)], { stdio: "inherit", env });
process.exit(r.status ?? 1);
