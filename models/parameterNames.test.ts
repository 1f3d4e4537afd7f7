/**
 * Parameter names are types: each model's individual parameters carry exactly its own names, so a
 * misspelt name does not compile (`tsc -p tsconfig.node.json` checks the @ts-expect-error lines
 * below: if the names fell back to plain strings, those lines would no longer be errors and tsc
 * would report the unused directives). The figures at the end pin what the models compute.
 */
import { PRESETS, runScenario } from '../src/registry';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ModelDefinition } from '../src/engine/model';
import { prepareIndividual } from '../src/engine/run';
import { routeScenarioFor } from '../src/engine/presets';
import type { IndividualParameters } from '../src/engine/types';
import { MODELS } from './index';
import { domino, herdAdult } from './ivModels';
import { perezruixo2021, type PerezRuixoParameter } from './perezruixo2021';

const patient = { weightKg: 70, ageYears: 40, asian: false, japanese: false };

describe('parameter names', () => {
  it('are the names of the model, and a misspelt one does not compile', () => {
    const q = perezruixo2021.individualize({}, patient);
    expect(q.Vc).toBe(192);
    // @ts-expect-error: there is no parameter "Vcc" (a misspelling of Vc)
    expect(q.Vcc).toBeUndefined();
    // @ts-expect-error: the random effects are named by the model's parameters too
    expect(perezruixo2021.individualize({ Vcc: 0.1 }, patient).Vc).toBe(192);
    // @ts-expect-error: and so is its parameter table
    expect(perezruixo2021.parameters.vc).toBeUndefined();
    expect(perezruixo2021.parameters.Vc.value).toBe(192);
    // The names are a union of literals, not any string.
    expectTypeOf<'FRn' | 'Vc' | 'Qh' | 'kel' | 'ke0'>().toExtend<PerezRuixoParameter>();
    expectTypeOf<string>().not.toExtend<PerezRuixoParameter>();
  });

  it('include the values a model derives (weightKg), and only its own names', () => {
    const q = herdAdult.individualize({}, { ...patient, weightKg: 80 });
    expectTypeOf(q).toEqualTypeOf<
      IndividualParameters<'V1' | 'V2' | 'CL' | 'Q' | 'ke0' | 'weightKg'>
    >();
    expect(q.weightKg).toBe(80);
    expect(q.V1).toBe(38.7);
    // @ts-expect-error: Herd 2007 has no norketamine, so no VnC
    expect(q.VnC).toBeUndefined();
    // @ts-expect-error: nor a slow peripheral volume
    expect(q.V3).toBeUndefined();
    const d = domino.individualize({}, patient);
    expect(d.VnC).toBe(98.6);
    expect(d.k10).toBe(0.4381);
  });

  it('follow a typed model through the engine, and any model still fits a list of models', () => {
    const run = prepareIndividual(perezruixo2021, PRESETS['esk-84']!);
    expect(run.params.Qh).toBe(151);
    // @ts-expect-error: a misspelt name in a typed run
    expect(run.params.QH).toBeUndefined();
    const models: readonly ModelDefinition[] = [perezruixo2021, herdAdult, domino];
    // Read through the list, a name may be missing: it is number | undefined.
    expectTypeOf(models[0]!.individualize({}, patient).Vc).toEqualTypeOf<number | undefined>();
  });
});

/**
 * Figures of a model's default regimen (0.5 mg/kg over 40 min IV, 84 mg nasal, each other route's
 * default regimen), 70 kg, 40 y.
 */
interface Figures {
  /** parent peak, ng/mL, and its time, min */
  cmax: number;
  tmaxMin: number;
  /** parent at 24 h, ng/mL */
  at24h: number;
  /** metabolite peak, ng/mL */
  metaboliteCmax: number | null;
  /** effect-site concentration at 60 min, ng/mL */
  effectAt60: number;
  /** systemic dose, mg */
  systemic: number;
}

/** Herd 2007 at adult size and in children: the same parameters, so the same figures at 70 kg. */
const HERD_FIGURES: Figures = {
  cmax: 253.4248918855013,
  tmaxMin: 40,
  at24h: 0.0007734169539724276,
  metaboliteCmax: null,
  effectAt60: 157.53878595050273,
  systemic: 35,
};

/** Figures of each model. */
const FIGURES: Record<string, Figures> = {
  'herd-adult': HERD_FIGURES,
  kamp2020: {
    cmax: 253.05183479013772,
    tmaxMin: 40,
    at24h: 0.2710921038507379,
    metaboliteCmax: 90.18898722192348,
    effectAt60: 138.0332233805386,
    systemic: 35,
  },
  domino: {
    cmax: 240.3308106713112,
    tmaxMin: 40,
    at24h: 0.01222909623262196,
    metaboliteCmax: 119.7667648898969,
    effectAt60: 98.04669289831014,
    systemic: 35,
  },
  clements: {
    cmax: 177.3132755411973,
    tmaxMin: 40,
    at24h: 0.3660168019229376,
    metaboliteCmax: 69.81932947187516,
    effectAt60: 135.05657632681383,
    systemic: 35,
  },
  hijazi: {
    cmax: 225.3435461930824,
    tmaxMin: 40,
    at24h: 0.2757282716874817,
    metaboliteCmax: 148.60025257063648,
    effectAt60: 146.01613508343365,
    systemic: 35,
  },
  herd: HERD_FIGURES,
  hornik: {
    cmax: 495.55829960382346,
    tmaxMin: 40,
    at24h: 3.004244569876089,
    metaboliteCmax: null,
    effectAt60: 321.0704270658046,
    systemic: 35,
  },
  perezruixo2021: {
    cmax: 101.19217966677724,
    tmaxMin: 44,
    at24h: 2.0292668263040556,
    metaboliteCmax: 180.6599577376404,
    effectAt60: 96.63256695692583,
    systemic: 42.79283324491601,
  },
  'perezruixo2021-oral': {
    cmax: 15.356483182453363,
    tmaxMin: 87,
    at24h: 0.44616311780886275,
    metaboliteCmax: 98.46035780715192,
    effectAt60: 11.238875498338041,
    systemic: 8.900677866195107,
  },
  'fanta2015-oral': {
    cmax: 8.648838647143469,
    tmaxMin: 62,
    at24h: 0.1346731505345561,
    metaboliteCmax: 176.24895830183027,
    effectAt60: 8.219839148284318,
    systemic: 4,
  },
  'rolan2014-sl': {
    cmax: 22.691678561068215,
    tmaxMin: 45,
    at24h: 0.0002801890878516435,
    metaboliteCmax: 80.00245189622335,
    effectAt60: 22.193722186821358,
    systemic: 7.249999999999999,
  },
  'simons2022-film': {
    cmax: 42.924206804937,
    tmaxMin: 17,
    at24h: 0.052829611307291025,
    metaboliteCmax: 125.50389767129973,
    effectAt60: 27.347978318264083,
    systemic: 6.574999999999999,
  },
  'racemic-nasal-2022': {
    cmax: 21.28409475456367,
    tmaxMin: 20,
    at24h: 0.00009217589048072318,
    metaboliteCmax: 126.3030619684929,
    effectAt60: 16.077120875236083,
    systemic: 3.9000000000000004,
  },
  'im-racemic': {
    cmax: 279.02617051884874,
    tmaxMin: 10,
    at24h: 0.0006609901849204917,
    metaboliteCmax: 93.27322073173644,
    effectAt60: 121.0542599249994,
    systemic: 32.550000000000004,
  },
};

/** |got - want| <= 1e-10 |want|. */
const close = (got: number, want: number) =>
  expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-10 * Math.abs(want));

describe('figures of every model', () => {
  it('covers every model', () => {
    expect(Object.keys(FIGURES).sort()).toEqual(Object.keys(MODELS).sort());
  });

  it.each(Object.keys(FIGURES))('are unchanged for %s (1e-10 relative)', (id) => {
    const model = MODELS[id]!;
    const want = FIGURES[id]!;
    // IV and nasal models: the presets; every other route: its default regimen.
    const preset =
      model.route === 'intranasal'
        ? PRESETS['esk-84']!
        : model.route === 'iv'
          ? PRESETS['iv-0.5']!
          : routeScenarioFor(id, model.route);
    const r = runScenario({ ...preset, model: id });
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
    const c = r.result.plasma[model.parent]!;
    let k = 0;
    for (let i = 1; i < c.length; i++) if (c[i]! > c[k]!) k = i;
    close(c[k]!, want.cmax);
    expect(r.result.tMin[k]).toBe(want.tmaxMin);
    close(c[c.length - 1]!, want.at24h);
    if (want.metaboliteCmax === null) expect(model.metabolite).toBeNull();
    else close(Math.max(...r.result.plasma[model.metabolite!]!), want.metaboliteCmax);
    close(r.result.effectSite[60]!, want.effectAt60);
    close(r.result.systemicDoseMg, want.systemic);
  });
});
