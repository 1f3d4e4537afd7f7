/**
 * Where a key press is typing, not a command: a text field, a list, editable text. A range, a
 * choice (checkbox, radio), a colour well or a button takes no typed text, so a page key pressed
 * there (Alt+R, "?", the lecture's keys) is still the page's. One definition for every page key.
 */
export const TEXT_ENTRY =
  'textarea, select, [contenteditable]:not([contenteditable="false"]), input:not([type="range"], [type="radio"], [type="checkbox"], [type="button"], [type="submit"], [type="reset"], [type="color"])';

/** Whether a key press at `target` is typing into a field (see TEXT_ENTRY). */
export function isTextEntry(target: EventTarget | null): boolean {
  return (
    typeof Element !== 'undefined' && target instanceof Element && !!target.closest(TEXT_ENTRY)
  );
}
