#!/usr/bin/env node
// Runs the Playwright end-to-end tests against the built app in a real Chromium found (or
// installed) by find-chromium. Extra arguments go to `playwright test`.
import { spawnSync } from "node:child_process";
import { createServer } from "node:net";
import { findChromium } from "./find-chromium.mjs";

let chromium;
try {
  chromium = findChromium();
} catch (e) {
  process.stderr.write(`e2e: ${e.message}\n`);
  process.exit(1);
}
/** A TCP port nothing listens on right now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const env = { ...process.env, CHROMIUM_PATH: chromium, E2E_PORT: process.env.E2E_PORT ?? String(await freePort()) };
const r = spawnSync("npx", ["playwright", "test", ...process.argv.slice(2)], { stdio: "inherit", env });
process.exit(r.status ?? 1);
