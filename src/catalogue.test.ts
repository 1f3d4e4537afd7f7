import { describe, expect, it } from 'vitest';
import { DEFAULT_MODELS, MODELS } from '../models/index';
import { parentRandomEffects, summarizeModel } from './engine/model';
import {
  DEFAULTS,
  MODEL_SUMMARIES,
  findModel,
  ivScenario,
  nasalScenario,
  validateScenario,
} from './catalogue';
import * as full from './registry';

describe('the page catalogue of models', () => {
  it('has every model, under the same id, with its names, route, analytes and population', () => {
    // On a failure: the models changed; run `npm run write:catalogue` to rewrite the catalogue.
    expect(Object.keys(MODEL_SUMMARIES)).toEqual(Object.keys(MODELS));
    for (const [id, m] of Object.entries(MODELS)) {
      const s = findModel(id)!;
      expect(s.id).toBe(m.id);
      expect([s.name, s.shortName, s.citationKey, s.drug, s.route]).toEqual([
        m.name,
        m.shortName,
        m.citationKey,
        m.drug,
        m.route,
      ]);
      expect([s.parent, s.metabolite]).toEqual([m.parent, m.metabolite]);
      expect(s.population).toEqual(m.population);
      expect(s).toEqual(summarizeModel(m));
      expect(s.approximation).toBe(m.approximation);
      expect(s.parameterNames).toEqual(Object.keys(m.parameters));
      expect(s.parentVariability).toBe(parentRandomEffects(m).length > 0);
    }
    expect(DEFAULTS).toEqual(DEFAULT_MODELS);
  });

  it('knows only its own keys', () => {
    expect(findModel('toString')).toBeUndefined();
    expect(findModel(undefined)).toBeUndefined();
  });

  it('checks scenarios as the full registry does', () => {
    const cases: unknown[] = [
      ivScenario(0.5, 40),
      nasalScenario(2),
      { ...ivScenario(), model: 'nope' },
      { ...nasalScenario(), model: 'herd-adult' },
      { ...ivScenario(), model: 'rolan2014-sl' },
      {
        ...full.PRESETS['esk-84']!,
        regimen: { kind: 'oral', doseMg: 50, schedule: { kind: 'single' } },
      },
      { ...ivScenario(), regimen: { kind: 'sublingual', doseMg: 25, holdMin: -1 } },
      'not a scenario',
    ];
    for (const c of cases) expect(validateScenario(c)).toEqual(full.validateScenario(c));
    expect(ivScenario(0.7, 20)).toEqual(full.ivScenario(0.7, 20));
    expect(nasalScenario(3)).toEqual(full.nasalScenario(3));
  });
});
