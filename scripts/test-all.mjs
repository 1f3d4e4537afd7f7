// `npm test`: every check that must pass, in one command.
// Runs the type checks, lint, format check, unit tests (vitest) and end-to-end tests (Playwright in
// a real Chromium against the built app), then prints, last, `N passed, N failed`: the sum of unit
// and e2e tests. A check that is not a test (type check, lint, format, build, browser set-up) and
// fails counts as one failure, so the last line can never read "0 failed" over a broken build.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

const REPORTS = '.reports';
rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(REPORTS, { recursive: true });

/** @type {{ name: string, ok: boolean }[]} */
const checks = [];

/** @param {string} name @param {string} cmd @param {string[]} args @param {Record<string,string>} [env] */
function step(name, cmd, args, env = {}) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = r.status === 0;
  checks.push({ name, ok });
  if (!ok) console.log(`=== ${name}: FAILED (exit ${r.status ?? r.signal})`);
  return ok;
}

/** @param {string} file */
function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

const npx = 'npx';
step('svelte-check', npx, ['svelte-check', '--tsconfig', './tsconfig.json', '--fail-on-warnings']);
step('tsc (scripts, tests, configs)', npx, ['tsc', '-p', 'tsconfig.node.json']);
step('tsc (engine, no DOM)', npx, ['tsc', '-p', 'tsconfig.engine.json']);
step('eslint', npx, ['eslint', '.']);
step('prettier', npx, ['prettier', '--check', '.']);

// Unit tests are counted from vitest's JSON report, not from its coloured console summary.
const unitRan = step('vitest', npx, [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${REPORTS}/vitest.json`,
]);
const unit = readJson(`${REPORTS}/vitest.json`);
let passed = 0;
let failed = 0;
let skipped = 0;
if (unit) {
  passed += unit.numPassedTests ?? 0;
  failed += unit.numFailedTests ?? 0;
  skipped += (unit.numPendingTests ?? 0) + (unit.numTodoTests ?? 0);
} else if (!unitRan) {
  console.log('=== vitest wrote no report');
}

// End-to-end: a browser must exist (installed here if it can be), and the app must build.
const browserOk = step('browser', 'node', ['scripts/ensure-browser.mjs']);
const buildOk = browserOk && step('vite build', npx, ['vite', 'build']);
if (buildOk) {
  step('playwright', npx, ['playwright', 'test'], { CI: process.env.CI ?? '' });
  const e2e = readJson(`${REPORTS}/playwright.json`);
  if (e2e?.stats) {
    passed += (e2e.stats.expected ?? 0) + (e2e.stats.flaky ?? 0);
    failed += e2e.stats.unexpected ?? 0;
    skipped += e2e.stats.skipped ?? 0;
  } else {
    console.log('=== playwright wrote no report');
  }
}

// A failed step whose report shows no failed test (a crash, no tests found, no report, a failed
// check that is not a test) adds one failure.
const failuresInReport = {
  vitest: unit?.numFailedTests ?? 0,
  playwright: readJson(`${REPORTS}/playwright.json`)?.stats?.unexpected ?? 0,
};
const failedChecks = checks.filter((c) => !c.ok);
const uncountedFailures = failedChecks.filter(
  (c) =>
    !(c.name in failuresInReport) ||
    failuresInReport[/** @type {'vitest'|'playwright'} */ (c.name)] === 0,
).length;
failed += uncountedFailures;

console.log('\n=== summary');
for (const c of checks) console.log(`${c.ok ? 'ok  ' : 'FAIL'} ${c.name}`);
if (uncountedFailures > 0)
  console.log(`(${uncountedFailures} failed check(s) counted as failures)`);
const anyFailure = failedChecks.length > 0 || failed > 0;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(anyFailure ? 1 : 0);
