import { describe, expect, it } from 'vitest';
import { parseArgs, parseDecimal, type CliCommand } from '../../src/cli/args';
import { runCli } from '../../src/cli/main';

const noFiles = {
  readTextFile(path: string): string {
    throw new Error(`no file system in this test (asked for ${path})`);
  },
};

/** argv, then a pattern the one-line error must match (what is wrong, and which flag or value). */
const ERRORS: [string[], RegExp][] = [
  [[], /--preset NAME or --scenario/],
  [['--bogus'], /unknown option "--bogus"/],
  [['--preset', 'iv-0.5', '--weightkg', '70'], /unknown option "--weightkg"/],
  [['-x'], /unknown option "-x"/],
  [['iv-0.5'], /unexpected argument "iv-0.5"/],
  [['--preset', 'iv-0.5', 'extra'], /unexpected argument "extra"/],
  [['--preset'], /--preset needs a value/],
  [['--preset', '--format', 'csv'], /--preset needs a value/],
  [['--preset='], /--preset needs a value/],
  [['--scenario'], /--scenario needs a value/],
  [['--preset', 'iv-0.5', '--weight-kg'], /--weight-kg needs a value/],
  [['--preset', 'nope'], /unknown preset "nope".*iv-0\.5/],
  [['--preset', 'iv-0.5', '--preset', 'iv-1.0'], /--preset given more than once/],
  [['--preset', 'iv-0.5', '--scenario', 'a.json'], /either --preset or --scenario/],
  [['--preset', 'iv-0.5', '--weight-kg', 'abc'], /--weight-kg must be a number \(kg\), got "abc"/],
  [['--preset', 'iv-0.5', '--weight-kg', '70kg'], /--weight-kg must be a number/],
  [['--preset', 'iv-0.5', '--weight-kg', '0x46'], /--weight-kg must be a number/],
  [['--preset', 'iv-0.5', '--weight-kg', 'Infinity'], /--weight-kg must be a number/],
  [['--preset', 'iv-0.5', '--weight-kg', 'NaN'], /--weight-kg must be a number/],
  [['--preset', 'iv-0.5', '--end-h', '1,5'], /--end-h must be a number \(h\)/],
  [['--preset', 'iv-0.5', '--step-min', 'one'], /--step-min must be a number \(min\)/],
  [['--preset', 'iv-0.5', '--model', 'nope'], /unknown model "nope".*kamp2020/],
  [['--preset', 'iv-0.5', '--format', 'xml'], /unknown format "xml"; formats: csv, json/],
  [['--preset', 'iv-0.5', '--format', 'CSV'], /unknown format "CSV"/],
  [['--list-presets', '--preset', 'iv-0.5'], /--list-presets takes no other options/],
  [['--list-presets', '--list-models'], /takes no other options/],
  [['--list-models', '--list-models'], /--list-models given more than once/],
  [['--list-models=yes'], /--list-models takes no value/],
];

describe('parseArgs: errors', () => {
  it.each(ERRORS)('%j', (argv, pattern) => {
    const r = parseArgs(argv);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatch(pattern);
    expect(r.error).not.toMatch(/[\r\n]/);
  });

  it.each(ERRORS)('runCli %j: exit 2, one "error: " line on stderr, nothing on stdout', (argv) => {
    const out = runCli(argv, noFiles);
    expect(out.exitCode).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toHaveLength(1);
    expect(out.stderr[0]).toMatch(/^error: \S/);
    expect(out.stderr[0]).not.toMatch(/[\r\n]/);
  });
});

const OK: [string[], CliCommand][] = [
  [
    ['--preset', 'iv-0.5'],
    { kind: 'run', source: { kind: 'preset', name: 'iv-0.5' }, overrides: {}, format: 'csv' },
  ],
  [
    [
      '--scenario',
      'my scenario.json',
      '--model',
      'domino',
      '--weight-kg',
      '82.5',
      '--end-h',
      '2',
      '--step-min',
      '0.5',
      '--format',
      'json',
    ],
    {
      kind: 'run',
      source: { kind: 'file', path: 'my scenario.json' },
      overrides: { model: 'domino', weightKg: 82.5, endH: 2, stepMin: 0.5 },
      format: 'json',
    },
  ],
  [
    ['--format=json', '--weight-kg=1e2', '--preset=esk-84'],
    {
      kind: 'run',
      source: { kind: 'preset', name: 'esk-84' },
      overrides: { weightKg: 100 },
      format: 'json',
    },
  ],
  // Out-of-range numbers are passed on unchanged, never clamped: validation refuses them later.
  [
    ['--preset', 'iv-0.5', '--weight-kg', '900', '--end-h', '-5', '--step-min', '0'],
    {
      kind: 'run',
      source: { kind: 'preset', name: 'iv-0.5' },
      overrides: { weightKg: 900, endH: -5, stepMin: 0 },
      format: 'csv',
    },
  ],
  [['--help'], { kind: 'help' }],
  [['-h'], { kind: 'help' }],
  [['--preset', 'nope', '--bogus', '--help'], { kind: 'help' }],
  [['--list-presets'], { kind: 'list-presets' }],
  [['--list-models'], { kind: 'list-models' }],
];

describe('parseArgs: accepted arguments', () => {
  it.each(OK)('%j', (argv, expected) => {
    expect(parseArgs(argv)).toEqual({ ok: true, options: expected });
  });
});

describe('parseDecimal', () => {
  it.each([
    ['70', 70],
    ['-5', -5],
    ['+2.5', 2.5],
    ['.5', 0.5],
    ['5.', 5],
    ['1e2', 100],
    ['2.5E-1', 0.25],
  ])('%s is %d', (text, value) => expect(parseDecimal(text)).toBe(value));

  it.each([
    '',
    ' ',
    ' 70',
    '70 ',
    '0x10',
    '0b1',
    'Infinity',
    '-Infinity',
    'NaN',
    '1e999',
    '1_000',
    '--1',
  ])('%j is not a number', (text) => expect(parseDecimal(text)).toBeUndefined());
});
