import { describe, expect, it } from 'vitest';
import { afterNextFrame, nextFrameTask } from './frames';

describe('afterNextFrame', () => {
  it('runs the work in a later task, not in the caller’s', async () => {
    const done: string[] = [];
    afterNextFrame(() => done.push('later'));
    await Promise.resolve();
    expect(done).toEqual([]);
    await nextFrameTask();
    expect(done).toEqual(['later']);
  });

  it('can be called off before it runs', async () => {
    const done: string[] = [];
    const cancel = afterNextFrame(() => done.push('never'));
    cancel();
    await nextFrameTask();
    await nextFrameTask();
    expect(done).toEqual([]);
  });
});
