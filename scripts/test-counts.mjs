#!/usr/bin/env node
// Sums the unit (Vitest) and end-to-end (Playwright) JSON reports into one line:
// `N passed, N failed`. A missing report counts as one failure, so a runner that never
// started cannot look green.
import { existsSync, readFileSync } from "node:fs";

function read(path) {
  return existsSync(path) ? JSON.parse(readFileSync(path, "utf8")) : null;
}

let passed = 0;
let failed = 0;

const unit = read("test-results/unit-report.json");
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests + (unit.numFailedTestSuites ?? 0);
} else failed += 1;

const e2e = read("test-results/e2e-report.json");
if (e2e) {
  passed += e2e.stats.expected + (e2e.stats.flaky ?? 0);
  failed += e2e.stats.unexpected;
} else failed += 1;

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
