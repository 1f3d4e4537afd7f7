import { PRESETS, runScenario, REGISTRY } from '../registry';
import { simulatePopulation } from '../registryApi';
import { describe, expect, it } from 'vitest';
import { longestEsketamineCourse } from './courseScenarios';
import { mulberry32, normal } from './rng';
import {
  drawEta,
  etaSampler,
  percentileOfSorted,
  percentilesOverTime,
  MAX_PATIENT_VALUES,
  populationProblems,
} from './variability';

const MODELS = REGISTRY.models;

describe('random effects', () => {
  it('are reproducible from the seed and differ between seeds', () => {
    const s = etaSampler(MODELS.perezruixo2021!);
    expect(drawEta(s, mulberry32(7))).toEqual(drawEta(s, mulberry32(7)));
    expect(drawEta(s, mulberry32(7))).not.toEqual(drawEta(s, mulberry32(8)));
  });

  it('have the published variances (within 5 % over 20,000 draws)', () => {
    const model = MODELS.perezruixo2021!;
    const s = etaSampler(model);
    const rng = mulberry32(11);
    const n = 20000;
    const sums: Record<string, number> = {};
    for (let i = 0; i < n; i++) {
      const eta = drawEta(s, rng);
      for (const [k, v] of Object.entries(eta)) sums[k] = (sums[k] ?? 0) + v * v;
    }
    for (const name of s.names) {
      const want = model.parameters[name]!.iiv!.variance;
      expect(Math.abs(sums[name]! / n - want) / want, name).toBeLessThan(0.05);
    }
  });

  it('carry the published covariance between norketamine V and CL (Otto 2021: 0.044, within 0.006)', () => {
    const s = etaSampler(MODELS.kamp2020!);
    const rng = mulberry32(3);
    let c = 0;
    const n = 20000;
    for (let i = 0; i < n; i++) {
      const e = drawEta(s, rng);
      c += e.VnC! * e.CLn!;
    }
    expect(Math.abs(c / n - 0.044)).toBeLessThan(0.006);
  });

  it('draw standard normals with mean 0 and variance 1 (to 0.02 over 50,000)', () => {
    const rng = mulberry32(5);
    let s = 0;
    let s2 = 0;
    const n = 50000;
    for (let i = 0; i < n; i++) {
      const z = normal(rng);
      s += z;
      s2 += z * z;
    }
    expect(Math.abs(s / n)).toBeLessThan(0.02);
    expect(Math.abs(s2 / n - 1)).toBeLessThan(0.02);
  });
});

describe('population percentiles', () => {
  /** 400 virtual patients of the 84 mg nasal preset, seed 42, at 10 min steps. */
  const esk84Population = () => {
    const pop = simulatePopulation(PRESETS['esk-84']!, {
      nPatients: 400,
      rng: mulberry32(42),
      stepMin: 10,
    });
    if (!pop.ok) throw new Error('population run failed');
    return pop.result;
  };
  const r = esk84Population();

  it('are ordered 5 <= 25 <= 50 <= 75 <= 95 at every time for every series', () => {
    for (const bands of Object.values(r.bands)) {
      for (let t = 0; t < r.tMin.length; t++) {
        for (let j = 1; j < bands!.length; j++)
          expect(bands![j]![t]!).toBeGreaterThanOrEqual(bands![j - 1]![t]!);
      }
    }
  });

  it('spread out: the 5-95 % band at 45 min is wider than 20 % of the median', () => {
    const k = Array.from(r.tMin).indexOf(40);
    const b = r.bands.esketamine!;
    expect((b[4]![k]! - b[0]![k]!) / b[2]![k]!).toBeGreaterThan(0.2);
  });

  it('put the typical patient inside the 25-75 % band at the peak', () => {
    const typical = runScenario({ ...PRESETS['esk-84']!, options: { endH: 24, stepMin: 10 } });
    if (!typical.ok) throw new Error('typical run failed');
    const k = Array.from(r.tMin).indexOf(40);
    const b = r.bands.esketamine!;
    const c = typical.result.plasma.esketamine![k]!;
    expect(c).toBeGreaterThan(b[1]![k]!);
    expect(c).toBeLessThan(b[3]![k]!);
  });

  it('are the same for the same seed', () => {
    const again = esk84Population();
    expect(Array.from(again.bands.esketamine![2]!)).toEqual(Array.from(r.bands.esketamine![2]!));
  });

  it('says when a model has no published variability for the parent drug', () => {
    const kamp = simulatePopulation(
      { ...PRESETS['iv-0.5']!, model: 'kamp2020' },
      {
        nPatients: 20,
        rng: mulberry32(1),
        stepMin: 30,
      },
    );
    if (!kamp.ok) throw new Error('population run failed');
    expect(kamp.result.warnings.map((w) => w.message).join(' ')).toContain(
      'no published between-subject variability for ketamine',
    );
  });

  it('says which published variability it leaves out, apart from what was never published', () => {
    const film = simulatePopulation(
      {
        ...PRESETS['iv-0.5']!,
        model: 'simons2022-film',
        regimen: { kind: 'sublingual', doseMg: 50, holdMin: 10, schedule: { kind: 'single' } },
      },
      { nPatients: 20, rng: mulberry32(1), stepMin: 30 },
    );
    if (!film.ok) throw new Error('population run failed');
    const said = film.result.warnings.map((w) => w.message);
    const unpublished = said.find((m) => m.includes('(none published)'))!;
    const occasions = said.find((m) => m.includes('between occasions'))!;
    // Table 4 gives between-occasion variances for the absorption: not "none published".
    for (const p of ['F1', 'D1', 'KA1', 'F2', 'D2', 'KA2', 'MTTG']) {
      expect(occasions).toMatch(new RegExp(`\\b${p}\\b`));
      expect(unpublished).not.toMatch(new RegExp(`\\b${p}\\b`));
    }
    expect(unpublished).toMatch(/\bVK2\b/);
  });

  it('refuses a bad patient count with a message', () => {
    const bad = simulatePopulation(PRESETS['esk-84']!, { nPatients: 1, rng: mulberry32(1) });
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.problems[0]!.message).toContain(
        'nPatients must be a whole number from 2 to 20000',
      );
  });

  it.each([0, -1, Number.NaN, 1e-9])(
    'refuses a step of %s min with a message, without throwing',
    (stepMin) => {
      const bad = simulatePopulation(PRESETS['esk-84']!, {
        nPatients: 10,
        rng: mulberry32(1),
        stepMin,
      });
      expect(bad.ok).toBe(false);
      if (!bad.ok)
        expect(bad.problems[0]!.message).toContain('stepMin must be a number from 0.05 to 240 min');
    },
  );

  it('refuses more patients x time points x series than the limit (20,000 patients at 0.05 min), before allocating', () => {
    const bad = simulatePopulation(PRESETS['esk-84']!, {
      nPatients: 20000,
      rng: mulberry32(1),
      stepMin: 0.05,
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.problems[0]!.path).toBe('stepMin');
      expect(bad.problems[0]!.message).toBe(
        '20000 patients x 28801 time points x 3 series is more than 8,000,000 values (64 MB): use fewer patients, fewer series, a larger step or a shorter time',
      );
    }
  });

  it("accepts the app's largest band, 1000 patients over a 26-week course on the sessions grid, and refuses it on the regular 30-min grid", () => {
    const s = longestEsketamineCourse(PRESETS['esk-84']!);
    const parent = { nPatients: 1000, stepMin: 30, series: ['parent'] as const };
    expect(populationProblems(s, { ...parent, grid: 'sessions' })).toEqual([]);
    expect(populationProblems(s, parent)).toEqual([
      {
        path: 'stepMin',
        message:
          '1000 patients x 8737 time points x 1 series is more than 8,000,000 values (64 MB): use fewer patients, fewer series, a larger step or a shorter time, or the sessions grid (grid "sessions")',
      },
    ]);
    // ...and one more patient's worth of values over the limit is refused on either grid.
    const points = 1387;
    const most = Math.floor(MAX_PATIENT_VALUES / points);
    const sessions = { ...parent, grid: 'sessions' as const };
    expect(populationProblems(s, { ...sessions, nPatients: most })).toEqual([]);
    expect(populationProblems(s, { ...sessions, nPatients: most + 1 }).map((p) => p.path)).toEqual([
      'stepMin',
    ]);
  });

  it('refuses an unknown grid with a message', () => {
    const grid = 'weekly' as unknown as 'regular';
    expect(populationProblems(PRESETS['esk-84']!, { nPatients: 10, grid })).toEqual([
      { path: 'grid', message: 'grid must be "regular" or "sessions", got "weekly"' },
    ]);
  });
});

describe('percentileOfSorted', () => {
  it.each([
    [0, 1],
    [50, 3],
    [100, 5],
    [25, 2],
    [10, 1.4],
  ])('p%s of 1..5 is %s', (p, want) => {
    expect(percentileOfSorted(Float64Array.of(1, 2, 3, 4, 5), p)).toBeCloseTo(want, 12);
  });
});

describe('percentilesOverTime', () => {
  it('matches sorting each column afresh, on shuffled and crossing data', () => {
    const N = 300;
    const T = 40;
    const rng = mulberry32(9);
    const data = new Float64Array(N * T);
    const rate = Array.from({ length: N }, () => 0.05 + rng());
    for (let t = 0; t < T; t++)
      for (let i = 0; i < N; i++)
        data[t * N + i] = Math.exp(-rate[i]! * t) * (1 + 0.2 * rng()) + (t === 7 ? rng() : 0);
    const got = percentilesOverTime(data, N, T, [0, 5, 50, 95, 100]);
    for (let t = 0; t < T; t++) {
      const col = Float64Array.from({ length: N }, (_, i) => data[i * T + t]!).sort();
      [0, 5, 50, 95, 100].forEach((p, j) => expect(got[j]![t]).toBe(percentileOfSorted(col, p)));
    }
  });
});

describe('population series', () => {
  it('summarises only the requested series, with the same parent band as a full run', () => {
    const full = simulatePopulation(PRESETS['esk-56']!, {
      nPatients: 60,
      rng: mulberry32(4),
      stepMin: 30,
    });
    const parent = simulatePopulation(PRESETS['esk-56']!, {
      nPatients: 60,
      rng: mulberry32(4),
      stepMin: 30,
      series: ['parent'],
    });
    if (!full.ok || !parent.ok) throw new Error('population run failed');
    expect(Object.keys(parent.result.bands)).toEqual(['esketamine']);
    expect(Object.keys(full.result.bands).sort()).toEqual([
      'effectSite',
      'esketamine',
      'noresketamine',
    ]);
    parent.result.bands.esketamine!.forEach((band, j) =>
      band.forEach((v, t) => expect(v).toBeCloseTo(full.result.bands.esketamine![j]![t]!, 10)),
    );
  });
});

describe('percentilesOverTime against sorting, on random data', () => {
  it('is exact by insertion and by selection for random sizes, smooth drifts, jumps, ties, zeros and reordered columns (200 cases)', () => {
    const rng = mulberry32(21);
    for (let c = 0; c < 200; c++) {
      const N = 2 + Math.floor(rng() * 400);
      const T = 1 + Math.floor(rng() * 30);
      const data = new Float64Array(N * T);
      const level = Array.from({ length: N }, () => rng() * 100);
      const drift = Array.from({ length: N }, () => (rng() - 0.5) * 3);
      for (let t = 0; t < T; t++) {
        // Now and then every patient's place changes (as at a new dose in a course).
        const reordered = rng() < 0.2;
        for (let i = 0; i < N; i++) {
          const jump = rng() < 0.02 ? rng() * 50 : 0;
          const tie = rng() < 0.1 ? 7 : rng() < 0.03 ? 0 : null;
          data[i * T + t] = tie ?? (reordered ? rng() * 100 : level[i]! + drift[i]! * t + jump);
        }
      }
      const ps = [0, 5, 25, 50, 75, 95, 100].filter(() => rng() < 0.8);
      const byInsertion = percentilesOverTime(data, N, T, ps, 'insertion');
      const bySelection = percentilesOverTime(data, N, T, ps, 'selection');
      for (let t = 0; t < T; t++) {
        const col = Float64Array.from({ length: N }, (_, i) => data[i * T + t]!).sort();
        ps.forEach((p, j) => {
          expect(byInsertion[j]![t]).toBe(percentileOfSorted(col, p));
          expect(bySelection[j]![t]).toBe(percentileOfSorted(col, p));
        });
      }
    }
  });
});

describe('population with capped nasal fractions', () => {
  it('gives Japanese patients a band (a patient whose FRn is capped at 1 once made the run throw)', () => {
    const base = PRESETS['esk-84']!;
    const s = { ...base, patient: { ...base.patient, asian: true, japanese: true } };
    const r = simulatePopulation(s, { nPatients: 1000, rng: mulberry32(3), stepMin: 5 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.result.warnings.map((w) => w.code)).toContain('fraction-capped');
    const [p5, , , , p95] = r.result.bands.esketamine!;
    expect(p95![8]! / p5![8]!).toBeGreaterThan(1.2);
  });
});
