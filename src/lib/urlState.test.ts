import { REGISTRY, ivScenario, nasalScenario } from '../registry';
import { routeScenarioFor } from '../engine/presets';
import { REGIMEN_KINDS } from '../engine/scenario';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultState, type AppState } from './appState';
import { decodeState, encodeState, toBase64Url } from './urlState';

const two: AppState = {
  scenarios: [
    { name: 'IV 0.5 mg/kg', scenario: ivScenario(0.5) },
    { name: 'Nasal 84 mg <script>alert(1)</script>', scenario: nasalScenario(3) },
  ],
  view: {
    window: '4h',
    scale: 'log',
    unit: 'uM',
    showMetabolite: false,
    showEffectSite: true,
    showBand: false,
    active: 1,
    routeDoses: 'typical',
  },
};

describe('URL state', () => {
  it('round-trips the whole state exactly', () => {
    const d = decodeState(encodeState(two));
    expect(d.message).toBeNull();
    expect(d.state).toEqual(two);
  });

  it("opens a link made before the route comparison's dose set was kept, with the default set", () => {
    const { routeDoses: _dropped, ...older } = two.view;
    const raw = toBase64Url(JSON.stringify({ scenarios: two.scenarios, view: older }));
    const d = decodeState(`?v=2&state=${raw}`);
    expect(d.message).toBeNull();
    expect(d.state.view).toEqual({ ...two.view, routeDoses: 'same' });
  });

  it('refuses a dose set the comparison does not have, saying which option', () => {
    const raw = toBase64Url(
      JSON.stringify({ scenarios: two.scenarios, view: { ...two.view, routeDoses: 'huge' } }),
    );
    const d = decodeState(`?v=2&state=${raw}`);
    expect(d.message).toContain('view option "routeDoses" is not one of same, typical');
    expect(d.state).toEqual(defaultState());
  });

  it('gives the defaults and no message when the link has no state', () => {
    expect(decodeState('')).toEqual({ state: defaultState(), message: null });
  });

  it.each([
    ['an unknown version', '?v=9&state=abc', 'version'],
    ['no version', '?state=abc', 'no version'],
    ['damaged data', '?v=1&state=%%%%', 'damaged'],
    ['not JSON', `?v=1&state=${btoa('hello')}`, 'damaged'],
    ['a bad scenario', null, 'scenario 1'],
    ['too many scenarios', null, '1 to 4 scenarios'],
  ])('shows a message and falls back to defaults for %s', (_name, search, fragment) => {
    let s = search;
    if (s === null && fragment === 'scenario 1') {
      const bad = structuredClone(two);
      bad.scenarios[0]!.scenario.patient.weightKg = 900;
      s = encodeState(bad);
    }
    if (s === null) {
      const many = structuredClone(two);
      many.scenarios = [...two.scenarios, ...two.scenarios, two.scenarios[0]!];
      s = encodeState(many);
    }
    const d = decodeState(s);
    expect(d.message).toContain(fragment);
    expect(d.state).toEqual(defaultState());
  });

  it('writes version 2 links that round-trip every route', () => {
    const routes: AppState = {
      ...two,
      scenarios: REGIMEN_KINDS.slice(2).map((kind) => ({
        name: kind,
        scenario: routeScenarioFor(REGISTRY.defaults[kind], kind),
      })),
      view: { ...two.view, active: 0 },
    };
    const link = encodeState(routes);
    expect(new URLSearchParams(link).get('v')).toBe('2');
    const d = decodeState(link);
    expect(d.message).toBeNull();
    expect(d.state).toEqual(routes);
  });

  it('still opens a version 1 link (scenarios of version 1), as version 2 scenarios', () => {
    const old = {
      scenarios: two.scenarios.map((s) => ({ ...s, scenario: { ...s.scenario, version: 1 } })),
      view: two.view,
    };
    const d = decodeState(`?v=1&state=${toBase64Url(JSON.stringify(old))}`);
    expect(d.message).toBeNull();
    expect(d.state).toEqual(two);
  });

  it('refuses a version 1 link that holds a route version 1 did not have', () => {
    const oral = routeScenarioFor(REGISTRY.defaults.oral, 'oral');
    const old = {
      scenarios: [{ name: 'oral', scenario: { ...oral, version: 1 } }],
      view: { ...two.view, active: 0 },
    };
    const d = decodeState(`?v=1&state=${toBase64Url(JSON.stringify(old))}`);
    expect(d.message).toContain('needs scenario version 2');
    expect(d.state).toEqual(defaultState());
  });

  it('keeps a name with markup as plain text (it is data, never HTML)', () => {
    expect(decodeState(encodeState(two)).state.scenarios[1]!.name).toBe(
      'Nasal 84 mg <script>alert(1)</script>',
    );
  });

  it('decodes 10,000 random and mutated links without throwing, each to a valid state or a message', () => {
    const valid = encodeState(two).slice('?v=1&state='.length);
    const mutated = fc
      .tuple(fc.nat({ max: valid.length - 1 }), fc.string({ maxLength: 4 }), fc.nat({ max: 3 }))
      .map(([at, ins, del]) => `?v=1&state=${valid.slice(0, at)}${ins}${valid.slice(at + del)}`);
    const randomJson = fc
      .anything()
      .map((x) => `?v=1&state=${Buffer.from(JSON.stringify(x) ?? 'null').toString('base64url')}`);
    const link = fc.oneof(
      fc.string(),
      mutated,
      randomJson,
      fc.webQueryParameters().map((q) => `?${q}`),
    );
    fc.assert(
      fc.property(link, (search) => {
        const d = decodeState(search);
        if (d.message === null) {
          expect(d.state.scenarios.length).toBeGreaterThanOrEqual(1);
        } else {
          expect(d.message).toMatch(
            /^This link could not be read \(.+\), so the simulator opened with its default settings\.$/,
          );
          expect(d.state).toEqual(defaultState());
        }
      }),
      // A fixed seed: the same 10,000 links on every run, so a failure can be reproduced.
      { numRuns: 10_000, seed: 20261201 },
    );
    // About 2 s on an idle machine; a loaded two-core CI machine can take several times longer.
  }, 60_000);
});
