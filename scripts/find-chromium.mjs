#!/usr/bin/env node
// Finds a Chromium for the end-to-end tests, in this order: $CHROMIUM_PATH; a system
// chromium / chromium-browser / google-chrome; a browser in Playwright's cache; and, when
// running as root where apt-get exists, Debian's `chromium` package, installed on the spot.
// Prints the executable path, or exits 1 with instructions. Never lets e2e be skipped.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const SYSTEM_NAMES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

function onPath(name) {
  const r = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
  const p = r.stdout.trim();
  return r.status === 0 && p ? p : null;
}

function inPlaywrightCache() {
  const root = process.env.PLAYWRIGHT_BROWSERS_PATH || join(homedir(), ".cache", "ms-playwright");
  if (!existsSync(root)) return null;
  for (const dir of readdirSync(root).filter((d) => d.startsWith("chromium")).sort().reverse()) {
    for (const rel of ["chrome-linux/chrome", "chrome-linux64/chrome", "chrome-headless-shell-linux64/chrome-headless-shell"]) {
      const p = join(root, dir, rel);
      if (existsSync(p)) return p;
    }
  }
  return null;
}

function installWithApt() {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot || !onPath("apt-get")) return null;
  process.stderr.write("find-chromium: no browser found; installing Debian's chromium package…\n");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-q"], { stdio: ["ignore", "ignore", "inherit"], env });
  execFileSync("apt-get", ["install", "-y", "-q", "chromium"], { stdio: ["ignore", "ignore", "inherit"], env });
  return onPath("chromium");
}

export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist`);
    return fromEnv;
  }
  for (const name of SYSTEM_NAMES) {
    const p = onPath(name);
    if (p) return p;
  }
  const cached = inPlaywrightCache();
  if (cached) return cached;
  const installed = installWithApt();
  if (installed) return installed;
  throw new Error(
    "No Chromium found for the end-to-end tests. Install one (Debian/Ubuntu: `sudo apt-get install chromium`, " +
      "or `npx playwright install chromium` where downloads are allowed), or set CHROMIUM_PATH to its executable.",
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    process.stdout.write(findChromium() + "\n");
  } catch (e) {
    process.stderr.write(`find-chromium: ${e.message}\n`);
    process.exit(1);
  }
}
