import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";
import type { Plugin } from "vite";

/**
 * The simulation is its own chunk (it keeps the first paint small), but the page needs it at
 * once: a modulepreload link lets the browser fetch it while the entry still loads.
 */
function preloadSimulation(): Plugin {
  return {
    name: "kubeglass:preload-simulation",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(_html, ctx) {
        const chunk = Object.values(ctx.bundle ?? {}).find((c) => c.type === "chunk" && c.facadeModuleId?.endsWith("/src/sim/index.ts"));
        return chunk ? [{ tag: "link", attrs: { rel: "modulepreload", crossorigin: true, href: `./${chunk.fileName}` }, injectTo: "head" }] : [];
      },
    },
  };
}

// A relative base lets dist/ be served from any sub-path (GitHub Pages project page, a
// university web server) without rebuilding.
export default defineConfig({
  base: "./",
  plugins: [react(), preloadSimulation()],
  build: { target: "es2022", sourcemap: true },
  test: {
    include: ["src/**/*.test.ts", "src/**/*.test.tsx", "scripts/**/*.test.ts"],
    environment: "node",
    reporters: ["default", ["json", { outputFile: "test-results/unit-report.json" }]],
  },
});
