import { defineConfig } from '@playwright/test';
import { findChromium, CHROMIUM_ARGS } from './scripts/browser.mjs';

// PW_PORT and PW_OUTDIR let two people (or helpers) test separate builds at once without sharing a
// server or a dist folder; by default the tests use port 4180 and dist/.
const PORT = Number(process.env.PW_PORT ?? 4180);
const OUTDIR = process.env.PW_OUTDIR ?? 'dist';
const browser = findChromium();

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: '.reports/playwright.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    launchOptions: {
      ...(browser.path && browser.source !== 'playwright' ? { executablePath: browser.path } : {}),
      args: CHROMIUM_ARGS,
    },
  },
  webServer: {
    // The tests run against the built app, served as a user would serve it: with its security
    // headers (scripts/serve.mjs sends those of scripts/security-headers.mjs).
    command: `node scripts/serve.mjs --host 127.0.0.1 --port ${PORT} --dir ${OUTDIR}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
