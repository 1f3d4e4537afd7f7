/**
 * The evidence register in models/SOURCES.md (section "Evidence register") and the models' own
 * labels must agree: every parameter of every model has exactly one row there, with the same value,
 * unit and evidence status, and every row names a parameter that exists. Either side changing alone
 * fails here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Evidence } from '../src/engine/types';
import { MODELS } from './index';

const STATUS: Record<string, Evidence> = {
  VERIFIED: 'verified',
  CORROBORATED: 'corroborated',
  UNVERIFIED: 'unverified',
  ASSUMPTION: 'assumption',
};

interface Row {
  model: string;
  key: string;
  value: string;
  unit: string;
  status: string;
  line: number;
}

function register(): Row[] {
  const text = readFileSync(new URL('./SOURCES.md', import.meta.url), 'utf8').split('\n');
  const start = text.findIndex((l) => /^## \d+\. Evidence register/.test(l));
  if (start < 0) throw new Error('SOURCES.md has no "Evidence register" section');
  const rows: Row[] = [];
  for (let i = start + 1; i < text.length && !text[i]!.startsWith('## '); i++) {
    const cells = text[i]!.split('|').map((c) => c.trim());
    if (cells.length !== 7 || cells[1] === 'model' || /^-+$/.test(cells[1]!)) continue;
    rows.push({
      model: cells[1]!,
      key: cells[2]!,
      value: cells[3]!,
      unit: cells[4]!,
      status: cells[5]!,
      line: i + 1,
    });
  }
  return rows;
}

const rows = register();
const RANGES = 'population ranges';

describe('evidence register (models/SOURCES.md) against the models', () => {
  it('has rows', () => expect(rows.length).toBeGreaterThan(50));

  it.each(Object.values(MODELS).map((m) => [m.id, m] as const))(
    '%s: every parameter has one row with the same value, unit and status',
    (id, model) => {
      for (const [key, p] of Object.entries(model.parameters)) {
        const found = rows.filter((r) => r.model === id && r.key === key);
        expect(found.length, `${id}.${key}: rows in SOURCES.md`).toBe(1);
        const r = found[0]!;
        expect(STATUS[r.status], `${id}.${key} status (SOURCES.md line ${r.line})`).toBe(
          p.evidence,
        );
        expect(r.unit, `${id}.${key} unit (line ${r.line})`).toBe(p.unit);
        const v = Number(r.value);
        expect(
          Math.abs(v - p.value) / Math.abs(p.value),
          `${id}.${key} value (line ${r.line})`,
        ).toBeLessThan(1e-5);
      }
      const ranges = rows.filter((r) => r.model === id && r.key === RANGES);
      expect(ranges.length, `${id}: population ranges row`).toBe(1);
      const pop = model.population;
      expect(ranges[0]!.value).toBe(
        `${pop.ageYears[0]}-${pop.ageYears[1]} y; ${pop.weightKg[0]}-${pop.weightKg[1]} kg`,
      );
      expect(STATUS[ranges[0]!.status], `${id}: ranges status`).toBe(pop.rangesEvidence);
    },
  );

  it('names only models and parameters that exist', () => {
    for (const r of rows) {
      const model = MODELS[r.model];
      expect(model, `line ${r.line}: model ${r.model}`).toBeDefined();
      if (r.key !== RANGES)
        expect(Object.hasOwn(model!.parameters, r.key), `line ${r.line}: ${r.key}`).toBe(true);
    }
  });
});
