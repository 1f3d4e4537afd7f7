/**
 * The clinic's details of the handout as page state: what is typed (kept even when too long, so
 * that nothing is cut), each field's problem, what prints, and saving to this device on every
 * change (./clinic.ts). Nothing here touches the Simulator or the address.
 */
import { CLINIC } from '../../content/patient';
import {
  EMPTY_CLINIC,
  appointmentText,
  keepable,
  loadClinic,
  overLimit,
  saveClinic,
  type ClinicDetails,
  type TextField,
} from './clinic';
import { deviceStorage } from '../../lib/deviceStorage';

type Field = keyof ClinicDetails;

export class ClinicStore {
  /** what is in the boxes */
  typed = $state<ClinicDetails>({ ...EMPTY_CLINIC });
  /** true while the date box holds a date or time only partly typed */
  partialDate = $state(false);
  /** a problem with this device's storage, as a message, or null */
  storageProblem = $state<string | null>(null);

  readonly #storage: Storage | null;

  constructor(storage: Storage | null = deviceStorage()) {
    this.#storage = storage;
    const loaded = loadClinic(storage);
    this.typed = loaded.details;
    this.storageProblem =
      loaded.problem === 'no-storage'
        ? CLINIC.noStorage
        : loaded.problem === 'unreadable'
          ? CLINIC.unreadable
          : null;
  }

  /** The message of a field, or null when its value is fine. */
  problem(field: Field): string | null {
    if (field === 'next') return this.partialDate ? CLINIC.badDate : null;
    const over = overLimit(field, this.typed[field]);
    return over ? CLINIC.tooLong(LABEL[field], over.max, over.n) : null;
  }

  /** What prints: the values that pass their checks, the appointment in words. */
  readonly printed = $derived.by(() => {
    const k = keepable(this.typed);
    return { name: k.name, contact: k.contact, next: appointmentText(k.next) };
  });

  set(field: Field, value: string, partialDate = false): void {
    this.typed = { ...this.typed, [field]: value };
    if (field === 'next') this.partialDate = partialDate;
    this.#save();
  }

  clear(): void {
    this.typed = { ...EMPTY_CLINIC };
    this.partialDate = false;
    this.#save();
  }

  #save(): void {
    const ok = saveClinic(this.#storage, $state.snapshot(this.typed));
    if (!ok) this.storageProblem = CLINIC.noStorage;
    else if (this.storageProblem === CLINIC.unreadable) this.storageProblem = null;
  }
}

const LABEL: Record<TextField, string> = { name: CLINIC.name, contact: CLINIC.contact };
