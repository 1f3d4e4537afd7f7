/**
 * The CLI's scenario reader refuses what is not a small regular file, so `--scenario /dev/zero`
 * (read without bound before: 3.2 GB in 9 s) or a directory gives a one-line error at once.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_SCENARIO_FILE_BYTES, readScenarioFile } from '../../src/cli/readFile';
import { runCli } from '../../src/cli/main';

const tmp = mkdtempSync(join(tmpdir(), 'ketamine-read-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('readScenarioFile', () => {
  it('reads a regular file', () => {
    const p = join(tmp, 'ok.json');
    writeFileSync(p, '{"a":1}');
    expect(readScenarioFile(p)).toBe('{"a":1}');
  });

  it('refuses a device such as /dev/zero without reading it', () => {
    expect(() => readScenarioFile('/dev/zero')).toThrow(/not a regular file/);
  });

  it('refuses a directory', () => {
    expect(() => readScenarioFile(tmp)).toThrow(/not a regular file/);
  });

  it('refuses a file over the limit and accepts one at it', () => {
    const big = join(tmp, 'big.json');
    writeFileSync(big, ' '.repeat(MAX_SCENARIO_FILE_BYTES + 1));
    expect(() => readScenarioFile(big)).toThrow(/at most 1048576 bytes/);
    const edge = join(tmp, 'edge.json');
    writeFileSync(edge, ' '.repeat(MAX_SCENARIO_FILE_BYTES));
    expect(readScenarioFile(edge)).toHaveLength(MAX_SCENARIO_FILE_BYTES);
  });

  it('through the CLI: one error line naming the file and the reason, exit code 2', () => {
    const out = runCli(['--scenario', '/dev/zero'], { readTextFile: readScenarioFile });
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toEqual([
      'error: cannot read scenario file /dev/zero: it is not a regular file',
    ]);
  });
});
