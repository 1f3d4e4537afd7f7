// The one definition of "this key press is typing", shared by Alt+R, "?" and the lecture's keys.
import { describe, expect, it } from 'vitest';
import { isTextEntry } from '../../src/lib/textEntry';

function el(html: string): Element {
  const box = document.createElement('div');
  box.innerHTML = html;
  document.body.append(box);
  return box.firstElementChild!;
}

describe('isTextEntry', () => {
  it('is true in text fields, lists and editable text, also on a child of one', () => {
    expect(isTextEntry(el('<input type="text">'))).toBe(true);
    expect(isTextEntry(el('<input>'))).toBe(true);
    expect(isTextEntry(el('<input type="number">'))).toBe(true);
    expect(isTextEntry(el('<textarea></textarea>'))).toBe(true);
    expect(isTextEntry(el('<select><option>a</option></select>'))).toBe(true);
    expect(isTextEntry(el('<div contenteditable="true"><b>x</b></div>').firstElementChild)).toBe(
      true,
    );
  });

  it('is false on controls that take no typed text, on plain elements and on no target', () => {
    for (const type of ['range', 'radio', 'checkbox', 'button', 'submit', 'reset', 'color'])
      expect(isTextEntry(el(`<input type="${type}">`)), type).toBe(false);
    expect(isTextEntry(el('<button>Next</button>'))).toBe(false);
    expect(isTextEntry(el('<div contenteditable="false"></div>'))).toBe(false);
    expect(isTextEntry(el('<p>text</p>'))).toBe(false);
    expect(isTextEntry(null)).toBe(false);
    expect(isTextEntry(window)).toBe(false);
  });
});
