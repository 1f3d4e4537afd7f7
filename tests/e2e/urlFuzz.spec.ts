/**
 * Hostile addresses in the browser (the Node test decodes 10,000; this one runs the whole app):
 * random and mutated fragments, states and lecture sequences, in every view, followed in one page
 * (as Back/Forward or a typed fragment would) and as first loads. The app must never throw, never
 * log an error, never leave its main landmark, and still work afterwards.
 */
import { nasalScenario } from '../../src/registry';
import fc from 'fast-check';
import { expect, test } from '@playwright/test';
import { watchErrors } from './helpers';
import { defaultState } from '../../src/lib/appState';
import { encodeState } from '../../src/lib/urlState';
import { READY_LECTURES } from '../../src/modes/lecture/lectures';
import { encodeSequence } from '../../src/modes/lecture/sequence';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const validState = encodeState({
  ...defaultState(),
  scenarios: [{ name: 'Nasal <b>84</b> mg', scenario: nasalScenario(3) }],
}).slice('?v=1&state='.length);
const validSeq = encodeSequence(READY_LECTURES[0]!.sequence);

function mutate(valid: string) {
  return fc
    .tuple(fc.nat({ max: valid.length - 1 }), fc.string({ maxLength: 4 }), fc.nat({ max: 3 }))
    .map(([at, ins, del]) => `${valid.slice(0, at)}${ins}${valid.slice(at + del)}`);
}

const mode = fc.constantFrom(
  'simulator',
  'lecture',
  'presenter',
  'patient',
  'exercises',
  'x',
  '',
  'constructor',
);
const stateParam = fc.oneof(
  mutate(validState),
  fc.anything().map((x) => b64(JSON.stringify(x) ?? 'null')),
  fc.string({ maxLength: 40 }),
);
const seqParam = fc.oneof(
  mutate(validSeq),
  fc.anything().map((x) => b64(JSON.stringify(x) ?? 'null')),
);
const fragmentArb = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.webQueryParameters(),
  fc
    .record({
      v: fc.constantFrom('1', '2', '', 'x'),
      state: stateParam,
      mode,
      seq: fc.option(seqParam, { nil: undefined }),
      step: fc.option(fc.string({ maxLength: 4 }), { nil: undefined }),
    })
    .map((r) => {
      const p = new URLSearchParams();
      for (const [k, v] of Object.entries(r)) if (v !== undefined) p.set(k, v);
      return p.toString();
    }),
);

test('100 hostile fragments followed in one page: no error, and the app still works', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const errors = watchErrors(page);
  await page.goto('./');
  await expect(page.locator('table.summary tbody tr')).toHaveCount(1);
  const fragments = fc.sample(fragmentArb, { numRuns: 100, seed: 20261201 });
  for (const f of fragments) {
    await page.evaluate((h) => {
      location.hash = h;
    }, f);
    await expect(page.locator('#main')).toHaveCount(1);
  }
  expect(errors).toEqual([]);
  // Afterwards a valid link still shows its scenario.
  await page.evaluate((h) => {
    location.hash = h;
  }, `v=1&state=${validState}`);
  await expect(page.locator('table.summary tbody tr').first()).toContainText(/\d/);
  await expect(page.getByText('Nasal <b>84</b> mg').first()).toBeVisible();
  expect(errors).toEqual([]);
});

test('12 hostile first loads, in the fragment and in the old query: each opens a view', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const errors = watchErrors(page);
  const fragments = fc.sample(fragmentArb, { numRuns: 12, seed: 7 });
  for (const [k, f] of fragments.entries()) {
    await page.goto(k % 2 ? `./#${f}` : `./?${f}`);
    await expect(page.locator('#main')).toHaveCount(1);
    await expect(page.locator('#main')).not.toBeEmpty();
  }
  expect(errors).toEqual([]);
});
