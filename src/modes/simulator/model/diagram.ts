/**
 * Layout of a compartment diagram from a model's own structure: depots on the left, the parent
 * drug's compartments in the middle column (central in the middle row, peripherals above, the
 * liver below), the metabolite's on the right. Pure, so it is tested without a browser.
 */
import type { CompartmentDef, FlowDef } from '../../../engine/types';

export interface Box {
  id: string;
  label: string;
  sub: string;
  x: number;
  y: number;
  w: number;
  h: number;
}
export interface Arrow {
  key: string;
  label: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** true when the flow leaves the system */
  out: boolean;
  /** where its label goes, and how it is anchored */
  lx: number;
  ly: number;
  anchor: 'start' | 'middle' | 'end';
}

export const BOX_W = 172;
export const BOX_H = 54;
const COL_GAP = 120;
const ROW_GAP = 48;

export function layoutDiagram(
  compartments: readonly CompartmentDef[],
  flows: readonly FlowDef[],
  parent: string,
): { boxes: Box[]; arrows: Arrow[]; width: number; height: number } {
  const place = new Map<string, { col: number; row: number }>();
  const depots = compartments.filter((c) => c.kind === 'depot');
  const livers = compartments.filter((c) => c.kind === 'liver');
  const ofParent = compartments.filter(
    (c) => c.kind !== 'depot' && c.kind !== 'liver' && c.analyte === parent,
  );
  const ofMetabolite = compartments.filter((c) => c.kind !== 'depot' && c.analyte !== parent);
  // Columns, left to right: depots, liver (first pass), the parent drug, its metabolite. The liver
  // sits below the level of the parent's central compartment and the metabolite below that, so no
  // arrow crosses a box.
  const parentCol = (depots.length > 0 ? 1 : 0) + (livers.length > 0 ? 1 : 0);
  const liverRow = 1.5;
  const stack = (list: CompartmentDef[], col: number, centreRow: number, below: boolean) => {
    list
      .filter((c) => c.kind === 'central')
      .forEach((c) => place.set(c.id, { col, row: centreRow }));
    list
      .filter((c) => c.kind === 'peripheral')
      .forEach((c, i) => {
        const step = 1 + Math.floor(i / 2);
        const side = below ? 1 : i % 2 === 0 ? -1 : 1;
        place.set(c.id, { col, row: centreRow + side * (below ? i + 1 : step) });
      });
  };
  stack(ofParent, parentCol, 0, false);
  livers.forEach((c, i) => place.set(c.id, { col: parentCol - 1, row: liverRow + i }));
  stack(ofMetabolite, parentCol + 1, livers.length > 0 ? liverRow + 0.5 : 0, livers.length > 0);
  // Each depot sits level with the compartment it empties into, or below a depot already there
  // (two depots may empty into compartments on one level: parent and metabolite).
  const depotRows = new Set<number>();
  depots.forEach((c, i) => {
    const target = flows.find((f) => f.from === c.id && f.to !== null)?.to;
    let row = target && place.has(target) ? place.get(target)!.row : i;
    while (depotRows.has(row)) row += 1;
    depotRows.add(row);
    place.set(c.id, { col: 0, row });
  });
  const minRow = Math.min(...[...place.values()].map((p) => p.row));
  const cols = Math.max(...[...place.values()].map((p) => p.col)) + 1;
  const boxes: Box[] = compartments.map((c) => {
    const p = place.get(c.id)!;
    return {
      id: c.id,
      label: c.label,
      sub: c.volumeL === null ? 'amount only' : `V = ${c.volumeL.toPrecision(3)} L`,
      x: 20 + p.col * (BOX_W + COL_GAP),
      y: 20 + (p.row - minRow) * (BOX_H + ROW_GAP),
      w: BOX_W,
      h: BOX_H,
    };
  });
  const byId = new Map(boxes.map((b) => [b.id, b]));
  const arrows: Arrow[] = flows.map((f, i) => {
    const a = byId.get(f.from)!;
    if (f.to === null) {
      // Elimination leaves downwards, or to the right when another box sits below.
      const blockedBelow = boxes.some((b) => b !== a && b.x === a.x && b.y > a.y);
      if (blockedBelow) {
        const y = a.y + a.h / 2 + 14;
        const x1 = a.x + a.w;
        return {
          key: `${i}`,
          label: f.label,
          x1,
          y1: y,
          x2: x1 + 34,
          y2: y,
          out: true,
          lx: x1 + 4,
          ly: y + 14,
          anchor: 'start',
        };
      }
      const x = a.x + a.w / 2 + 30;
      const y1 = a.y + a.h;
      return {
        key: `${i}`,
        label: f.label,
        x1: x,
        y1,
        x2: x,
        y2: y1 + 32,
        out: true,
        lx: x + 5,
        ly: y1 + 22,
        anchor: 'start',
      };
    }
    const b = byId.get(f.to)!;
    const twoWay = flows.some((g) => g.from === f.to && g.to === f.from);
    const [ax, ay] = [a.x + a.w / 2, a.y + a.h / 2];
    const [bx, by] = [b.x + b.w / 2, b.y + b.h / 2];
    const len = Math.hypot(bx - ax, by - ay) || 1;
    const [ux, uy] = [(bx - ax) / len, (by - ay) / len];
    // A two-way exchange is drawn as two parallel arrows, 7 px either side of the centre line.
    const off = twoWay ? 7 : 0;
    const [nx, ny] = [-uy * off, ux * off];
    // Start and end on the boxes' edges.
    const edge = Math.min(Math.abs(BOX_W / 2 / (ux || 1e-9)), Math.abs(BOX_H / 2 / (uy || 1e-9)));
    // The label sits beside its own arrow: left or right of a vertical one, above or below a
    // horizontal one.
    const [sx, sy] = twoWay ? [-uy, ux] : [0, -1];
    const vertical = Math.abs(uy) > Math.abs(ux);
    return {
      key: `${i}`,
      label: f.label,
      x1: ax + nx + ux * edge,
      y1: ay + ny + uy * edge,
      x2: bx + nx - ux * edge,
      y2: by + ny - uy * edge,
      out: false,
      lx: (ax + bx) / 2 + sx * 12,
      ly: (ay + by) / 2 + sy * 12 + (vertical ? 4 : sy >= 0 ? 8 : -2),
      anchor: vertical ? (sx < 0 ? 'end' : 'start') : 'middle',
    };
  });
  const width = 40 + cols * BOX_W + (cols - 1) * COL_GAP + 50;
  const height = Math.max(...boxes.map((b) => b.y + b.h)) + 60;
  return { boxes, arrows, width, height };
}

/** The model's differential equations, one line per compartment, generated from its flows. */
export function equations(
  compartments: readonly CompartmentDef[],
  flows: readonly FlowDef[],
): string[] {
  const amount = (id: string) => `A_${id}`;
  return compartments.map((c) => {
    const ins = flows.filter((f) => f.to === c.id).map((f) => `${f.label}·${amount(f.from)}`);
    const outs = flows.filter((f) => f.from === c.id).map((f) => f.label);
    const gain = ins.length === 0 ? '0' : ins.join(' + ');
    const loss = outs.length === 0 ? '' : ` − (${outs.join(' + ')})·${amount(c.id)}`;
    return `d${amount(c.id)}/dt = ${gain}${loss}`;
  });
}
