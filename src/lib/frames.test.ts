import { describe, expect, it } from 'vitest';
import { inTurn } from './frames';

/** Resolves after the tasks queued so far (a timer of 0 ms runs after them). */
const aTask = () => new Promise((r) => setTimeout(r, 0));

describe('inTurn', () => {
  it('draws the parts that ask one per task, in the order they asked', async () => {
    const drawn: string[] = [];
    const perTask: string[][] = [];
    for (const part of ['chart notes', 'summary', 'table']) inTurn(() => drawn.push(part));
    expect(drawn).toEqual([]);
    for (let k = 0; k < 6 && drawn.length < 3; k++) {
      const before = drawn.length;
      await aTask();
      perTask.push(drawn.slice(before));
    }
    expect(drawn).toEqual(['chart notes', 'summary', 'table']);
    // Never two parts in one task.
    expect(perTask.every((parts) => parts.length <= 1)).toBe(true);
  });

  it('leaves out a part whose component has gone before its turn', async () => {
    const drawn: string[] = [];
    inTurn(() => drawn.push('a'));
    const cancel = inTurn(() => drawn.push('b'));
    inTurn(() => drawn.push('c'));
    cancel();
    for (let k = 0; k < 6; k++) await aTask();
    expect(drawn).toEqual(['a', 'c']);
  });

  it('starts again for parts that ask after the queue has emptied', async () => {
    const drawn: string[] = [];
    inTurn(() => drawn.push('first'));
    for (let k = 0; k < 3; k++) await aTask();
    inTurn(() => drawn.push('later'));
    for (let k = 0; k < 3; k++) await aTask();
    expect(drawn).toEqual(['first', 'later']);
  });
});
