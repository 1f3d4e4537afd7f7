import { describe, expect, it } from 'vitest';
import { ivScenario, nasalScenario } from '../registry';
import { MAX_SCENARIOS, type NamedScenario } from './appState';
import {
  MAX_SCENARIO_FILE_BYTES,
  SCENARIO_FILE_FORMAT,
  openScenarioFile,
  readScenarioFile,
  scenarioFileText,
} from './scenarioFile';

const two: NamedScenario[] = [
  { name: 'IV 0.5 mg/kg over 40 min', scenario: ivScenario(0.5, 40) },
  { name: 'Nasal "84" mg <b>', scenario: nasalScenario(3) },
];
const made = new Date('2026-03-04T05:06:07Z');

/** A saved file of `two`, parsed, for tests to spoil one part of. */
const saved = () => JSON.parse(scenarioFileText(two, made)) as Record<string, unknown>;
const withScenario = (patch: (s: Record<string, unknown>) => void) => {
  const f = saved();
  patch((f.scenarios as { scenario: Record<string, unknown> }[])[1]!.scenario);
  return JSON.stringify(f);
};
const message = (text: string, bytes?: number) => {
  const r = readScenarioFile(text, bytes);
  if (r.ok) throw new Error('the file was accepted');
  return r.message;
};

describe('scenario file', () => {
  it('round-trips the scenarios exactly, with its format, version and date', () => {
    const text = scenarioFileText(two, made);
    const data = JSON.parse(text);
    expect(data.format).toBe(SCENARIO_FILE_FORMAT);
    expect(data.version).toBe(1);
    expect(data.savedAt).toBe('2026-03-04T05:06:07.000Z');
    const r = readScenarioFile(text);
    expect(r).toEqual({ ok: true, scenarios: two });
  });

  it('reads a file that starts with a byte order mark', () => {
    expect(readScenarioFile('\uFEFF' + scenarioFileText(two, made)).ok).toBe(true);
  });

  it('refuses a file that is not JSON, or empty', () => {
    expect(message('{"format": ')).toMatch(/could not be opened: it is not JSON/);
    expect(message('   ')).toMatch(/it is empty/);
  });

  it('refuses JSON that is not a scenario file', () => {
    expect(message('[1, 2]')).toMatch(/not a scenario file of this simulator/);
    expect(message(JSON.stringify({ ...saved(), format: 'other' }))).toMatch(
      /not a scenario file of this simulator/,
    );
  });

  it('refuses another version of the file, naming it', () => {
    expect(message(JSON.stringify({ ...saved(), version: 2 }))).toMatch(
      /version 2 of the scenario file, and this simulator reads version 1/,
    );
    expect(message(JSON.stringify({ ...saved(), version: '1' }))).toMatch(/version "1"/);
  });

  it('refuses unknown fields and a savedAt that is not text', () => {
    expect(message(JSON.stringify({ ...saved(), view: {} }))).toMatch(/fields .*\(view\)/);
    expect(message(JSON.stringify({ ...saved(), savedAt: 5 }))).toMatch(/savedAt/);
  });

  it('refuses a file with no scenarios or too many, saying how many', () => {
    expect(message(JSON.stringify({ ...saved(), scenarios: 'x' }))).toMatch(/no list of scenarios/);
    expect(message(JSON.stringify({ ...saved(), scenarios: [] }))).toMatch(/holds no scenarios/);
    const many = Array.from({ length: MAX_SCENARIOS + 1 }, () => two[0]!);
    expect(message(JSON.stringify({ ...saved(), scenarios: many }))).toMatch(
      new RegExp(`holds ${MAX_SCENARIOS + 1} scenarios, and at most ${MAX_SCENARIOS}`),
    );
  });

  it('refuses an unknown model, naming it and the scenario', () => {
    const m = message(withScenario((s) => (s.model = 'nobody2099')));
    expect(m).toMatch(/scenario 2: Unknown model "nobody2099"/);
  });

  it('refuses a dose out of range and does not clamp it', () => {
    const f = saved();
    const iv = (f.scenarios as { scenario: { regimen: Record<string, unknown> } }[])[0]!;
    iv.scenario.regimen.doseMgPerKg = 5;
    expect(message(JSON.stringify(f))).toMatch(
      /scenario 1: regimen.doseMgPerKg must be between 0.05 and 2 mg\/kg, got 5/,
    );
    expect(message(withScenario((s) => ((s.regimen as { devices: number }).devices = 4)))).toMatch(
      /scenario 2: regimen.devices must be between 1 and 3/,
    );
  });

  it('refuses a scenario without a valid name', () => {
    const f = saved();
    (f.scenarios as { name: unknown }[])[0]!.name = 'x'.repeat(81);
    expect(message(JSON.stringify(f))).toMatch(/scenario 1 has no valid name/);
  });

  it('says every refusal leaves the scenarios unchanged', () => {
    expect(message('nope')).toMatch(/Your scenarios have not changed\.$/);
  });

  it('refuses a file over 1 MB, before reading it', async () => {
    const text = scenarioFileText(two, made);
    expect(message(text, MAX_SCENARIO_FILE_BYTES + 1)).toMatch(
      /1,000,001 bytes, more than the 1,000,000 bytes \(1 MB\)/,
    );
    const big = new Blob([text + ' '.repeat(MAX_SCENARIO_FILE_BYTES)]);
    let read = false;
    const spy = Object.assign(big, {
      text: () => {
        read = true;
        return Promise.resolve('');
      },
    });
    const r = await openScenarioFile(spy);
    expect(r.ok).toBe(false);
    expect(read).toBe(false);
    // A file of exactly the limit is read.
    const padded = text.replace(/\n$/, ' '.repeat(MAX_SCENARIO_FILE_BYTES - text.length) + '\n');
    expect(padded.length).toBe(MAX_SCENARIO_FILE_BYTES);
    expect((await openScenarioFile(new Blob([padded]))).ok).toBe(true);
  });

  it('opens a good file from a Blob', async () => {
    const r = await openScenarioFile(new Blob([scenarioFileText(two, made)]));
    expect(r).toEqual({ ok: true, scenarios: two });
  });
});
