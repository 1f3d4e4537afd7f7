// Makes sure a Chromium exists for the end-to-end tests, installing one when none is found:
// first with Playwright's own installer, then (as root, with apt) Debian's `chromium` package.
// If both fail it exits non-zero with a message that says how to get a browser: e2e is never
// skipped silently.
import { spawnSync } from 'node:child_process';
import { findChromium } from './browser.mjs';

/** @param {string} cmd @param {string[]} args @param {number} timeoutMs */
function run(cmd, args, timeoutMs) {
  console.log(`ensure-browser: running ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', timeout: timeoutMs });
  return r.status === 0;
}

const found = findChromium();
if (found.problem) {
  console.error(`ensure-browser: ${found.problem}`);
  process.exit(1);
}
if (found.path) {
  console.log(`ensure-browser: using ${found.source} Chromium at ${found.path}`);
  process.exit(0);
}

console.log('ensure-browser: no Chromium found; trying to install one.');
run('npx', ['playwright', 'install', 'chromium'], 180_000);
if (!findChromium().path) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (isRoot && hasApt) {
    run('apt-get', ['update'], 300_000);
    run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], 600_000);
  }
}

const after = findChromium();
if (!after.path) {
  console.error(
    [
      'ensure-browser: no Chromium could be found or installed, so the end-to-end tests cannot run.',
      'Get one of these, then run the tests again:',
      "  - Playwright's browser:  npx playwright install chromium",
      '  - Debian or Ubuntu:      sudo apt-get install chromium',
      '  - any Chromium or Chrome: set CHROMIUM_PATH=/path/to/chromium',
    ].join('\n'),
  );
  process.exit(1);
}
console.log(`ensure-browser: using ${after.source} Chromium at ${after.path}`);
