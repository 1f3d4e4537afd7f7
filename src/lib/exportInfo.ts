/**
 * What every export says about itself, so that a file read away from the page still tells what it
 * shows: the title, the teaching notice, the date it was made, the link that reproduces the view,
 * and for each scenario its dose, patient and the model with its citation. Pure functions.
 */
import { findModel } from '../catalogue';
import { TEACHING_NOTICE as NOTICE } from '../content/about';
import { cite, firstAuthor } from '../content/references';
import type { Scenario } from '../engine/scenario';
import { describeRegimen, type ConcUnit } from './appState';
import { toUnit, unitText } from './concUnit';

/**
 * The teaching notice of every view, in one line: an export carries the same statement as the page
 * (one text, src/content/about.ts; tests/e2e/exports.spec.ts compares the two).
 */
export const TEACHING_NOTICE = `${NOTICE.lead} ${NOTICE.rest}`;

export { toUnit, unitText };

/** The concentration chart's title (the caption of ConcentrationChart.svelte). */
export const chartTitle = (unit: ConcUnit): string =>
  `Plasma and effect-site concentration (${unitText(unit)})`;

/** A date as ISO 8601 (YYYY-MM-DD), in UTC so that the same moment gives the same date anywhere. */
export const isoDate = (d: Date): string => d.toISOString().slice(0, 10);

/** Text on one line: user text (a scenario's name) may hold line breaks. */
export const oneLine = (s: string): string => s.replace(/[\r\n\t]+/g, ' ').trim();

export interface ModelCitation {
  /** the model's short name, e.g. "Perez-Ruixo 2021" */
  model: string;
  /** its source as authors and year, e.g. "Perez-Ruixo C et al. 2021" */
  authorsYear: string;
  /** the journal (or label, book) */
  source: string;
}

/** The model of a scenario and where it was published; throws for a model the app lacks. */
function modelCitation(modelId: string): ModelCitation {
  const model = findModel(modelId);
  if (!model) throw new Error(`Unknown model "${modelId}"`);
  const ref = cite(model.citationKey);
  const authorsYear = `${firstAuthor(ref.authors)} ${ref.year}`;
  return { model: model.shortName, authorsYear, source: ref.source };
}

/** e.g. "Herd 2007 at adult size; Herd DW et al. 2007, Paediatric Anaesthesia" */
export function modelLine(modelId: string): string {
  const c = modelCitation(modelId);
  return `${c.model}; ${c.authorsYear}, ${c.source}`;
}

/** e.g. "70 kg, 40 years, Asian" */
export function patientLine(s: Scenario): string {
  const p = s.patient;
  const origin = p.japanese ? ', Asian (Japanese)' : p.asian ? ', Asian' : '';
  return `${p.weightKg} kg, ${p.ageYears} years${origin}`;
}

/** e.g. "IV 0.5 mg/kg over 40 min" or "Nasal 84 mg (3 devices); devices 5 min apart" */
export function doseLine(s: Scenario): string {
  const r = s.regimen;
  const spacing =
    r.kind === 'intranasal' && r.devices > 1
      ? `; devices ${r.spacingMin} min apart`
      : r.kind === 'nasal-spray' && r.sprays > 1
        ? `; ${r.mgPerSpray} mg per spray, ${r.spacingMin} min apart`
        : r.kind === 'sublingual'
          ? `; held ${r.holdMin} min`
          : '';
  return `${describeRegimen(s)}${spacing}`;
}
