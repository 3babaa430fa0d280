import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

// src/sim must run the same in Node, the browser and a Web Worker, and replay byte for byte:
// no React, no DOM, no wall clock, no unseeded randomness, no timers.
const simPurity = {
  files: ["src/sim/**/*.ts"],
  ignores: ["src/sim/**/*.test.ts"],
  languageOptions: { globals: {} },
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          { group: ["react", "react-dom", "react/*", "react-dom/*", "@xyflow/*", "zustand", "zustand/*", "framer-motion"], message: "src/sim is pure TypeScript: no UI libraries." },
          { group: ["**/store/**", "**/ui/**", "**/kubectl/**", "**/script/**"], message: "Layers point one way: ui → store → sim." },
        ],
      },
    ],
    "no-restricted-globals": [
      "error",
      { name: "window", message: "No DOM in src/sim." },
      { name: "document", message: "No DOM in src/sim." },
      { name: "setTimeout", message: "Time comes from the simulation clock." },
      { name: "setInterval", message: "Time comes from the simulation clock." },
      { name: "requestAnimationFrame", message: "Time comes from the simulation clock." },
      { name: "performance", message: "Time comes from the simulation clock." },
      { name: "Date", message: "Time comes from the simulation clock." },
    ],
    "no-restricted-properties": [
      "error",
      { object: "Math", property: "random", message: "Randomness comes from the seeded generator." },
      { object: "Date", property: "now", message: "Time comes from the simulation clock." },
    ],
  },
};

export default tseslint.config(
  { ignores: ["dist", "node_modules", "test-results", "playwright-report", "bench-results"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["**/*.{js,mjs}"],
    languageOptions: { globals: { ...globals.node } },
  },
  simPurity,
);
