/** A check the content tests share: a statement cites at least one key, and each key resolves. */
import { expect } from 'vitest';
import { cite } from './references';

export function expectResolvingCitations(keys: readonly string[], atLeastOne = true): void {
  if (atLeastOne) expect(keys.length).toBeGreaterThan(0);
  for (const key of keys) expect(cite(key).key).toBe(key);
}
