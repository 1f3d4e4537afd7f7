// The QR code is read back from the drawn path, not from the encoder's matrix: the parts a scanner
// needs first (finder, timing, format and version information) are checked on every code, and a
// short text is read all the way back to its bytes. The reader below follows ISO/IEC 18004
// (function patterns, the format's BCH(15,5) code, the data's zigzag order and the eight masks).
import { describe, expect, it } from 'vitest';
import { QUIET_ZONE, drawnSize, encodeQr, qrPath, type QrCode } from './qr';

/** Rebuilds the module grid from the path, and checks that nothing is drawn in the quiet zone. */
function fromPath(d: string, width: number): boolean[][] {
  const size = width - 2 * QUIET_ZONE;
  const grid = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  const rect = /M(\d+) (\d+)h(\d+)v1h-(\d+)z/g;
  let consumed = 0;
  for (const m of d.matchAll(rect)) {
    const [x, y, n, back] = [m[1], m[2], m[3], m[4]].map(Number) as [
      number,
      number,
      number,
      number,
    ];
    expect(back).toBe(n);
    for (let k = 0; k < n; k++) {
      const col = x + k - QUIET_ZONE;
      const row = y - QUIET_ZONE;
      expect(col >= 0 && col < size && row >= 0 && row < size, 'drawn in the quiet zone').toBe(
        true,
      );
      grid[row]![col] = true;
    }
    consumed += m[0].length;
  }
  expect(consumed).toBe(d.length);
  return grid;
}

/** Byte-mode capacity at error correction level L, versions 1-20 (ISO/IEC 18004, Table 7). */
const BYTES_AT_L = [
  17, 32, 53, 78, 106, 134, 154, 192, 230, 271, 321, 367, 425, 458, 520, 586, 644, 718, 792, 858,
];

const FORMAT_LEVEL = ['M', 'L', 'H', 'Q'] as const;

/** BCH remainder of `data` (`dataBits` long) by `poly` of degree `degree`. */
function bchRemainder(data: number, degree: number, poly: number): number {
  let r = data << degree;
  for (let bit = 31; bit >= degree; bit--) if ((r >>> bit) & 1) r ^= poly << (bit - degree);
  return r;
}

function formatOf(g: boolean[][]): { level: string; mask: number } {
  const size = g.length;
  const bit = (row: number, col: number) => (g[row]![col] ? 1 : 0);
  let first = 0;
  let second = 0;
  // Bit i of the 15 format bits, at its two places (the second copy is split between the
  // bottom-left and top-right finders).
  const at1 = (i: number): [number, number] =>
    i <= 5 ? [i, 8] : i === 6 ? [7, 8] : i === 7 ? [8, 8] : i === 8 ? [8, 7] : [8, 14 - i];
  const at2 = (i: number): [number, number] => (i < 8 ? [8, size - 1 - i] : [size - 15 + i, 8]);
  for (let i = 0; i < 15; i++) {
    first |= bit(...at1(i)) << i;
    second |= bit(...at2(i)) << i;
  }
  expect(second).toBe(first);
  const bits = first ^ 0x5412;
  const data = bits >>> 10;
  expect(bchRemainder(data, 10, 0x537), 'format information fails its BCH check').toBe(
    bits & 0x3ff,
  );
  return { level: FORMAT_LEVEL[data >>> 3]!, mask: data & 7 };
}

function expectFunctionPatterns(g: boolean[][], version: number) {
  const size = g.length;
  for (const [r0, c0] of [
    [0, 0],
    [0, size - 7],
    [size - 7, 0],
  ] as const) {
    for (let r = -1; r <= 7; r++)
      for (let c = -1; c <= 7; c++) {
        const row = r0 + r;
        const col = c0 + c;
        if (row < 0 || col < 0 || row >= size || col >= size) continue;
        const ring = Math.max(Math.abs(r - 3), Math.abs(c - 3));
        expect(g[row]![col], `finder at ${r0},${c0}: ${r},${c}`).toBe(ring !== 2 && ring !== 4);
      }
  }
  for (let k = 8; k < size - 8; k++) {
    expect(g[6]![k], `timing row at ${k}`).toBe(k % 2 === 0);
    expect(g[k]![6], `timing column at ${k}`).toBe(k % 2 === 0);
  }
  expect(g[size - 8]![8], 'the dark module').toBe(true);
  if (version >= 7) {
    let a = 0;
    let b = 0;
    for (let i = 0; i < 18; i++) {
      a |= (g[Math.floor(i / 3)]![size - 11 + (i % 3)] ? 1 : 0) << i;
      b |= (g[size - 11 + (i % 3)]![Math.floor(i / 3)] ? 1 : 0) << i;
    }
    expect(b).toBe(a);
    expect(a >>> 12, 'version information').toBe(version);
    expect(bchRemainder(version, 12, 0x1f25)).toBe(a & 0xfff);
  }
}

const MASKS: ((row: number, col: number) => boolean)[] = [
  (r, c) => (r + c) % 2 === 0,
  (r) => r % 2 === 0,
  (_, c) => c % 3 === 0,
  (r, c) => (r + c) % 3 === 0,
  (r, c) => (Math.floor(r / 2) + Math.floor(c / 3)) % 2 === 0,
  (r, c) => ((r * c) % 2) + ((r * c) % 3) === 0,
  (r, c) => (((r * c) % 2) + ((r * c) % 3)) % 2 === 0,
  (r, c) => (((r + c) % 2) + ((r * c) % 3)) % 2 === 0,
];

/** Reads the byte-mode text of a version 1-5 code with one error correction block. */
function readText(g: boolean[][], version: number, mask: number): string {
  const size = g.length;
  const fn = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  const mark = (r0: number, c0: number, h: number, w: number) => {
    for (let r = r0; r < r0 + h; r++) for (let c = c0; c < c0 + w; c++) fn[r]![c] = true;
  };
  mark(0, 0, 9, 9);
  mark(0, size - 8, 9, 8);
  mark(size - 8, 0, 8, 9);
  mark(6, 0, 1, size);
  mark(0, 6, size, 1);
  if (version >= 2) mark(size - 9, size - 9, 5, 5);
  const bits: number[] = [];
  for (let right = size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5;
    const upward = ((right + 1) & 2) === 0;
    for (let v = 0; v < size; v++) {
      const row = upward ? size - 1 - v : v;
      for (const col of [right, right - 1]) {
        if (fn[row]![col]) continue;
        bits.push((g[row]![col] ? 1 : 0) ^ (MASKS[mask]!(row, col) ? 1 : 0));
      }
    }
  }
  const take = (from: number, n: number) =>
    bits.slice(from, from + n).reduce((acc, b) => (acc << 1) | b, 0);
  expect(take(0, 4), 'byte mode').toBe(0b0100);
  const length = take(4, 8);
  const bytes = Uint8Array.from({ length }, (_, k) => take(12 + 8 * k, 8));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

async function drawn(text: string): Promise<{ code: QrCode; grid: boolean[][] }> {
  const code = await encodeQr(text);
  expect(code.size).toBe(17 + 4 * code.version);
  const grid = fromPath(qrPath(code), drawnSize(code));
  return { code, grid };
}

describe('the QR code of a link', () => {
  it('reads back a short link from its drawing, byte for byte', async () => {
    for (const text of ['https://x.org/#v=1', 'https://ex.org/#v=1&mode=lecture']) {
      const { code, grid } = await drawn(text);
      expect(code.version).toBeLessThanOrEqual(2);
      expectFunctionPatterns(grid, code.version);
      const { mask } = formatOf(grid);
      expect(readText(grid, code.version, mask)).toBe(text);
    }
  });

  it('is the smallest code that holds a long link, with every pattern a scanner looks for', async () => {
    const base = 'http://127.0.0.1:4173/#v=1&state=';
    for (const n of [100, 300, 520, 700]) {
      const text = base + 'ab12CD-_'.repeat(Math.ceil(n / 8)).slice(0, n);
      const { code, grid } = await drawn(text);
      const smallest = BYTES_AT_L.findIndex((cap) => cap >= text.length) + 1;
      expect(smallest, `${text.length} bytes fit a version of at most 20`).toBeGreaterThan(0);
      expect(code.version, `${text.length} bytes`).toBe(smallest);
      expectFunctionPatterns(grid, code.version);
      expect(['L', 'M', 'Q', 'H']).toContain(formatOf(grid).level);
    }
  });

  it('refuses an empty link and a link too long for any QR code, saying why', async () => {
    await expect(encodeQr('')).rejects.toThrow(/no link/);
    await expect(encodeQr('x'.repeat(3000))).rejects.toThrow(
      /too long for a QR code \(3000 bytes\)/,
    );
  });
});
