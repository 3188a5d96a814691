/* global process, console -- run by Node in CI */
// Prints the closing line CI reads: "N passed, N failed", from vitest's JSON report.
// A step before vitest (typecheck, lint, build, web-ext lint) that failed counts as one failure.
import { existsSync, readFileSync } from 'node:fs';

const [reportPath, statusArg] = process.argv.slice(2);
const status = Number(statusArg);
let passed = 0;
let failed = 0;
if (reportPath && existsSync(reportPath)) {
  const report = JSON.parse(readFileSync(reportPath, 'utf8'));
  passed = report.numPassedTests;
  failed = report.numFailedTests;
  // A test file that failed to load has no failed test but a failed suite.
  for (const file of report.testResults ?? []) {
    if (file.status === 'failed' && file.assertionResults.every((a) => a.status !== 'failed')) failed += 1;
  }
}
if (status !== 0 && failed === 0) failed = 1;
// What the reliability suite measured (tests/support/figures.ts), just above the closing line.
const figures = '.test-results/figures.txt';
if (existsSync(figures)) process.stdout.write(readFileSync(figures, 'utf8'));
console.log(`${passed} passed, ${failed} failed`);
process.exit(status === 0 && failed === 0 ? 0 : 1);
