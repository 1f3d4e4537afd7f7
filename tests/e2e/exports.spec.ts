/**
 * Exports that say what they show away from the page: the chart as a figure (SVG and PNG), the
 * data of every scenario as CSV with its metadata, and the scenarios saved to a file and opened
 * again, with a clear refusal of a bad file that changes nothing.
 */
import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { testWithoutErrors as test } from './helpers';

const rows = (page: Page) => page.locator('table.summary tbody tr');
const tabs = (page: Page) => page.getByRole('group', { name: /^Scenarios/ }).getByRole('radio');

/** Opens the simulator and makes a second scenario: the nasal spray, beside the IV default. */
async function twoScenarios(page: Page): Promise<string[]> {
  await page.goto('./');
  await expect(rows(page)).toHaveCount(1);
  await page.getByRole('button', { name: 'Add a copy to compare' }).click();
  await page.getByRole('radio', { name: 'Intranasal esketamine (Spravato)' }).check();
  await expect(rows(page)).toHaveCount(2);
  await expect(rows(page).nth(1)).toContainText('Nasal');
  // The row is named at once; its curve is the nasal one once the engine has answered.
  await expect(page.locator('#conc-chart-title ~ .readouts')).toContainText('esketamine');
  const peak = (k: number) => rows(page).nth(k).locator('td').first().textContent();
  await expect.poll(async () => (await peak(1)) !== (await peak(0))).toBe(true);
  return scenarioNames(page);
}

const scenarioNames = (page: Page) => page.locator('.scenarios fieldset .name').allTextContents();

/** Clicks a button and returns the file it downloads: its suggested name and its bytes. */
async function save(page: Page, name: string) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name }).click(),
  ]);
  return {
    file: download.suggestedFilename(),
    path: (await download.path())!,
    bytes: readFileSync((await download.path())!),
  };
}

/** The scenario names that the page's address holds (the simulator writes it once changes pause). */
function addressNames(page: Page): string[] {
  const raw = new URLSearchParams(new URL(page.url()).hash.slice(1)).get('state');
  if (!raw) return [];
  const json = Buffer.from(raw, 'base64url').toString('utf8');
  return (JSON.parse(json) as { scenarios: { name: string }[] }).scenarios.map((s) => s.name);
}

const today = (page: Page) => page.evaluate(() => new Date().toISOString().slice(0, 10));
const notice = async (page: Page) =>
  (await page.locator('.teaching-notice').textContent())!.replace(/\s+/g, ' ').trim();
const decode = (s: string) =>
  s.replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n))).replace(/&amp;/g, '&');

test('the chart exports as a figure with title, key, models, notice, date and link, and no slider', async ({
  page,
  context,
}) => {
  const names = await twoScenarios(page);
  const svg = (await save(page, 'Download chart (SVG)')).bytes.toString('utf8');
  // One <text> per line: the figure's words, with the markup's escapes undone.
  const words = decode(
    [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(' '),
  ).replace(/\s+/g, ' ');
  expect(svg).toMatch(/^<\?xml[^>]*>\s*<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(decode(svg)).toContain('<title>Plasma and effect-site concentration (ng/mL)</title>');
  expect(words).toContain('Plasma and effect-site concentration (ng/mL)');
  for (const name of names) expect(words).toContain(name);
  expect(words).toMatch(/Model: Herd 2007 at adult size; Herd DW et al\. 2007/);
  expect(words).toMatch(/Model: Perez-Ruixo 2021; Perez-Ruixo C et al\. 2021/);
  expect(words).toContain('solid: plasma, parent drug');
  expect(words).toContain(await notice(page));
  expect(words).toContain(`Made ${await today(page)}.`);
  // Nothing of the live chart's interaction.
  expect(svg).not.toMatch(/role="slider"|aria-valuenow|aria-|tabindex|onpointer/);
  // The link is the page's address, and it opens the same two scenarios.
  const href = decode(/<a href="([^"]+)"/.exec(svg)![1]!);
  expect(href).toBe(page.url());
  const other = await context.newPage();
  await other.goto(href);
  await expect(rows(other)).toHaveCount(2);
  expect(await scenarioNames(other)).toEqual(names);

  // The PNG is the same figure at twice its size.
  const png = await save(page, 'Download chart (PNG)');
  expect(png.file).toBe('ketamine-concentrations.png');
  const [w, h] = [/width="(\d+)"/, /height="(\d+)"/].map((r) => Number(r.exec(svg)![1]));
  expect(png.bytes.readUInt32BE(16)).toBe(2 * w!);
  expect(png.bytes.readUInt32BE(20)).toBe(2 * h!);
});

test('a figure exported on a 360 px phone keeps every word inside it', async ({
  page,
  context,
}) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('./');
  await expect(rows(page)).toHaveCount(1);
  const long = 'A long scenario name that a teacher gave it for a slide in the lecture hall';
  await page.getByLabel('Name of the selected scenario').fill(long);
  await page.getByLabel('Name of the selected scenario').press('Tab');
  await expect(rows(page).first()).toContainText(long);
  const svg = (await save(page, 'Download chart (SVG)')).bytes.toString('utf8');
  // Laid out by the browser: each line of the frame's text ends inside the figure.
  const viewer = await context.newPage();
  await viewer.setContent(svg.replace(/^<\?xml[^>]*>\s*/, ''));
  const figure = await viewer.evaluate(() => {
    const root = document.querySelector('body > svg') as SVGSVGElement;
    const width = Number(root.getAttribute('width'));
    const lines = [...root.querySelectorAll(':scope > text, :scope > a > text')].map((t) => {
      const box = (t as SVGTextElement).getBBox();
      return { text: t.textContent ?? '', left: box.x, right: box.x + box.width };
    });
    return { width, lines };
  });
  expect(figure.width).toBeGreaterThanOrEqual(360);
  const words = figure.lines.map((l) => l.text).join(' ');
  expect(words).toContain(long.split(' ').slice(0, 4).join(' '));
  expect(words).toContain('Teaching tool only.');
  for (const l of figure.lines) {
    expect(l.left, l.text).toBeGreaterThanOrEqual(0);
    expect(l.right, l.text).toBeLessThanOrEqual(figure.width);
  }
});

test('the CSV holds metadata and the columns of every scenario on one time grid', async ({
  page,
}) => {
  const names = await twoScenarios(page);
  const csv = await save(page, 'Download data of every scenario (CSV)');
  const lines = csv.bytes.toString('utf8').trimEnd().split('\n');
  const meta = new Map(
    lines
      .filter((l) => l.startsWith('# '))
      .map((l) => {
        const at = l.indexOf(': ');
        return [l.slice(2, at), l.slice(at + 2)] as const;
      }),
  );
  expect(meta.get('title')).toBe('Plasma and effect-site concentration (ng/mL)');
  expect(meta.get('made')).toBe(await today(page));
  expect(meta.get('link')).toBe(page.url());
  expect(meta.get('notice')).toBe(await notice(page));
  expect(meta.get('scenario 1 name')).toBe(names[0]);
  expect(meta.get('scenario 2 name')).toBe(names[1]);
  expect(meta.get('scenario 1 model')).toMatch(/Herd DW et al\. 2007/);
  expect(meta.get('scenario 2 model')).toMatch(/Perez-Ruixo C et al\. 2021/);
  expect(meta.get('scenario 2 dose')).toMatch(/^Nasal 84 mg/);
  expect(meta.get('scenario 1 patient')).toMatch(/^\d+ kg, \d+ years/);

  const table = lines.filter((l) => !l.startsWith('#'));
  const header = table[0]!.split(',');
  // The columns the metadata names, in order, after the time (their names: exportCsv.test.ts).
  const named = (k: number) => (meta.get(`scenario ${k} columns`) ?? '').split(' ');
  expect(header).toEqual(['time_min', ...named(1), ...named(2)]);
  expect(named(1)).toContain('s1_ketamine_plasma_ng_per_ml');
  expect(named(2)).toContain('s2_noresketamine_plasma_ng_per_ml');
  const data = table.slice(1).map((l) => l.split(',').map(Number));
  expect(data).toHaveLength(1441);
  for (const row of data) expect(row).toHaveLength(header.length);
  expect(data.map((r) => r[0])).toEqual(Array.from({ length: 1441 }, (_, i) => i));
  // Each scenario's plasma peak is the one its summary row shows.
  for (const [k, col] of [
    [0, 1],
    [1, 4],
  ] as const) {
    const shown = Number(await rows(page).nth(k).locator('td').first().textContent());
    const peak = Math.max(...data.map((r) => r[col]!));
    expect(Math.abs(peak - shown) / shown).toBeLessThan(0.01);
  }
});

test('saved scenarios open again, from the keyboard, and replace the ones shown', async ({
  page,
}) => {
  await twoScenarios(page);
  await page.getByLabel('Name of the selected scenario').fill('My nasal spray');
  await page.getByLabel('Name of the selected scenario').press('Tab');
  await expect(tabs(page).nth(1)).toHaveAccessibleName(/My nasal spray/);
  const names = await scenarioNames(page);
  const file = await save(page, 'Save scenarios (JSON)');
  expect(file.file).toMatch(/^ketamine-scenarios-\d{4}-\d{2}-\d{2}\.json$/);
  const saved = JSON.parse(file.bytes.toString('utf8'));
  expect(saved.format).toBe('ketamine-sim-scenarios');
  expect(saved.version).toBe(1);
  expect(saved.scenarios).toHaveLength(2);

  // Back to one scenario, then open the file.
  await page.getByRole('button', { name: 'Remove selected' }).click();
  await expect(rows(page)).toHaveCount(1);
  // The address follows the removal first, so that its later check shows the opened file.
  await expect.poll(() => addressNames(page)).toHaveLength(1);
  // The file input is the next stop after the save button, named by its label.
  await page.getByRole('button', { name: 'Save scenarios (JSON)' }).focus();
  await page.keyboard.press('Tab');
  const input = page.getByLabel('Open scenario file (JSON)');
  await expect(input).toBeFocused();
  await input.setInputFiles(file.path);
  await expect(page.getByRole('status').filter({ hasText: 'Opened 2 scenarios' })).toBeVisible();
  await expect(rows(page)).toHaveCount(2);
  expect(await scenarioNames(page)).toEqual(names);
  await expect(page.getByRole('alert')).toHaveCount(0);
  // The address follows, so a reload shows the opened scenarios.
  await expect.poll(() => addressNames(page)).toEqual(names);
  await page.reload();
  await expect(rows(page)).toHaveCount(2);
  expect(await scenarioNames(page)).toEqual(names);

  // Opening a file can be undone, as a reset can: what it replaced comes back.
  await page.getByRole('button', { name: 'Remove selected' }).click();
  await expect(rows(page)).toHaveCount(1);
  await page.getByLabel('Open scenario file (JSON)').setInputFiles(file.path);
  await expect(rows(page)).toHaveCount(2);
  await page.getByRole('button', { name: 'Undo open file' }).click();
  await expect(rows(page)).toHaveCount(1);
  await expect(
    page.getByRole('status').filter({ hasText: 'Opening the file undone' }),
  ).toBeVisible();
});

test('a bad scenario file is refused with its reason, and nothing changes', async ({ page }) => {
  const names = await twoScenarios(page);
  const good = JSON.parse((await save(page, 'Save scenarios (JSON)')).bytes.toString('utf8'));
  await expect.poll(() => addressNames(page)).toEqual(names);
  const url = page.url();
  const spoil = (f: (d: typeof good) => void) => {
    const d = structuredClone(good);
    f(d);
    return JSON.stringify(d);
  };
  const bad: [string, string, RegExp][] = [
    ['notes.json', 'this is not { json', /it is not JSON/],
    ['v2.json', spoil((d) => (d.version = 2)), /version 2 of the scenario file/],
    [
      'model.json',
      spoil((d) => (d.scenarios[1].scenario.model = 'smith1999')),
      /scenario 2: Unknown model "smith1999"/,
    ],
    [
      'dose.json',
      spoil((d) => (d.scenarios[0].scenario.regimen.doseMgPerKg = 9)),
      /scenario 1: regimen\.doseMgPerKg must be between 0\.05 and 2 mg\/kg, got 9/,
    ],
    [
      'many.json',
      spoil((d) => (d.scenarios = Array(5).fill(d.scenarios[0]))),
      /holds 5 scenarios, and at most 4/,
    ],
    ['big.json', ' '.repeat(1_000_001), /more than the 1,000,000 bytes/],
  ];
  const input = page.getByLabel('Open scenario file (JSON)');
  for (const [name, text, why] of bad) {
    await input.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    const alert = page.getByRole('alert');
    await expect(alert).toHaveText(why);
    await expect(alert).toContainText('This file could not be opened');
    expect(await scenarioNames(page)).toEqual(names);
    await expect(rows(page)).toHaveCount(2);
    expect(page.url()).toBe(url);
  }
});
