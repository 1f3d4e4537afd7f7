// Renders public/favicon.svg to the PNG app icons the web app manifest lists (192 and 512 px,
// plus a maskable 512 px with a safe margin). Run once after changing the SVG:
// `node scripts/make-icons.mjs`; the PNGs are committed so builds do not need a browser.
import { readFileSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { findChromium, CHROMIUM_ARGS } from './browser.mjs';

const svg = readFileSync('public/favicon.svg', 'utf8');
const found = findChromium();
const browser = await chromium.launch({
  ...(found.path && found.source !== 'playwright' ? { executablePath: found.path } : {}),
  args: CHROMIUM_ARGS,
});
const page = await browser.newPage();
/** @type {{ name: string, size: number, pad: number }[]} */
const icons = [
  { name: 'icon-192.png', size: 192, pad: 0 },
  { name: 'icon-512.png', size: 512, pad: 0 },
  // Maskable icons may be cropped to a circle: keep the drawing inside the middle 80 %.
  { name: 'icon-maskable-512.png', size: 512, pad: 0.1 },
];
for (const { name, size, pad } of icons) {
  await page.setViewportSize({ width: size, height: size });
  const inner = Math.round(size * (1 - 2 * pad));
  await page.setContent(
    `<body style="margin:0;background:#12355b;display:grid;place-items:center;height:${size}px">` +
      `<div style="width:${inner}px;height:${inner}px">${svg.replace('<svg ', `<svg width="${inner}" height="${inner}" `)}</div></body>`,
  );
  writeFileSync(`public/${name}`, await page.screenshot({ omitBackground: false }));
  console.log(`public/${name}`);
}
await browser.close();
