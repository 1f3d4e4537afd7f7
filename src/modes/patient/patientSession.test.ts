import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../catalogue';
import { TREATMENTS } from '../../content/patient';
import { CURVE_UNCHECKED } from '../../content/patientRoutes';
import { cite } from '../../content/references';
import { courseFor } from '../../engine/presets';
import { validateScenario } from '../../registry';
import {
  FALLBACK_CURVE_CITE,
  curveSource,
  scenarioForChoice,
  sessionOf,
  sessionScenario,
  treatmentFor,
  unexplainedRoute,
} from './patientSession';

const PATIENT = { weightKg: 92, ageYears: 61 } as const;

describe('which session patient mode explains', () => {
  it('explains the drip, the spray, the shot and the tablet under the tongue by their routes', () => {
    expect(TREATMENTS).toEqual(['iv', 'intranasal', 'intramuscular', 'sublingual']);
    for (const t of TREATMENTS) expect(treatmentFor(t)).toBe(t);
  });

  it('shows the drip for a route it does not explain yet, and says it has none', () => {
    for (const kind of ['oral', 'nasal-spray'] as const) {
      expect(sessionOf(kind)).toBeNull();
      expect(treatmentFor(kind)).toBe('iv');
    }
  });

  it('does not explain an esketamine film under the tongue as the at-home ketamine tablet', () => {
    expect(sessionOf('sublingual', 'racemic-ketamine')).toBe('sublingual');
    expect(sessionOf('sublingual', 'esketamine')).toBeNull();
    expect(treatmentFor('sublingual', 'esketamine')).toBe('iv');
    // The drug matters only there: the esketamine device keeps its page.
    expect(sessionOf('intranasal', 'esketamine')).toBe('intranasal');
    // And the note names each route it does not explain.
    expect(unexplainedRoute('sublingual', 'esketamine')).toBe('film');
    expect(unexplainedRoute('sublingual', 'racemic-ketamine')).toBeNull();
    expect(unexplainedRoute('oral', 'esketamine')).toBe('oral');
    expect(unexplainedRoute('nasal-spray')).toBe('nasal-spray');
  });
});

describe('the scenario a choice of session sets', () => {
  it.each(TREATMENTS.map((t) => [t] as const))(
    '%s: its route and default model, the same patient, a valid scenario, single or course',
    (t) => {
      const base = sessionScenario(t);
      expect(base.regimen.kind).toBe(t);
      expect(base.model).toBe(DEFAULTS[t]);
      for (const course of [false, true]) {
        const s = scenarioForChoice(t, { ...base.patient, ...PATIENT }, course);
        expect(s.patient).toMatchObject(PATIENT);
        expect(s.regimen.kind).toBe(t);
        expect(s.regimen.schedule).toEqual(course ? courseFor(t) : { kind: 'single' });
        const v = validateScenario(s);
        expect(v.ok, JSON.stringify(v)).toBe(true);
      }
    },
  );

  it('does not share the patient object it was given', () => {
    const patient = { ...sessionScenario('iv').patient };
    const s = scenarioForChoice('sublingual', patient, false);
    expect(s.patient).not.toBe(patient);
    expect(s.patient).toEqual(patient);
  });
});

describe("what the curve's caption cites", () => {
  it("cites the model's own paper when it was read", () => {
    expect(curveSource('rolan2014', 'sublingual')).toEqual({ key: 'rolan2014', note: null });
    expect(curveSource('perezruixo2021', 'intranasal')).toEqual({
      key: 'perezruixo2021',
      note: null,
    });
  });

  it('never cites a paper that could not be read: the IM model rests on quoted figures', () => {
    expect(cite('clements1982').notRead).toBeDefined();
    const im = curveSource('clements1982', 'intramuscular');
    expect(im).toEqual({ key: 'herd2007', note: CURVE_UNCHECKED });
    expect(cite(im.key).notRead).toBeUndefined();
  });

  it('falls back to each session’s read source while no scenario is shown', () => {
    for (const t of TREATMENTS) {
      expect(curveSource(undefined, t)).toEqual({ key: FALLBACK_CURVE_CITE[t], note: null });
      expect(cite(FALLBACK_CURVE_CITE[t]).notRead).toBeUndefined();
    }
  });
});
