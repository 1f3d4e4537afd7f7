/**
 * Text of the About section, kept as data so that components only render it.
 * Citations use keys that the bibliography (src/content/references.ts) resolves.
 */
export interface AboutContent {
  purpose: string;
  audience: string;
  notForDosing: string;
  sourcesIntro: string;
  sourceKeys: readonly string[];
  licence: string;
}

export const about: AboutContent = {
  purpose:
    'This simulator computes how much ketamine (given into a vein) or esketamine (given as a nasal spray) ' +
    'is in the blood over time, using pharmacokinetic models published in peer-reviewed journals, and ' +
    'links those curves to what the drug does at receptors and to what a treatment session and course involve.',
  audience:
    'It is written for pharmacology and medical students, for educators who present it in lectures, and ' +
    'for clinicians who want to show a patient what a session will be like.',
  notForDosing:
    'It is a teaching tool. Its curves describe a typical person from a study population, not you or your ' +
    'patient, and it must never be used to choose, change or check a dose.',
  sourcesIntro:
    'Every model parameter in the simulator carries its unit and its source; the main models come from:',
  sourceKeys: ['herd2007', 'perezruixo2021', 'kamp2020'],
  licence:
    'Source code under the MIT licence. Text and figures written for this project; facts and numbers from the cited papers.',
};

/**
 * The statement at the top of every view (TeachingNotice.svelte), and in every export
 * (src/lib/exportInfo.ts): one text, so a file read away from the page says the same.
 */
export const TEACHING_NOTICE = {
  lead: 'Teaching tool only.',
  rest: "The curves show a typical person from published studies. Do not use this simulator to choose, change or check anyone's dose.",
} as const;
