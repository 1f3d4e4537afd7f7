/**
 * A QR code of a link, drawn here (no network): the encoder (`uqr`, MIT) is loaded only when a
 * code is first asked for, so it is not in the page's first JavaScript. The drawing is one SVG
 * path of the dark modules, with the quiet zone of 4 modules that the standard asks for.
 */

/** Modules of light margin around the code (ISO/IEC 18004 asks for 4). */
export const QUIET_ZONE = 4;

export interface QrCode {
  /** QR version, 1-40: the code is 17 + 4 * version modules wide */
  version: number;
  /** modules per side, without the quiet zone */
  size: number;
  /** rows of modules, true for dark */
  modules: boolean[][];
}

/**
 * Encodes `text` (as UTF-8 bytes) at the lowest error correction that gives the smallest code,
 * raised when the same size allows more: on a projector a smaller code has larger modules, which
 * scan from further away. Text too long for any QR code (about 2,900 bytes) is refused.
 */
export async function encodeQr(text: string): Promise<QrCode> {
  if (text.length === 0) throw new RangeError('There is no link to make a QR code of.');
  const { encode } = await import('uqr');
  let result;
  try {
    result = encode(text, { ecc: 'L', boostEcc: true, border: 0 });
  } catch (e) {
    throw new RangeError(
      `This link is too long for a QR code (${new TextEncoder().encode(text).length} bytes): ${
        e instanceof Error ? e.message : String(e)
      }`,
      { cause: e },
    );
  }
  return { version: result.version, size: result.size, modules: result.data };
}

/** Width of the drawing in modules, quiet zone included. */
export function drawnSize(code: QrCode): number {
  return code.size + 2 * QUIET_ZONE;
}

/**
 * The path of the dark modules in module units (the quiet zone included in the offsets): each
 * run of dark modules in a row is one rectangle, `M x y h n v 1 h -n z`.
 */
export function qrPath(code: QrCode): string {
  const parts: string[] = [];
  code.modules.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < row.length && row[x]) x++;
      parts.push(`M${start + QUIET_ZONE} ${y + QUIET_ZONE}h${x - start}v1h${start - x}z`);
    }
  });
  return parts.join('');
}
