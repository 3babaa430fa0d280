#!/usr/bin/env node
/* global window, document, requestAnimationFrame, MutationObserver, innerWidth, innerHeight -- code inside page.evaluate and init scripts runs in the browser */
// UI benchmark in real Chromium: builds the app, serves it with `vite preview`, and prints
// figures (never asserts): initial JS gzip size, time to diagram visible, frame intervals while
// a 10-replica Deployment rolls out at ×1, and while panning/zooming 10 workers with ~1,000 pods.
// `--load-only` measures only the page load (size and time to diagram visible).
import { spawn, spawnSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { findChromium } from "./find-chromium.mjs";

const PORT = 4180;
const BASE = `http://127.0.0.1:${PORT}/`;
const LOAD_ONLY = process.argv.includes("--load-only");
const LOAD_RUNS = 7;
const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

function build() {
  const r = spawnSync("npx", ["vite", "build", "--logLevel", "error"], { stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/** gzip size of the JS the first page load fetches: the entry and its static imports. */
function initialJsGzip() {
  const html = readFileSync("dist/index.html", "utf8");
  // Scripts and modulepreloads; not prefetch links (downloaded, but evaluated after first paint).
  const tags = [...html.matchAll(/<(?:script|link)\b[^>]*>/g)].map((m) => m[0]).filter((t) => !/rel="prefetch"/.test(t));
  const files = new Set(tags.flatMap((t) => [...t.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1])));
  let total = 0;
  for (const f of files) total += gzipSync(readFileSync(join("dist", f))).length;
  const lazy = readdirSync("dist/assets")
    .filter((f) => f.endsWith(".js") && !files.has(`assets/${f}`))
    .map((f) => `${f.replace(/-[\w-]{8}\.js$/, "")} ${(gzipSync(readFileSync(join("dist/assets", f))).length / 1024).toFixed(1)} KB`);
  return { total, files: [...files], lazy };
}

async function waitForServer(url, ms = 30_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not start at ${url}`);
}

function stats(intervals) {
  const s = [...intervals].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN;
  return { frames: s.length, median: q(0.5), p95: q(0.95), max: s[s.length - 1] ?? NaN };
}

/** Collects requestAnimationFrame intervals in the page for `ms` while `during` runs. */
async function frameIntervals(page, ms, during) {
  await page.evaluate((duration) => {
    const w = window;
    w.__frames = [];
    let last = performance.now();
    const end = last + duration;
    const tick = (t) => {
      w.__frames.push(t - last);
      last = t;
      if (t < end) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }, ms);
  if (during) await during();
  await page.waitForTimeout(ms + 100);
  return page.evaluate(() => window.__frames.slice(1));
}

const fmt = (n) => (Number.isFinite(n) ? n.toFixed(1) : "n/a");
const fmt0 = (n) => (Number.isFinite(n) ? n.toFixed(0) : "n/a");
const median = (xs) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};

/**
 * Runs in the page before any of its scripts: finds the kube-apiserver box as soon as it is in
 * the DOM and records when it is first painted on screen. Two witnesses: Chromium's Element
 * Timing (the paint time of the box's title text, as the compositor reports it) and the first
 * animation frame in which the box has a non-zero size inside the viewport and is not hidden
 * (React Flow hides nodes until it has measured them). Playwright's own polling is not used:
 * it notices the box up to 150 ms late.
 */
function paintProbe() {
  const w = window;
  w.__diagram = { inDom: NaN, frame: NaN, element: NaN };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.identifier === "kube-apiserver" && Number.isNaN(w.__diagram.element)) w.__diagram.element = e.renderTime || e.loadTime;
  }).observe({ type: "element", buffered: true });
  const onScreen = (el) => {
    const r = el.getBoundingClientRect();
    const shown = el.checkVisibility({ visibilityProperty: true, opacityProperty: true });
    return shown && r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight;
  };
  const watchFrames = (el) =>
    requestAnimationFrame(() => {
      if (onScreen(el)) w.__diagram.frame = performance.now();
      else watchFrames(el);
    });
  const mo = new MutationObserver(() => {
    const el = document.querySelector('.diagram [aria-label="kube-apiserver"]');
    if (!el) return;
    mo.disconnect();
    w.__diagram.inDom = performance.now();
    // Mutation observers run before the next paint, so the title's first paint is reported.
    el.querySelector(".comp__title")?.setAttribute("elementtiming", "kube-apiserver");
    watchFrames(el);
  });
  mo.observe(document, { childList: true, subtree: true });
}

/** Cold loads (a new browser context each: empty cache), timed in the page. */
async function measureLoad(browser, runs) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(paintProbe);
    const page = await context.newPage();
    await page.goto(BASE, { waitUntil: "commit" });
    await page.waitForFunction(() => Number.isFinite(window.__diagram?.frame) && Number.isFinite(window.__diagram?.element), null, { polling: 50, timeout: 30_000 }).catch(() => {});
    // The live cluster, as a user would wait for it.
    await page.getByRole("group", { name: "worker-1, Ready" }).waitFor({ state: "visible", timeout: 30_000 });
    samples.push(
      await page.evaluate(() => {
        const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
        const nav = performance.getEntriesByType("navigation")[0];
        const d = window.__diagram;
        // Painted: the compositor's time when it reported one, else the first frame it was on screen.
        const painted = Number.isFinite(d.element) ? d.element : d.frame;
        return { painted, element: d.element, frame: d.frame, inDom: d.inDom, dcl: nav?.domContentLoadedEventEnd ?? NaN, sim: at("kubeglass:sim-loaded"), booted: at("kubeglass:cluster-booted"), live: at("kubeglass:live-painted") };
      }),
    );
    await context.close();
  }
  const summary = {};
  for (const k of Object.keys(samples[0])) {
    const xs = samples.map((s) => s[k]).filter(Number.isFinite);
    summary[k] = { min: Math.min(...xs), median: median(xs), max: Math.max(...xs) };
  }
  return { runs, summary };
}

async function main() {
  build();
  const js = initialJsGzip();
  const server = spawn("npx", ["vite", "preview", "--host", "127.0.0.1", "--port", String(PORT), "--strictPort"], { stdio: "ignore", detached: true });
  try {
    await waitForServer(BASE);
    const browser = await chromium.launch({ executablePath: findChromium(), args: [...(isRoot ? ["--no-sandbox"] : []), "--disable-gpu"] });
    const load = await measureLoad(browser, LOAD_RUNS);
    const m = load.summary;
    const loadLines = () => {
      console.log(`  diagram painted after navigation  median ${fmt0(m.painted.median)} ms (min ${fmt0(m.painted.min)}, max ${fmt0(m.painted.max)}) over ${load.runs} cold loads`);
      console.log(`    medians: DOMContentLoaded ${fmt0(m.dcl.median)}, diagram in DOM ${fmt0(m.inDom.median)}, painted ${fmt0(m.element.median)} (first frame on screen ${fmt0(m.frame.median)}), sim chunk loaded ${fmt0(m.sim.median)}, cluster booted ${fmt0(m.booted.median)}, live diagram painted ${fmt0(m.live.median)} ms`);
    };
    if (LOAD_ONLY) {
      await browser.close();
      console.log("kubeglass UI benchmark (Chromium, 1280×800), load only");
      console.log(`  initial JS (gzip)                 ${(js.total / 1024).toFixed(1)} KB  (${js.files.join(", ")})`);
      loadLines();
      return;
    }
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(BASE);
    await page.getByRole("group", { name: "worker-1, Ready" }).waitFor({ state: "visible" });

    // 10-replica Deployment at ×1 (smart speed on, as a newcomer sees it).
    await page.getByRole("combobox", { name: "Speed" }).selectOption("1");
    const rollout = await frameIntervals(page, 8000, () =>
      page.evaluate(() => {
        const body = {
          apiVersion: "apps/v1",
          kind: "Deployment",
          metadata: { name: "web", namespace: "default" },
          spec: { replicas: 10, selector: { matchLabels: { app: "web" } }, template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "nginx", image: "nginx:1.27" }] } } },
        };
        void window.kubeglass.request({ verb: "create", resource: "deployments", namespace: "default", body });
      }),
    );

    // 10 workers, ~1,000 pods: pan and zoom.
    await page.goto(`${BASE}?workers=10`);
    await page.getByRole("group", { name: "worker-10, Ready" }).waitFor({ state: "visible" });
    await page.getByRole("combobox", { name: "Speed" }).selectOption("600");
    await page.evaluate(() => {
      const body = {
        apiVersion: "apps/v1",
        kind: "Deployment",
        metadata: { name: "big", namespace: "default" },
        spec: { replicas: 1000, selector: { matchLabels: { app: "big" } }, template: { metadata: { labels: { app: "big" } }, spec: { containers: [{ name: "nginx", image: "nginx:1.27" }] } } },
      };
      void window.kubeglass.request({ verb: "create", resource: "deployments", namespace: "default", body });
    });
    const podCount = () => page.evaluate(() => window.kubeglass.session.store.getState().objects.pods.size);
    const t0 = Date.now();
    while ((await podCount()) < 1000 && Date.now() - t0 < 120_000) await page.waitForTimeout(500);
    const pods = await podCount();
    const box = (await page.getByRole("region", { name: "Cluster diagram" }).boundingBox()) ?? { x: 0, y: 0, width: 1280, height: 600 };
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    const gesture = async () => {
      await page.mouse.move(cx, cy);
      for (let i = 0; i < 10; i++) {
        await page.mouse.wheel(0, i % 2 ? 240 : -240);
        await page.waitForTimeout(60);
      }
      await page.mouse.down();
      for (let i = 0; i < 40; i++) await page.mouse.move(cx + Math.sin(i / 4) * 200, cy + Math.cos(i / 4) * 100);
      await page.mouse.up();
    };
    // While the cluster keeps working at ×1 (heartbeats, status updates), then paused.
    await page.getByRole("combobox", { name: "Speed" }).selectOption("1");
    await page.waitForTimeout(1000);
    const panZoom = await frameIntervals(page, 4000, gesture);
    await page.getByRole("button", { name: "Pause" }).click();
    const panZoomPaused = await frameIntervals(page, 4000, gesture);
    await browser.close();

    const r = stats(rollout);
    const p = stats(panZoom);
    const pp = stats(panZoomPaused);
    console.log("kubeglass UI benchmark (Chromium, 1280×800)");
    console.log(`  initial JS (gzip)                 ${(js.total / 1024).toFixed(1)} KB  (${js.files.join(", ")})`);
    console.log(`  loaded after first paint (gzip)   ${js.lazy.join(", ")}`);
    loadLines();
    console.log(`  10-replica rollout at ×1          median ${fmt(r.median)} ms, p95 ${fmt(r.p95)} ms, max ${fmt(r.max)} ms over ${r.frames} frames`);
    console.log(`  pan/zoom, 10 workers, ${pods} pods, playing ×1   median ${fmt(p.median)} ms, p95 ${fmt(p.p95)} ms, max ${fmt(p.max)} ms over ${p.frames} frames`);
    console.log(`  pan/zoom, 10 workers, ${pods} pods, paused       median ${fmt(pp.median)} ms, p95 ${fmt(pp.p95)} ms, max ${fmt(pp.max)} ms over ${pp.frames} frames`);
  } finally {
    try {
      process.kill(-server.pid);
    } catch {
      /* already gone */
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
