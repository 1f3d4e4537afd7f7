/**
 * End to end: spawns the real CLI (tsx src/cli/simulate.ts), as `npm run simulate` does. Each
 * spawn costs about a second, so the cases are few; the rest is tested in-process (main.test.ts).
 */
import { PRESETS } from '../../src/registry';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { toCsv, type JsonOutput } from '../../src/engine/columns';
import { argMax, column, expectCloseColumns, parseCsv, simulate } from './helpers';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const SPAWN_TIMEOUT_MS = 30_000;

function cli(...args: string[]) {
  const r = spawnSync(TSX, ['src/cli/simulate.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: SPAWN_TIMEOUT_MS,
  });
  if (r.error) throw r.error;
  const stderr = r.stderr === '' ? [] : r.stderr.replace(/\n$/, '').split('\n');
  return { status: r.status, stdout: r.stdout, stderr };
}

const tmp = mkdtempSync(join(tmpdir(), 'ketamine-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('simulate CLI (spawned)', { timeout: SPAWN_TIMEOUT_MS + 5_000 }, () => {
  it('--preset iv-0.5: 1441 rows, ketamine peaks at the end of the 40 min infusion', () => {
    const out = cli('--preset', 'iv-0.5');
    expect(out.status).toBe(0);
    const csv = parseCsv(out.stdout);
    expect(csv.rows).toHaveLength(1441);
    const time = column(csv, 'time_min');
    const ketamine = column(csv, 'ketamine_ng_per_ml');
    expect(time[argMax(ketamine)]).toBe(40);
    const r = simulate(PRESETS['iv-0.5']);
    expectCloseColumns(time, r.tMin, 1e-12);
    expectCloseColumns(ketamine, r.plasma.ketamine!);
    expect(out.stderr.length).toBe(r.warnings.length);
    for (const line of out.stderr) expect(line).toMatch(/^warning: \S/);
  });

  it('--preset esk-84 --format json: parses, with every column', () => {
    const out = cli('--preset', 'esk-84', '--format', 'json');
    expect(out.status).toBe(0);
    const json = JSON.parse(out.stdout) as JsonOutput;
    const r = simulate(PRESETS['esk-84']);
    expect(json.modelId).toBe(r.modelId);
    expect(Object.keys(json.columns)).toEqual([
      'time_min',
      'esketamine_ng_per_ml',
      'noresketamine_ng_per_ml',
      'esketamine_effect_site_ng_per_ml',
      'nmda_occupancy_pct',
      'esketamine_um',
      'noresketamine_um',
    ]);
    for (const values of Object.values(json.columns)) expect(values).toHaveLength(r.tMin.length);
    expect(json.columns.esketamine_ng_per_ml).toEqual(Array.from(r.plasma.esketamine!));
    expect(json.totalDoseMg).toBe(r.totalDoseMg);
  });

  it.each([
    ['an unknown preset', ['--preset', 'nope'], /unknown preset "nope"/],
    ['a weight out of range', ['--preset', 'iv-0.5', '--weight-kg', '900'], /weight/i],
  ])('%s: exit 2, one "error: " line, no output', (_what, args, pattern) => {
    const out = cli(...args);
    expect(out.status).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toHaveLength(1);
    expect(out.stderr[0]).toMatch(/^error: /);
    expect(out.stderr[0]).toMatch(pattern);
  });

  it('--scenario with invalid JSON: exit 2, one "error: " line', () => {
    const file = join(tmp, 'broken.json');
    writeFileSync(file, '{"version": 1, "model": ');
    const out = cli('--scenario', file);
    expect(out.status).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toHaveLength(1);
    expect(out.stderr[0]).toMatch(/^error: .*broken\.json is not valid JSON/);
  });

  it('--scenario with a valid file prints what the engine computes for it', () => {
    const scenario = {
      ...structuredClone(PRESETS['esk-28']!),
      patient: { weightKg: 60, ageYears: 30, asian: true, japanese: true },
      options: { endH: 2, stepMin: 0.5 },
    };
    const file = join(tmp, 'valid.json');
    writeFileSync(file, JSON.stringify(scenario, null, 2));
    const out = cli('--scenario', file);
    expect(out.status).toBe(0);
    expect(out.stdout).toBe(toCsv(simulate(scenario)));
    expect(parseCsv(out.stdout).rows).toHaveLength(2 * 60 * 2 + 1);
  });
});
