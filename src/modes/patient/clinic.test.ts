import { describe, expect, it } from 'vitest';
import {
  CLINIC_KEY,
  LIMITS,
  appointmentDate,
  appointmentText,
  keepable,
  loadClinic,
  overLimit,
  saveClinic,
} from './clinic';

/** A Map-backed stand-in for localStorage; `refuse` makes every write throw, as a full quota does. */
function memory(refuse = false) {
  const m = new Map<string, string>();
  return {
    m,
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => {
      if (refuse) throw new DOMException('full', 'QuotaExceededError');
      m.set(k, v);
    },
    removeItem: (k: string) => {
      if (refuse) throw new DOMException('full', 'QuotaExceededError');
      m.delete(k);
    },
  };
}

describe('clinic details of the handout', () => {
  it('names a text over its limit instead of cutting it', () => {
    expect(overLimit('name', 'x'.repeat(LIMITS.name))).toBeNull();
    expect(overLimit('name', 'x'.repeat(LIMITS.name + 5))).toEqual({
      max: LIMITS.name,
      n: LIMITS.name + 5,
    });
    // counted in characters, not UTF-16 units
    expect(overLimit('contact', '☎'.repeat(LIMITS.contact))).toBeNull();
  });

  it('accepts only real dates and times from the date box', () => {
    expect(appointmentDate('2027-01-15T09:30')?.getHours()).toBe(9);
    expect(appointmentDate('2027-02-30T09:30')).toBeNull();
    expect(appointmentDate('2027-01-15T24:00')).toBeNull();
    expect(appointmentDate('15/01/2027 09:30')).toBeNull();
    expect(appointmentText('2027-01-15T09:30', 'en-GB')).toMatch(/15 January 2027.*09:30/);
    expect(appointmentText('nonsense')).toBe('');
  });

  it('keeps what passes, saves it under one key, and reads it back', () => {
    const s = memory();
    const details = { name: 'Hill Clinic', contact: '555 0100', next: '2027-01-15T09:30' };
    expect(saveClinic(s, details)).toBe(true);
    expect([...s.m.keys()]).toEqual([CLINIC_KEY]);
    expect(loadClinic(s)).toEqual({ details, problem: null });

    // A text over its limit is not kept (the page says so); the rest is.
    expect(saveClinic(s, { ...details, name: 'x'.repeat(LIMITS.name + 1) })).toBe(true);
    expect(loadClinic(s).details).toEqual({ ...details, name: '' });
    expect(keepable({ ...details, next: '2027-13-01T00:00' }).next).toBe('');

    // All empty: nothing is left on the device.
    expect(saveClinic(s, { name: '', contact: '', next: '' })).toBe(true);
    expect(s.m.size).toBe(0);
  });

  it('reports refused and unreadable storage instead of failing', () => {
    expect(loadClinic(null).problem).toBe('no-storage');
    expect(saveClinic(null, { name: 'a', contact: '', next: '' })).toBe(false);
    expect(saveClinic(memory(true), { name: 'a', contact: '', next: '' })).toBe(false);
    const throwing = {
      getItem: () => {
        throw new DOMException('blocked', 'SecurityError');
      },
    };
    expect(loadClinic(throwing).problem).toBe('no-storage');

    for (const raw of ['{', '[1]', '{"name":3}', `{"name":"${'x'.repeat(LIMITS.name + 1)}"}`]) {
      const s = memory();
      s.m.set(CLINIC_KEY, raw);
      expect(loadClinic(s), raw).toEqual({
        details: { name: '', contact: '', next: '' },
        problem: 'unreadable',
      });
    }
  });
});
