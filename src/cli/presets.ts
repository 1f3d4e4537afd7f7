/**
 * The CLI's presets: the fixed ones (PRESETS, src/registry.ts) and those named by a dose
 * (`sl-25`, `film-50`, `im-0.5`, `esk-oral-84`, ...), bound to the registry's models. Kept here, not in
 * src/registry.ts, because only the command line reads preset names.
 */
import { dosePresetsFor, fromDosePreset } from '../engine/presets';
import type { Scenario } from '../engine/scenario';
import { PRESETS, REGISTRY } from '../registry';

/** The presets named by a dose. */
export const DOSE_PRESETS = dosePresetsFor({
  sublingual: REGISTRY.defaults.sublingual,
  film: 'simons2022-film',
  oralSKetamine: 'fanta2015-oral',
  oralEsketamine: REGISTRY.defaults.oral,
  nasalSpray: REGISTRY.defaults['nasal-spray'],
  intramuscular: REGISTRY.defaults.intramuscular,
});

/**
 * The scenario of a preset's name, fixed (`iv-0.5`) or named by a dose (`sl-25`), or a message
 * saying why there is none.
 */
export function presetNamed(
  name: string,
): { ok: true; scenario: Scenario } | { ok: false; message: string } {
  if (Object.hasOwn(PRESETS, name)) return { ok: true, scenario: PRESETS[name]! };
  return (
    fromDosePreset(DOSE_PRESETS, name) ?? {
      ok: false,
      message: `unknown preset "${name}"; presets: ${Object.keys(PRESETS).join(', ')}, ${DOSE_PRESETS.map((p) => p.pattern).join(', ')}`,
    }
  );
}
