import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";
import type { Plugin } from "vite";

/**
 * The simulation is its own chunk, evaluated once the planned diagram is on screen. A prefetch
 * link downloads it while the entry loads without compiling it then (a modulepreload would
 * compile it alongside the first render: measured, that made the first paint later).
 */
function prefetchSimulation(): Plugin {
  return {
    name: "kubeglass:prefetch-simulation",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(_html, ctx) {
        // A shared chunk (the panels import the simulation too) has no facade module: look inside.
        const chunk = Object.values(ctx.bundle ?? {}).find((c) => c.type === "chunk" && c.moduleIds.some((id) => id.endsWith("/src/sim/index.ts")));
        return chunk ? [{ tag: "link", attrs: { rel: "prefetch", as: "script", crossorigin: true, href: `./${chunk.fileName}` }, injectTo: "head" }] : [];
      },
    },
  };
}

// A relative base lets dist/ be served from any sub-path (GitHub Pages project page, a
// university web server) without rebuilding.
export default defineConfig({
  base: "./",
  plugins: [react(), prefetchSimulation()],
  build: { target: "es2022", sourcemap: true },
  test: {
    include: ["src/**/*.test.ts", "src/**/*.test.tsx", "scripts/**/*.test.ts"],
    environment: "node",
    reporters: ["default", ["json", { outputFile: "test-results/unit-report.json" }]],
  },
});
