/**
 * Small dense linear algebra on row-major Float64Arrays, enough for exact solutions of linear
 * compartment systems: products, an LU solve and the matrix exponential.
 */

/** A square n x n matrix stored row by row. */
export interface Matrix {
  n: number;
  data: Float64Array;
}

export function zeros(n: number): Matrix {
  return { n, data: new Float64Array(n * n) };
}

export function identity(n: number): Matrix {
  const m = zeros(n);
  for (let i = 0; i < n; i++) m.data[i * n + i] = 1;
  return m;
}

export function get(m: Matrix, i: number, j: number): number {
  return m.data[i * m.n + j]!;
}

/** c = a * b (n x n). */
export function multiply(a: Matrix, b: Matrix): Matrix {
  const n = a.n;
  const out = new Float64Array(n * n);
  const A = a.data;
  const B = b.data;
  for (let i = 0; i < n; i++) {
    const row = i * n;
    for (let k = 0; k < n; k++) {
      const aik = A[row + k]!;
      if (aik === 0) continue;
      const brow = k * n;
      for (let j = 0; j < n; j++) out[row + j]! += aik * B[brow + j]!;
    }
  }
  return { n, data: out };
}

/** y = m * x, written into out (which must not alias x). */
export function multiplyVector(m: Matrix, x: Float64Array, out: Float64Array): Float64Array {
  const n = m.n;
  const d = m.data;
  for (let i = 0; i < n; i++) {
    let s = 0;
    const row = i * n;
    for (let j = 0; j < n; j++) s += d[row + j]! * x[j]!;
    out[i] = s;
  }
  return out;
}

/** Maximum absolute column sum. */
export function norm1(m: Matrix): number {
  const n = m.n;
  let best = 0;
  for (let j = 0; j < n; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += Math.abs(m.data[i * n + j]!);
    if (s > best) best = s;
  }
  return best;
}

/** Solves a * X = b for X (b n x n), by LU with partial pivoting. Throws on a singular a. */
export function solve(a: Matrix, b: Matrix): Matrix {
  const x = b.data.slice();
  solveInPlace(a.n, a.data.slice(), x);
  return { n: a.n, data: x };
}

/**
 * Solves A X = B in place: lu holds A (n x n, row-major) and is overwritten by its LU factors, x
 * holds B (n x n) and is overwritten by X. For callers that reuse their buffers. Throws on a
 * singular A.
 */
export function solveInPlace(n: number, lu: Float64Array, x: Float64Array): void {
  for (let col = 0; col < n; col++) {
    let pivot = col;
    let best = Math.abs(lu[col * n + col]!);
    for (let r = col + 1; r < n; r++) {
      const v = Math.abs(lu[r * n + col]!);
      if (v > best) {
        best = v;
        pivot = r;
      }
    }
    if (best === 0) throw new Error('Singular matrix in the matrix exponential: cannot solve');
    if (pivot !== col) {
      for (let j = 0; j < n; j++) {
        const t = lu[col * n + j]!;
        lu[col * n + j] = lu[pivot * n + j]!;
        lu[pivot * n + j] = t;
        const u = x[col * n + j]!;
        x[col * n + j] = x[pivot * n + j]!;
        x[pivot * n + j] = u;
      }
    }
    const d = lu[col * n + col]!;
    for (let r = col + 1; r < n; r++) {
      const f = lu[r * n + col]! / d;
      if (f === 0) continue;
      lu[r * n + col] = f;
      for (let j = col + 1; j < n; j++) lu[r * n + j]! -= f * lu[col * n + j]!;
      for (let j = 0; j < n; j++) x[r * n + j]! -= f * x[col * n + j]!;
    }
  }
  for (let r = n - 1; r >= 0; r--) {
    const d = lu[r * n + r]!;
    for (let j = 0; j < n; j++) {
      let s = x[r * n + j]!;
      for (let k = r + 1; k < n; k++) s -= lu[r * n + k]! * x[k * n + j]!;
      x[r * n + j] = s / d;
    }
  }
}

// Pade approximant of degree 13 with scaling and squaring (Higham, SIAM J Matrix Anal Appl
// 2005;26:1179-1193): the coefficients b_k of the [13/13] approximant and the largest 1-norm
// (theta_13) for which it is accurate to double precision without scaling.
const PADE13 = [
  64764752532480000, 32382376266240000, 7771770303897600, 1187353796428800, 129060195264000,
  10559470521600, 670442572800, 33522128640, 1323241920, 40840800, 960960, 16380, 182, 1,
];
const THETA13 = 5.371920351148152;

/** The matrix exponential e^m. */
export function expm(m: Matrix): Matrix {
  const n = m.n;
  for (let i = 0; i < m.data.length; i++) {
    if (!Number.isFinite(m.data[i]!))
      throw new Error('The matrix exponential needs finite entries');
  }
  const norm = norm1(m);
  const s = norm > THETA13 ? Math.max(0, Math.ceil(Math.log2(norm / THETA13))) : 0;
  const scale = 1 / 2 ** s;
  const a: Matrix = { n, data: m.data.map((v) => v * scale) };
  const b = PADE13;
  const id = identity(n);
  const a2 = multiply(a, a);
  const a4 = multiply(a2, a2);
  const a6 = multiply(a4, a2);
  const lin = (coeffs: number[], mats: Matrix[]): Matrix => {
    const out = new Float64Array(n * n);
    for (let k = 0; k < mats.length; k++) {
      const c = coeffs[k]!;
      const d = mats[k]!.data;
      for (let i = 0; i < out.length; i++) out[i]! += c * d[i]!;
    }
    return { n, data: out };
  };
  const u1 = multiply(a6, lin([b[13]!, b[11]!, b[9]!], [a6, a4, a2]));
  const u2 = lin([1, b[7]!, b[5]!, b[3]!, b[1]!], [u1, a6, a4, a2, id]);
  const u = multiply(a, u2);
  const v1 = multiply(a6, lin([b[12]!, b[10]!, b[8]!], [a6, a4, a2]));
  const v = lin([1, b[6]!, b[4]!, b[2]!, b[0]!], [v1, a6, a4, a2, id]);
  const num = lin([1, 1], [v, u]);
  const den = lin([1, -1], [v, u]);
  let r = solve(den, num);
  for (let k = 0; k < s; k++) r = multiply(r, r);
  return r;
}
