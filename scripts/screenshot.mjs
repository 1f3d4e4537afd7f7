// Takes the README's screenshot of the built app: `npm run build && node scripts/screenshot.mjs`.
import { spawn } from 'node:child_process';
import { launchChromium } from './browser.mjs';

const PORT = 4181;
const server = spawn(
  process.execPath,
  ['scripts/serve.mjs', '--host', '127.0.0.1', '--port', String(PORT)],
  {
    stdio: 'ignore',
  },
);
try {
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  for (let i = 0; i < 50; i++) {
    try {
      await page.goto(`http://127.0.0.1:${PORT}/`);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: 'docs/screenshot.png' });
  await browser.close();
  console.log('wrote docs/screenshot.png');
} finally {
  server.kill();
}
