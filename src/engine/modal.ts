/**
 * Modal decomposition A = V diag(lambda) V^-1 for linear compartment systems, used to step the
 * solution mode by mode: z' = lambda z + V^-1 b, each mode exactly e^(lambda h) z + (e^(lambda h)
 * - 1)/lambda beta. This is the same exact solution as the matrix exponential, at n instead of
 * n^2 operations per step.
 *
 * It relies on the structure of compartment models: the flow graph splits into strongly connected
 * blocks (depots, the parent's distribution block, the metabolite's, the effect site) ordered from
 * upstream to downstream; inside a block every exchange is two-way, so the block is similar to a
 * symmetric matrix and has real eigenvalues (found by Jacobi rotations). Eigenvectors of the whole
 * system follow by forward substitution through the downstream blocks. When a model does not have
 * this structure, or two blocks share an eigenvalue (ill-conditioned), decompose() returns null
 * and the caller uses the dense matrix exponential; callers also verify the result against it.
 */
import { solveInPlace, type Matrix } from './linalg';

export interface ModalDecomposition {
  /** eigenvalues, 1/min */
  lambda: Float64Array;
  /** eigenvectors as columns */
  V: Matrix;
  Vinv: Matrix;
}

/** Strongly connected components in topological order (upstream first), Tarjan's algorithm. */
export function stronglyConnected(A: Matrix): number[][] {
  const n = A.n;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const comps: number[][] = [];
  let counter = 0;
  // Edge j -> i when A[i][j] != 0 (amount in j flows to i).
  const visit = (v: number) => {
    index[v] = low[v] = counter++;
    stack.push(v);
    onStack[v] = 1;
    for (let w = 0; w < n; w++) {
      if (w === v || A.data[w * n + v] === 0) continue;
      if (index[w] === -1) {
        visit(w);
        low[v] = Math.min(low[v]!, low[w]!);
      } else if (onStack[w]) low[v] = Math.min(low[v]!, index[w]!);
    }
    if (low[v] === index[v]) {
      const comp: number[] = [];
      let w: number;
      do {
        w = stack.pop()!;
        onStack[w] = 0;
        comp.push(w);
      } while (w !== v);
      comps.push(comp.sort((a, b) => a - b));
    }
  };
  for (let v = 0; v < n; v++) if (index[v] === -1) visit(v);
  return comps.reverse();
}

/** Eigen-decomposition of a symmetric matrix by cyclic Jacobi rotations. */
export function jacobiEigen(S: Matrix): { values: Float64Array; vectors: Matrix } {
  const n = S.n;
  const a = S.data.slice();
  const v = new Float64Array(n * n);
  jacobiInPlace(n, a, v);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = a[i * n + i]!;
  return { values, vectors: { n, data: v } };
}

/**
 * Cyclic Jacobi rotations on the symmetric n x n matrix a, in place: its diagonal becomes the
 * eigenvalues, and v (overwritten) the eigenvectors as columns.
 */
function jacobiInPlace(n: number, a: Float64Array, v: Float64Array): void {
  v.fill(0, 0, n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    let diag = 0;
    for (let i = 0; i < n; i++) {
      diag += a[i * n + i]! ** 2;
      for (let j = i + 1; j < n; j++) off += a[i * n + j]! ** 2;
    }
    if (off <= 1e-32 * diag || off === 0) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q]!;
        if (apq === 0) continue;
        const app = a[p * n + p]!;
        const aqq = a[q * n + q]!;
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p]!;
          const akq = a[k * n + q]!;
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k]!;
          const aqk = a[q * n + k]!;
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p]!;
          const vkq = v[k * n + q]!;
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
}

/** Solves M x = rhs for a small dense k x k system, x into rhs; false when M is singular. */
function solveSmall(M: Float64Array, rhs: Float64Array, k: number): boolean {
  for (let col = 0; col < k; col++) {
    let p = col;
    for (let r = col + 1; r < k; r++)
      if (Math.abs(M[r * k + col]!) > Math.abs(M[p * k + col]!)) p = r;
    if (M[p * k + col] === 0) return false;
    if (p !== col) {
      for (let j = 0; j < k; j++) {
        const t = M[col * k + j]!;
        M[col * k + j] = M[p * k + j]!;
        M[p * k + j] = t;
      }
      const t = rhs[col]!;
      rhs[col] = rhs[p]!;
      rhs[p] = t;
    }
    for (let r = col + 1; r < k; r++) {
      const f = M[r * k + col]! / M[col * k + col]!;
      if (f === 0) continue;
      for (let j = col; j < k; j++) M[r * k + j]! -= f * M[col * k + j]!;
      rhs[r]! -= f * rhs[col]!;
    }
  }
  for (let r = k - 1; r >= 0; r--) {
    let s = rhs[r]!;
    for (let j = r + 1; j < k; j++) s -= M[r * k + j]! * rhs[j]!;
    rhs[r] = s / M[r * k + r]!;
  }
  return true;
}

let workspaceBuffer = new Float64Array(0);
/**
 * decompose's working arrays, reused from call to call (it is not re-entrant, and they never
 * leave it): a population decomposes 1000 systems, and every typed array over 64 bytes is a
 * separate allocation outside V8's heap.
 */
function workspace(size: number): Float64Array {
  if (workspaceBuffer.length < size) workspaceBuffer = new Float64Array(size);
  return workspaceBuffer;
}

/** Relative gap under which two eigenvalues from different blocks count as equal. */
const MIN_RELATIVE_GAP = 1e-6;

export function decompose(A: Matrix): ModalDecomposition | null {
  const n = A.n;
  const a = A.data;
  const comps = stronglyConnected(A);
  // The result in one allocation (the working arrays are reused, see workspace).
  const result = new Float64Array(n + 2 * n * n);
  const lambda = result.subarray(0, n);
  const V: Matrix = { n, data: result.subarray(n, n + n * n) };
  const Vinv: Matrix = { n, data: result.subarray(n + n * n) };
  const Vd = V.data;
  const work = workspace(4 * n * n + 3 * n);
  const v = work.subarray(0, n); // the mode's eigenvector
  const rhs = work.subarray(n, 2 * n); // a downstream block's right-hand side, then solution
  const d = work.subarray(2 * n, 3 * n); // a block's symmetrising scale factors
  const M = work.subarray(3 * n, 3 * n + n * n); // a downstream block's matrix lam I - A_cc
  const S = work.subarray(3 * n + n * n, 3 * n + 2 * n * n); // a block, symmetrised
  const Q = work.subarray(3 * n + 2 * n * n, 3 * n + 3 * n * n); // its eigenvectors
  const lu = work.subarray(3 * n + 3 * n * n, 3 * n + 4 * n * n); // V, then its LU factors
  let col = 0;
  const blockOf = new Int32Array(n);
  const modeBlock = new Int32Array(n);
  comps.forEach((c, b) => c.forEach((i) => (blockOf[i] = b)));

  for (let b = 0; b < comps.length; b++) {
    const comp = comps[b]!;
    const m = comp.length;
    // Symmetrise the block: D^-1 A_b D symmetric needs (d_i/d_j)^2 = A_ij / A_ji along every exchange.
    d.fill(Number.NaN, 0, m);
    d[0] = 1;
    const queue = [0];
    while (queue.length) {
      const u = queue.shift()!;
      for (let w = 0; w < m; w++) {
        if (w === u) continue;
        const auw = a[comp[u]! * n + comp[w]!]!;
        const awu = a[comp[w]! * n + comp[u]!]!;
        if ((auw === 0) !== (awu === 0)) return null; // a one-way flow inside a cycle
        if (auw === 0) continue;
        if (auw < 0 || awu < 0) return null;
        const dw = d[u]! * Math.sqrt(awu / auw);
        if (Number.isNaN(d[w]!)) {
          d[w] = dw;
          queue.push(w);
        } else if (Math.abs(d[w]! - dw) > 1e-10 * dw) return null; // not symmetrisable
      }
    }
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < m; j++) {
        S[i * m + j] = (a[comp[i]! * n + comp[j]!]! * d[j]!) / d[i]!;
      }
    }
    // Exact symmetry removes rounding asymmetry before the rotations.
    for (let i = 0; i < m; i++) {
      for (let j = i + 1; j < m; j++) {
        const avg = 0.5 * (S[i * m + j]! + S[j * m + i]!);
        S[i * m + j] = avg;
        S[j * m + i] = avg;
      }
    }
    jacobiInPlace(m, S, Q); // eigenvalues on the diagonal of S, eigenvectors in Q's columns

    for (let e = 0; e < m; e++) {
      const lam = S[e * m + e]!;
      lambda[col] = lam;
      modeBlock[col] = b;
      v.fill(0);
      for (let i = 0; i < m; i++) v[comp[i]!] = d[i]! * Q[i * m + e]!;
      // Forward substitution through the downstream blocks: (lam I - A_cc) v_c = A_c,up v_up.
      for (let c = b + 1; c < comps.length; c++) {
        const cc = comps[c]!;
        const k = cc.length;
        let any = false;
        for (let i = 0; i < k; i++) {
          let s = 0;
          for (let j = 0; j < n; j++) if (blockOf[j]! < c) s += a[cc[i]! * n + j]! * v[j]!;
          rhs[i] = s;
          if (s !== 0) any = true;
        }
        if (!any) continue;
        if (k === 1) {
          const d = lam - a[cc[0]! * n + cc[0]!]!;
          if (d === 0) return null;
          v[cc[0]!] = rhs[0]! / d;
          continue;
        }
        for (let i = 0; i < k; i++) {
          for (let j = 0; j < k; j++) M[i * k + j] = (i === j ? lam : 0) - a[cc[i]! * n + cc[j]!]!;
        }
        if (!solveSmall(M, rhs, k)) return null;
        for (let i = 0; i < k; i++) v[cc[i]!] = rhs[i]!;
      }
      // Normalise to unit max-norm to keep V well scaled.
      let mx = 0;
      for (let i = 0; i < n; i++) mx = Math.max(mx, Math.abs(v[i]!));
      for (let i = 0; i < n; i++) Vd[i * n + col] = v[i]! / mx;
      col++;
    }
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const scale = Math.max(Math.abs(lambda[i]!), Math.abs(lambda[j]!));
      if (scale > 0 && Math.abs(lambda[i]! - lambda[j]!) <= MIN_RELATIVE_GAP * scale) {
        // Equal eigenvalues inside one symmetric block are fine (orthogonal vectors); across blocks
        // the eigenvectors would be ill-conditioned or missing.
        if (modeBlock[i] !== modeBlock[j]) return null;
      }
    }
  }
  lu.set(V.data);
  for (let i = 0; i < n; i++) Vinv.data[i * n + i] = 1;
  try {
    solveInPlace(n, lu, Vinv.data);
  } catch {
    return null;
  }
  return { lambda, V, Vinv };
}

/** 1-norm (max column sum) of a square matrix. */
function norm1(M: Matrix): number {
  let best = 0;
  for (let j = 0; j < M.n; j++) {
    let s = 0;
    for (let i = 0; i < M.n; i++) s += Math.abs(M.data[i * M.n + j]!);
    best = Math.max(best, s);
  }
  return best;
}

/**
 * A bound on the relative error of V e^(lambda h) V^-1 as e^(A h): the eigen-residual
 * ||A V - V diag(lambda)|| / (||A|| ||V||), plus the inverse's residual ||V Vinv - I||, times the
 * condition number ||V|| ||V^-1|| (1-norms).
 */
export function modalErrorBound(A: Matrix, dec: ModalDecomposition): number {
  const n = A.n;
  const { V, Vinv, lambda } = dec;
  const a = A.data;
  const v = V.data;
  const w = Vinv.data;
  // Column sums of |A V - V diag(lambda)| and |V Vinv - I|, one column at a time.
  let normR = 0;
  let normP = 0;
  for (let j = 0; j < n; j++) {
    let colR = 0;
    let colP = 0;
    for (let i = 0; i < n; i++) {
      let av = 0;
      let vw = 0;
      for (let k = 0; k < n; k++) {
        av += a[i * n + k]! * v[k * n + j]!;
        vw += v[i * n + k]! * w[k * n + j]!;
      }
      colR += Math.abs(av - v[i * n + j]! * lambda[j]!);
      colP += Math.abs(vw - (i === j ? 1 : 0));
    }
    if (colR > normR) normR = colR;
    if (colP > normP) normP = colP;
  }
  const normA = norm1(A) || 1;
  const normV = norm1(V);
  return normV * norm1(Vinv) * (normR / (normA * normV) + normP);
}

/** Max relative difference between V diag(e^(lambda h)) V^-1 and a reference e^(A h). */
export function reconstructionError(dec: ModalDecomposition, E: Matrix, h: number): number {
  const n = E.n;
  let worst = 0;
  let scale = 0;
  for (let i = 0; i < n * n; i++) scale = Math.max(scale, Math.abs(E.data[i]!));
  const ex = dec.lambda.map((l) => Math.exp(l * h));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += dec.V.data[i * n + k]! * ex[k]! * dec.Vinv.data[k * n + j]!;
      worst = Math.max(worst, Math.abs(s - E.data[i * n + j]!));
    }
  }
  return worst / scale;
}
