import { describe, expect, it } from 'vitest';
import { Coalescer } from './engineClient';

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('Coalescer (latest wins)', () => {
  it('runs the first call at once, keeps only the latest while busy, and supersedes the rest', async () => {
    const started: number[] = [];
    const gates = new Map<number, ReturnType<typeof deferred<number>>>();
    const c = new Coalescer<number, number>((n) => {
      started.push(n);
      const d = deferred<number>();
      gates.set(n, d);
      return d.promise;
    });
    const p1 = c.request(1);
    const p2 = c.request(2);
    const p3 = c.request(3);
    const p4 = c.request(4);
    expect(started).toEqual([1]);
    gates.get(1)!.resolve(10);
    expect(await p1).toEqual({ superseded: false, value: 10 });
    expect(await p2).toEqual({ superseded: true });
    expect(await p3).toEqual({ superseded: true });
    await Promise.resolve();
    expect(started).toEqual([1, 4]);
    gates.get(4)!.resolve(40);
    expect(await p4).toEqual({ superseded: false, value: 40 });
  });

  it('passes an error to its caller and goes on with the next request', async () => {
    let n = 0;
    const c = new Coalescer<number, number>(async (x) => {
      n++;
      if (x < 0) throw new Error('negative');
      return x;
    });
    await expect(c.request(-1)).rejects.toThrow('negative');
    expect(await c.request(5)).toEqual({ superseded: false, value: 5 });
    expect(n).toBe(2);
  });
});
