import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

// A relative base lets dist/ be served from any sub-path (GitHub Pages project page, a
// university web server) without rebuilding.
export default defineConfig({
  base: "./",
  plugins: [react()],
  build: { target: "es2022", sourcemap: true },
  test: {
    include: ["src/**/*.test.ts", "src/**/*.test.tsx", "scripts/**/*.test.ts"],
    environment: "node",
    reporters: ["default", ["json", { outputFile: "test-results/unit-report.json" }]],
  },
});
