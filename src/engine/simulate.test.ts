import { describe, expect, it } from 'vitest';
import { zeros, type Matrix } from './linalg';
import { simulateLinear, type LinearSystem } from './simulate';
import type { StateInput } from './types';

function system(ids: string[], rows: number[][]): LinearSystem {
  const A: Matrix = zeros(ids.length);
  rows.forEach((r, i) => r.forEach((v, j) => (A.data[i * ids.length + j] = v)));
  return { stateIds: ids, A };
}

function grid(end: number, step: number): Float64Array {
  return Float64Array.from({ length: Math.round(end / step) + 1 }, (_, k) => k * step);
}

function maxRelErr(got: Float64Array, want: (t: number) => number, t: Float64Array): number {
  let scale = 0;
  for (const tk of t) scale = Math.max(scale, Math.abs(want(tk)));
  let worst = 0;
  t.forEach((tk, k) => (worst = Math.max(worst, Math.abs(got[k]! - want(tk)) / scale)));
  return worst;
}

const methods = ['dense', 'modal'] as const;
const k = 0.0231; // 1/min
const ka = 0.0812; // 1/min

describe.each(methods)('closed forms, %s stepper', (method) => {
  const oneCmt = system(['c'], [[-k]]);

  it('one-compartment bolus: x(t) = D e^(-kt) within 1e-12 relative', () => {
    const t = grid(600, 1);
    const r = simulateLinear(
      oneCmt,
      [{ kind: 'bolus', compartment: 'c', timeMin: 0, amountMg: 35 }],
      t,
      { method },
    );
    expect(r.method).toBe(method);
    expect(maxRelErr(r.states[0]!, (tt) => 35 * Math.exp(-k * tt), t)).toBeLessThan(1e-12);
  });

  it('one-compartment infusion over 40 min: rise and decay within 1e-12 relative', () => {
    const t = grid(600, 1);
    const R = 0.875; // mg/min
    const T = 40;
    const want = (tt: number) =>
      tt <= T
        ? (R / k) * (1 - Math.exp(-k * tt))
        : (R / k) * (1 - Math.exp(-k * T)) * Math.exp(-k * (tt - T));
    const inputs: StateInput[] = [
      { kind: 'zero-order', compartment: 'c', startMin: 0, endMin: T, rateMgPerMin: R },
    ];
    const r = simulateLinear(oneCmt, inputs, t, { method });
    expect(maxRelErr(r.states[0]!, want, t)).toBeLessThan(1e-12);
  });

  it('first-order absorption (Bateman function) within 1e-12 relative', () => {
    const sys = system(
      ['depot', 'c'],
      [
        [-ka, 0],
        [ka, -k],
      ],
    );
    const t = grid(1440, 1);
    const D = 84;
    const r = simulateLinear(
      sys,
      [{ kind: 'bolus', compartment: 'depot', timeMin: 0, amountMg: D }],
      t,
      { method },
    );
    const want = (tt: number) => ((D * ka) / (ka - k)) * (Math.exp(-k * tt) - Math.exp(-ka * tt));
    expect(maxRelErr(r.states[1]!, want, t)).toBeLessThan(1e-12);
  });

  it('an infusion ending between grid points is exact at the grid (end at 40.37 min, 1e-12)', () => {
    const t = grid(300, 5);
    const T = 40.37;
    const R = 0.5;
    const want = (tt: number) =>
      tt <= T
        ? (R / k) * (1 - Math.exp(-k * tt))
        : (R / k) * (1 - Math.exp(-k * T)) * Math.exp(-k * (tt - T));
    const r = simulateLinear(
      oneCmt,
      [{ kind: 'zero-order', compartment: 'c', startMin: 0, endMin: T, rateMgPerMin: R }],
      t,
      {
        method,
      },
    );
    expect(maxRelErr(r.states[0]!, want, t)).toBeLessThan(1e-12);
  });
});

describe('solver behaviour', () => {
  const sys = system(
    ['depot', 'c', 'p'],
    [
      [-ka, 0, 0],
      [ka, -k - 0.01, 0.004],
      [0, 0.01, -0.004],
    ],
  );
  const a: StateInput[] = [{ kind: 'bolus', compartment: 'depot', timeMin: 10, amountMg: 28 }];
  const b: StateInput[] = [
    { kind: 'zero-order', compartment: 'c', startMin: 30, endMin: 70, rateMgPerMin: 0.6 },
  ];

  it.each(methods)(
    'superposition: response to A and B together = A + B (1e-12 relative, %s)',
    (method) => {
      const t = grid(1440, 1);
      const ab = simulateLinear(sys, [...a, ...b], t, { method });
      const ra = simulateLinear(sys, a, t, { method });
      const rb = simulateLinear(sys, b, t, { method });
      for (let i = 0; i < 3; i++) {
        const scale = Math.max(...ab.states[i]!);
        ab.states[i]!.forEach((v, kk) => {
          expect(Math.abs(v - ra.states[i]![kk]! - rb.states[i]![kk]!) / scale).toBeLessThan(1e-12);
        });
      }
    },
  );

  it('the value at a time does not depend on the output step (steps 0.5, 1, 7.5 min agree to 1e-12 at shared times)', () => {
    const fine = simulateLinear(sys, [...a, ...b], grid(1440, 0.5));
    const mid = simulateLinear(sys, [...a, ...b], grid(1440, 1));
    const coarse = simulateLinear(sys, [...a, ...b], grid(1440, 7.5));
    coarse.tMin.forEach((tt, kc) => {
      const kf = Math.round(tt / 0.5);
      const km = Math.round(tt);
      const ref = fine.states[1]![kf]!;
      const scale = Math.max(...fine.states[1]!);
      expect(Math.abs(coarse.states[1]![kc]! - ref) / scale).toBeLessThan(1e-12);
      if (Number.isInteger(tt))
        expect(Math.abs(mid.states[1]![km]! - ref) / scale).toBeLessThan(1e-12);
    });
  });

  it('reports event times when asked, with the bolus already applied at its own time', () => {
    const r = simulateLinear(
      sys,
      [{ kind: 'bolus', compartment: 'c', timeMin: 12.25, amountMg: 5 }],
      grid(20, 10),
      {
        includeEventTimes: true,
      },
    );
    expect(Array.from(r.tMin)).toEqual([0, 10, 12.25, 20]);
    expect(r.states[1]![2]).toBeCloseTo(5, 12);
    expect(r.states[1]![1]).toBe(0);
  });

  it('a dose after the last output time changes nothing', () => {
    const r = simulateLinear(
      sys,
      [{ kind: 'bolus', compartment: 'c', timeMin: 100, amountMg: 5 }],
      grid(60, 1),
    );
    expect(Math.max(...r.states[1]!)).toBe(0);
  });

  it('refuses bad inputs with messages that name the problem', () => {
    const t = grid(10, 1);
    expect(() =>
      simulateLinear(sys, [{ kind: 'bolus', compartment: 'nowhere', timeMin: 0, amountMg: 1 }], t),
    ).toThrow('unknown state "nowhere"');
    expect(() =>
      simulateLinear(sys, [{ kind: 'bolus', compartment: 'c', timeMin: -1, amountMg: 1 }], t),
    ).toThrow('Bolus time -1 min');
    expect(() =>
      simulateLinear(
        sys,
        [{ kind: 'zero-order', compartment: 'c', startMin: 5, endMin: 5, rateMgPerMin: 1 }],
        t,
      ),
    ).toThrow('not a valid interval');
    expect(() => simulateLinear(sys, [], Float64Array.of(0, 2, 1))).toThrow('ascending');
    expect(() => simulateLinear(sys, [], Float64Array.of(0, Number.NaN))).toThrow(
      'not a finite time',
    );
  });

  it('uses the dense stepper for a system without compartmental structure, and agrees with it when forced', () => {
    // A one-way cycle (1 -> 2 -> 3 -> 1) has complex eigenvalues: the modal stepper must decline it.
    const cyc = system(
      ['x', 'y', 'z'],
      [
        [-0.1, 0, 0.1],
        [0.1, -0.1, 0],
        [0, 0.1, -0.1],
      ],
    );
    const r = simulateLinear(
      cyc,
      [{ kind: 'bolus', compartment: 'x', timeMin: 0, amountMg: 1 }],
      grid(100, 1),
    );
    expect(r.method).toBe('dense');
    expect(() => simulateLinear(cyc, [], grid(10, 1), { method: 'modal' })).toThrow('modal');
    const total = r.states[0]!.map((v, kk) => v + r.states[1]![kk]! + r.states[2]![kk]!);
    total.forEach((v) => expect(Math.abs(v - 1)).toBeLessThan(1e-13));
  });
});
