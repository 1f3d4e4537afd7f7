/**
 * The structure rule of ARCHITECTURE.md: no component is over 300 lines, its styles included. A
 * component that grows past it has taken on a second job; split that job out.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const MAX_LINES = 300;

function components(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return components(path);
    return e.name.endsWith('.svelte') ? [path] : [];
  });
}

describe('components', () => {
  it(`are each at most ${MAX_LINES} lines, styles included`, () => {
    const all = components(join(root, 'src'));
    expect(all.length).toBeGreaterThan(40);
    const long = all
      .map((f) => [relative(root, f), readFileSync(f, 'utf8').split('\n').length - 1] as const)
      .filter(([, n]) => n > MAX_LINES)
      .map(([f, n]) => `${f}: ${n} lines`);
    expect(long).toEqual([]);
  });
});
