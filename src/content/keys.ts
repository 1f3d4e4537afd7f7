/**
 * The keys of each mode, as the keyboard-help dialog lists them (src/components/KeyHelp.svelte):
 * pairs of [keys, what they do]. The "?" key opens the list in every mode; lecture mode handles
 * its keys itself (src/modes/lecture/lecture.svelte.ts), the other modes share one handler
 * (src/components/KeyHelpButton.svelte).
 */

/** One row of the list: the keys, then what they do. */
export type KeyRow = readonly [keys: string, does: string];

/** Rows every mode but the lecture shares: moving about the page, this list, the terms. */
const PAGE: readonly KeyRow[] = [
  ['Tab, Shift+Tab', 'Next or previous control, link or term'],
  ['Tab from the top, then Enter', 'Skip link: jump past the header to the content'],
  ['Enter or Space on a dotted term', 'Show or hide what the term means'],
  ['?', 'This list of keys (not while typing in a field)'],
  ['Esc', 'Close this list, or a term’s definition'],
];

export const MODE_KEYS = {
  simulator: [
    ['← → ↑ ↓ on a slider', 'Change the value by one step'],
    ['Home, End on a slider', 'Lowest or highest value'],
    ['Type in a number field, then Enter or Tab', 'Set an exact value'],
    ['← → on the chart', 'Move the time cursor (Shift: bigger steps)'],
    ['Home, End on the chart', 'Time cursor to the start or the end'],
    ['Alt+R', 'Reset all the scenarios and views'],
    ['Arrow keys in a group of choices', 'Choose another option (scale, unit, route)'],
    ...PAGE,
  ],
  patient: [
    ['Arrow keys in a group of choices', 'Choose the treatment or the number of sessions'],
    ['Enter or Space on “Show the drug level as a table”', 'Open or close the table'],
    ...PAGE,
  ],
  exercises: [
    ['Type in a field “At … min”, then Tab', 'Enter your prediction at that time (ng/mL)'],
    ['Enter on “Reveal the answer”', 'Score your prediction and show the answer'],
    ['Esc in the reset question', 'Keep your progress'],
    ...PAGE,
  ],
  lecture: [
    ['→ or Page Down', 'Next step'],
    ['← or Page Up', 'Previous step'],
    ['Space', 'Play or pause the time cursor (the mechanism panels follow it)'],
    ['1 to 9', 'Jump to that step'],
    ['F', 'Full screen on or off'],
    ['C', 'Show or hide the controls and the lecture editor'],
    ['?', 'This list of keys'],
    ['Esc', 'Close this list'],
  ],
} as const satisfies Record<string, readonly KeyRow[]>;

export type KeyMode = keyof typeof MODE_KEYS;

/** What the list says under its table, per mode. */
export const KEYS_NOTE: Record<KeyMode, string> = {
  simulator:
    'A control’s keys work while it has focus. The data table under the chart gives the curves as numbers.',
  patient: 'Print handout prints this page with the browser’s own print dialog.',
  exercises:
    'Drawing with a mouse, pen or finger is optional: the fields below the chart take the same prediction.',
  lecture:
    'The keys work when no text field has focus. On the chart, the arrow keys move the time cursor instead.',
};
