// Finds the Chromium that the end-to-end tests drive, in a fixed order of preference:
// 1. the path in CHROMIUM_PATH, when set (it must exist: a wrong path is an error, not a fallback);
// 2. Playwright's own installed Chromium, when present;
// 3. Debian's /usr/bin/chromium.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/**
 * @returns {{ path: string | undefined, source: 'env' | 'playwright' | 'system' | 'none', problem?: string }}
 */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return { path: fromEnv, source: 'env' };
    return {
      path: undefined,
      source: 'none',
      problem: `CHROMIUM_PATH is set to ${fromEnv}, but no file is there.`,
    };
  }
  let own;
  try {
    own = chromium.executablePath();
  } catch {
    own = undefined;
  }
  if (own && existsSync(own)) return { path: own, source: 'playwright' };
  if (existsSync(SYSTEM_CHROMIUM)) return { path: SYSTEM_CHROMIUM, source: 'system' };
  return { path: undefined, source: 'none' };
}

/**
 * Flags that keep Chromium from reaching for the network on its own (updates, sync, field trials):
 * the app must work from its own origin, and this machine has no route out.
 */
export const CHROMIUM_ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-default-apps',
  '--disable-domain-reliability',
];

/**
 * Playwright's launch options for the Chromium that findChromium finds (Playwright's own needs no
 * path), with CHROMIUM_ARGS.
 * @returns {import('@playwright/test').LaunchOptions}
 */
export function launchOptions() {
  const found = findChromium();
  return {
    ...(found.path && found.source !== 'playwright' ? { executablePath: found.path } : {}),
    args: CHROMIUM_ARGS,
  };
}

/** Launches the Chromium that findChromium finds, with CHROMIUM_ARGS. */
export function launchChromium() {
  return chromium.launch(launchOptions());
}
