/**
 * The published figures the validation chart draws over the model's curve: the IV peak at the
 * infusion's end, and each route source's time to peak as a point on the model's curve at that
 * time (two points for a published range), so a student sees how far the model's own peak sits
 * from the source's. Pure: the chart's colours and the curve are handed in.
 */
import { valueAt } from '../../../engine/curve';
import type { Validation } from '../../../engine/validation';
import type { MarkerShape } from '../../../charts/marks';

export interface SourceMarker {
  key: string;
  /** the words drawn beside the point ('' for the first point of a range) */
  label: string;
  /** which of the two colours handed in: the clinical peak, or a route source's figure */
  role: 'observed-peak' | 'source-tmax';
  shape: MarkerShape;
  tMin: number;
  y: number;
}

/** The infusion of the IV protocol lasts 40 min: its observed peak is drawn at the end. */
const IV_INFUSION_END_MIN = 40;

const minutes = (m: number) => (m < 120 ? `${m} min` : `${+(m / 60).toFixed(2)} h`);

/** The observed IV peak and every route source's published time to peak, as chart points. */
export function sourceMarkers(v: Validation): SourceMarker[] {
  const parent = v.result.parent;
  const curve = v.result.plasma[parent];
  const out: SourceMarker[] = [];
  for (const c of v.comparisons) {
    const o = c.observation;
    if (o.id === 'iv-peak' && typeof o.value === 'number') {
      out.push({
        key: o.id,
        label: `Observed peak ${o.value} ${o.unit} (clinical samples)`,
        role: 'observed-peak',
        shape: 'circle',
        tMin: IV_INFUSION_END_MIN,
        y: o.value,
      });
      continue;
    }
    if (!('measure' in o) || o.measure !== 'tmax' || o.unit !== 'min' || !curve) continue;
    const times = typeof o.value === 'number' ? [o.value] : [...o.value];
    const span = times.map(minutes).join(' to ');
    times.forEach((t, i) => {
      const y = valueAt(v.result.tMin, curve, t);
      if (!Number.isFinite(y)) return;
      // A range's two points are close together: only the later one carries the words, which
      // would otherwise overlap on the chart.
      const last = i === times.length - 1;
      out.push({
        key: `${o.id}-${i}`,
        label: last ? `Source's peak time: ${span}` : '',
        role: 'source-tmax',
        shape: 'diamond',
        tMin: t,
        y,
      });
    });
  }
  return out;
}
