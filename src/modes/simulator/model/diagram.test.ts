import { PRESETS } from '../../../registry';
import { describe, expect, it } from 'vitest';
import { MODELS } from '../../../../models/index';
import { prepareIndividual } from '../../../engine/run';
import { equations, layoutDiagram } from './diagram';

describe.each(Object.keys(MODELS))('diagram of %s', (id) => {
  const model = MODELS[id]!;
  const scenario =
    model.route === 'intranasal' ? PRESETS['esk-84']! : { ...PRESETS['iv-0.5']!, model: id };
  const { structure } = prepareIndividual(model, scenario).system;
  const d = layoutDiagram(structure.compartments, structure.flows, model.parent);

  it('draws one box per compartment and one arrow per flow, from the model data', () => {
    expect(d.boxes.map((b) => b.id)).toEqual(structure.compartments.map((c) => c.id));
    expect(d.arrows.map((a) => a.label)).toEqual(structure.flows.map((f) => f.label));
  });

  it('does not overlap boxes', () => {
    for (const a of d.boxes) {
      for (const b of d.boxes) {
        if (a === b) continue;
        const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
        expect(apart, `${a.id} / ${b.id}`).toBe(true);
      }
    }
  });

  it('writes one equation per compartment naming every flow', () => {
    const eq = equations(structure.compartments, structure.flows);
    expect(eq).toHaveLength(structure.compartments.length);
    for (const f of structure.flows) expect(eq.join('\n')).toContain(f.label);
  });
});
