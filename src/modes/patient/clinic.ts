/**
 * The clinic's details on the printed handout (name, contact, next appointment): their limits,
 * their checks and where they are kept. They live in this browser's localStorage under one key and
 * nowhere else: never in the address, never sent. Pure functions; the state class that the page
 * uses is ./clinic.svelte.ts.
 */

export const CLINIC_KEY = 'ketamine-sim:clinic';

export interface ClinicDetails {
  name: string;
  contact: string;
  /** a datetime-local value, 'YYYY-MM-DDTHH:MM', or '' */
  next: string;
}

export type TextField = 'name' | 'contact';

/** The longest texts that still keep the handout on one page (tests/e2e/handout.spec.ts). */
export const LIMITS: Record<TextField, number> = { name: 50, contact: 60 };

export const EMPTY_CLINIC: ClinicDetails = { name: '', contact: '', next: '' };

/** How far over its limit a text is: null when it fits. */
export function overLimit(field: TextField, value: string): { max: number; n: number } | null {
  const n = [...value].length;
  const max = LIMITS[field];
  return n > max ? { max, n } : null;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** The local date of a datetime-local value, or null when it is not a real date and time. */
export function appointmentDate(value: string): Date | null {
  const m = DATE_TIME.exec(value);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const date = new Date(y, mo - 1, d, h, mi);
  const same =
    date.getFullYear() === y &&
    date.getMonth() === mo - 1 &&
    date.getDate() === d &&
    date.getHours() === h &&
    date.getMinutes() === mi;
  return same ? date : null;
}

/** The appointment as it prints, in the reader's language and time format. */
export function appointmentText(value: string, locale?: string): string {
  const date = appointmentDate(value);
  return date ? date.toLocaleString(locale, { dateStyle: 'full', timeStyle: 'short' }) : '';
}

/** Only the parts that pass their checks; others become empty (and the page says why). */
export function keepable(d: ClinicDetails): ClinicDetails {
  return {
    name: overLimit('name', d.name) ? '' : d.name,
    contact: overLimit('contact', d.contact) ? '' : d.contact,
    next: d.next === '' || appointmentDate(d.next) ? d.next : '',
  };
}

export type Loaded =
  | { details: ClinicDetails; problem: null }
  | { details: ClinicDetails; problem: 'no-storage' | 'unreadable' };

/** Reads the kept details. Anything of the wrong shape is not used, and is reported. */
export function loadClinic(storage: Pick<Storage, 'getItem'> | null): Loaded {
  if (!storage) return { details: { ...EMPTY_CLINIC }, problem: 'no-storage' };
  let raw: string | null;
  try {
    raw = storage.getItem(CLINIC_KEY);
  } catch {
    return { details: { ...EMPTY_CLINIC }, problem: 'no-storage' };
  }
  if (raw === null) return { details: { ...EMPTY_CLINIC }, problem: null };
  try {
    const v: unknown = JSON.parse(raw);
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('not an object');
    const o = v as Record<string, unknown>;
    const text = (k: keyof ClinicDetails) => {
      const x = o[k] ?? '';
      if (typeof x !== 'string') throw new Error(`${k} is not text`);
      return x;
    };
    const details = { name: text('name'), contact: text('contact'), next: text('next') };
    const kept = keepable(details);
    const same = kept.name === details.name && kept.contact === details.contact;
    if (!same || kept.next !== details.next) throw new Error('a value fails its check');
    return { details, problem: null };
  } catch {
    return { details: { ...EMPTY_CLINIC }, problem: 'unreadable' };
  }
}

/**
 * Keeps the details that pass their checks (all empty: the key is removed). False when the
 * browser refuses to store them.
 */
export function saveClinic(
  storage: Pick<Storage, 'setItem' | 'removeItem'> | null,
  details: ClinicDetails,
): boolean {
  if (!storage) return false;
  const kept = keepable(details);
  try {
    if (kept.name === '' && kept.contact === '' && kept.next === '') storage.removeItem(CLINIC_KEY);
    else storage.setItem(CLINIC_KEY, JSON.stringify(kept));
    return true;
  } catch {
    return false;
  }
}
