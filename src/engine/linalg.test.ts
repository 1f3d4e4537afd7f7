import { describe, expect, it } from 'vitest';
import { expm as mathExpm, matrix } from 'mathjs';
import { expm, get, identity, multiply, solve, zeros, type Matrix } from './linalg';

function fromRows(rows: number[][]): Matrix {
  const n = rows.length;
  const m = zeros(n);
  rows.forEach((r, i) => r.forEach((v, j) => (m.data[i * n + j] = v)));
  return m;
}

function maxRelDiff(a: Matrix, rows: number[][]): number {
  let worst = 0;
  const scale = Math.max(...rows.flat().map(Math.abs));
  rows.forEach((r, i) =>
    r.forEach((v, j) => {
      worst = Math.max(worst, Math.abs(get(a, i, j) - v) / scale);
    }),
  );
  return worst;
}

describe('expm', () => {
  it('of a diagonal matrix is the exponential of each entry (1e-14 relative)', () => {
    const e = expm(
      fromRows([
        [-0.5, 0],
        [0, 2],
      ]),
    );
    expect(Math.abs(get(e, 0, 0) - Math.exp(-0.5)) / Math.exp(-0.5)).toBeLessThan(1e-14);
    expect(Math.abs(get(e, 1, 1) - Math.exp(2)) / Math.exp(2)).toBeLessThan(1e-14);
    expect(get(e, 0, 1)).toBe(0);
  });

  it('of a nilpotent Jordan block is I + N (1e-15 absolute)', () => {
    const e = expm(
      fromRows([
        [0, 3],
        [0, 0],
      ]),
    );
    expect(Math.abs(get(e, 0, 1) - 3)).toBeLessThan(1e-15);
    expect(Math.abs(get(e, 0, 0) - 1)).toBeLessThan(1e-15);
  });

  it('of a rotation generator is a rotation (1e-14)', () => {
    const t = 2.5;
    const e = expm(
      fromRows([
        [0, -t],
        [t, 0],
      ]),
    );
    expect(Math.abs(get(e, 0, 0) - Math.cos(t))).toBeLessThan(1e-14);
    expect(Math.abs(get(e, 1, 0) - Math.sin(t))).toBeLessThan(1e-14);
  });

  it('agrees with mathjs expm on a stiff 3-compartment rate matrix at steps of 0.01-60 min (1e-12)', () => {
    const k10 = 0.4381,
      k12 = 0.5921,
      k13 = 0.59,
      k21 = 0.247,
      k31 = 0.0146;
    for (const h of [0.01, 1, 60]) {
      const rows = [
        [-(k10 + k12 + k13) * h, k21 * h, k31 * h],
        [k12 * h, -k21 * h, 0],
        [k13 * h, 0, -k31 * h],
      ];
      const ours = expm(fromRows(rows));
      const ref = mathExpm(matrix(rows)).toArray() as number[][];
      expect(maxRelDiff(ours, ref)).toBeLessThan(1e-12);
    }
  });

  it('satisfies e^(A) e^(A) = e^(2A) (1e-13)', () => {
    const a = fromRows([
      [-1.2, 0.3, 0],
      [0.5, -0.4, 0.2],
      [0.1, 0.1, -0.9],
    ]);
    const two = fromRows([
      [-2.4, 0.6, 0],
      [1, -0.8, 0.4],
      [0.2, 0.2, -1.8],
    ]);
    const lhs = multiply(expm(a), expm(a));
    const rhs = expm(two);
    for (let i = 0; i < 9; i++) expect(Math.abs(lhs.data[i]! - rhs.data[i]!)).toBeLessThan(1e-13);
  });

  it('refuses non-finite entries with a message', () => {
    expect(() => expm(fromRows([[Number.NaN]]))).toThrow('finite');
  });
});

describe('solve', () => {
  it('solves a pivoting-required system exactly', () => {
    const a = fromRows([
      [0, 1],
      [1, 0],
    ]);
    const x = solve(a, identity(2));
    expect(get(x, 0, 1)).toBe(1);
    expect(get(x, 1, 0)).toBe(1);
  });

  it('reports a singular matrix', () => {
    expect(() =>
      solve(
        fromRows([
          [1, 2],
          [2, 4],
        ]),
        identity(2),
      ),
    ).toThrow('Singular');
  });
});
