/**
 * Percentiles of a population at every time point, exact (the same order statistics as sorting
 * each time point's values), in a few passes over the data.
 */

/** Percentile p (0-100) of sorted values by linear interpolation between order statistics. */
export function percentileOfSorted(sorted: Float64Array, p: number): number {
  const pos = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/**
 * Puts the ranks[from..to) order statistics of a[lo..hi] in their places (a[r] is then the r-th
 * smallest of a[lo..hi] for each such rank r, ranks ascending): quickselect for several ranks at
 * once, sorting ranges of 16 or fewer.
 */
function selectRanks(
  a: Float64Array,
  lo: number,
  hi: number,
  ranks: Int32Array,
  from: number,
  to: number,
): void {
  while (from < to) {
    if (hi - lo < 16) {
      for (let i = lo + 1; i <= hi; i++) {
        const v = a[i]!;
        let j = i - 1;
        while (j >= lo && a[j]! > v) {
          a[j + 1] = a[j]!;
          j--;
        }
        a[j + 1] = v;
      }
      return;
    }
    // Median of three as the pivot, then Hoare's partition: a[lo..j] <= pivot <= a[j+1..hi].
    const x = a[lo]!;
    const y = a[(lo + hi) >> 1]!;
    const z = a[hi]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo - 1;
    let j = hi + 1;
    for (;;) {
      do i++;
      while (a[i]! < pivot);
      do j--;
      while (a[j]! > pivot);
      if (i >= j) break;
      const t = a[i]!;
      a[i] = a[j]!;
      a[j] = t;
    }
    let split = from;
    while (split < to && ranks[split]! <= j) split++;
    // Recurse into the smaller set of ranks' side, loop on the other.
    if (split - from <= to - split) {
      selectRanks(a, lo, j, ranks, from, split);
      lo = j + 1;
      from = split;
    } else {
      selectRanks(a, j + 1, hi, ranks, split, to);
      hi = j;
      to = split;
    }
  }
}

/** The ranks percentileOfSorted reads for these percentiles of n values, ascending, distinct. */
function ranksOf(percentiles: readonly number[], n: number): Int32Array {
  const r = new Set<number>();
  for (const p of percentiles) {
    const lo = Math.floor((p / 100) * (n - 1));
    r.add(lo).add(Math.min(lo + 1, n - 1));
  }
  return Int32Array.from([...r].sort((a, b) => a - b));
}

/**
 * Percentiles at every time point of patient-major data (patient i's T values at [i T, (i + 1) T)),
 * by one of two exact methods (both give the same order statistics as sorting each time point's
 * values, hence the same percentiles):
 *
 * - 'insertion', for a single session: the patients' rank order changes little from one time point
 *   to the next, so each column is sorted by insertion starting from the previous column's order,
 *   close to N steps instead of N log N. (Measured on 1000 esketamine patients: 15 ms per series,
 *   against 29 ms for a native sort of every column and 31 ms for rank brackets from the previous
 *   column.)
 * - 'selection', for a course: each new dose reorders the patients (the one lowest at the trough
 *   need not be lowest at the peak), and on the sessions grid time points are hours apart, so
 *   insertion takes up to N^2 / 4 steps a column. Instead each column's few order statistics that
 *   the percentiles need are found by quickselect, about 5 N steps whatever the order. (Measured
 *   on the 26-week esketamine course, 1000 patients, 1387 time points: 51-60 ms against 105-140 ms
 *   by insertion; on a 24 h band insertion stays faster, 7.5 ms against 9-10.5 ms.)
 *
 * The columns are copied out BLOCK time points at a time, so that each patient's values for those
 * time points are read together, one cache line, rather than one line per value; the copy (32 KB
 * for 1000 patients) stays in the first-level cache while it is sorted. Measured in one run:
 * 6.3 ms per series against 9.7 ms reading the columns in place; blocks of 2, 8 or 16 time points
 * were 10 to 40 % slower than 4.
 */
export function percentilesOverTime(
  data: Float64Array,
  N: number,
  T: number,
  percentiles: readonly number[],
  method: 'insertion' | 'selection' = 'insertion',
): Float64Array[] {
  const BLOCK = 4;
  const out = percentiles.map(() => new Float64Array(T));
  const order = new Int32Array(N);
  for (let i = 0; i < N; i++) order[i] = i;
  const sorted = new Float64Array(N);
  const columns = new Float64Array(BLOCK * N); // time point t0 + b of patient i at [b N + i]
  const ranks = ranksOf(percentiles, N);
  for (let t0 = 0; t0 < T; t0 += BLOCK) {
    const width = Math.min(BLOCK, T - t0);
    for (let i = 0; i < N; i++) {
      const row = i * T + t0;
      for (let b = 0; b < width; b++) columns[b * N + i] = data[row + b]!;
    }
    for (let b = 0; b < width; b++) {
      const base = b * N;
      if (method === 'selection') {
        for (let i = 0; i < N; i++) sorted[i] = columns[base + i]!;
        selectRanks(sorted, 0, N - 1, ranks, 0, ranks.length);
      } else {
        for (let i = 0; i < N; i++) {
          const who = order[i]!;
          const v = columns[base + who]!;
          let j = i - 1;
          while (j >= 0 && sorted[j]! > v) {
            sorted[j + 1] = sorted[j]!;
            order[j + 1] = order[j]!;
            j--;
          }
          sorted[j + 1] = v;
          order[j + 1] = who;
        }
      }
      percentiles.forEach((p, j) => (out[j]![t0 + b] = percentileOfSorted(sorted, p)));
    }
  }
  return out;
}
