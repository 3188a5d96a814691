import { appendFileSync, mkdirSync } from 'node:fs';

/**
 * Records one line of what a reliability test measured (cases, crashes, kills, time back…).
 * `.ci/summarize.mjs` prints these lines last, before "N passed, N failed", so a run is also a
 * measurement; each line is also printed where the test runs.
 */
export function recordFigure(line: string): void {
  mkdirSync('.test-results', { recursive: true });
  appendFileSync('.test-results/figures.txt', `${line}\n`);
  console.log(line);
}
