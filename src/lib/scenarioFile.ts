/**
 * A saved scenario file: the compared scenarios as versioned JSON, and reading one back. A file is
 * checked by the same rules as a link (`checkState` in urlState.ts, which puts every scenario
 * through the engine's validation): one parser for everything that comes from outside the app.
 * Reading never throws and never clamps: a bad file gives one message naming its problem, and the
 * caller leaves the current scenarios as they are.
 */
import { DEFAULT_VIEW, MAX_SCENARIOS, type NamedScenario } from './appState';
import { checkState } from './urlState';

/** What the `format` field of every scenario file says. */
export const SCENARIO_FILE_FORMAT = 'ketamine-sim-scenarios';
/** The version of the file this simulator writes and reads. */
const SCENARIO_FILE_VERSION = 1;
/** Largest file accepted, bytes (a file of four scenarios is about 2 KB). */
export const MAX_SCENARIO_FILE_BYTES = 1_000_000;

export interface ScenarioFile {
  format: typeof SCENARIO_FILE_FORMAT;
  version: typeof SCENARIO_FILE_VERSION;
  /** when the file was saved, ISO 8601 */
  savedAt: string;
  scenarios: NamedScenario[];
}

const FIELDS = ['format', 'version', 'savedAt', 'scenarios'];

export type OpenedFile = { ok: true; scenarios: NamedScenario[] } | { ok: false; message: string };

/** The scenarios as the text of a scenario file (pretty-printed JSON, ending in a new line). */
export function scenarioFileText(scenarios: readonly NamedScenario[], savedAt: Date): string {
  const file: ScenarioFile = {
    format: SCENARIO_FILE_FORMAT,
    version: SCENARIO_FILE_VERSION,
    savedAt: savedAt.toISOString(),
    scenarios: scenarios.map((s) => ({ name: s.name, scenario: s.scenario })),
  };
  return JSON.stringify(file, null, 2) + '\n';
}

const refuse = (why: string): OpenedFile => ({
  ok: false,
  message: `This file could not be opened: ${why}. Your scenarios have not changed.`,
});

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const shown = (v: unknown) => (typeof v === 'string' ? `"${v.slice(0, 40)}"` : String(v));

/** Checks the text of a scenario file; `bytes` is its size on disk when known (else the text's). */
export function readScenarioFile(text: string, bytes?: number): OpenedFile {
  const size = bytes ?? new TextEncoder().encode(text).length;
  if (size > MAX_SCENARIO_FILE_BYTES) return tooBig(size);
  if (text.trim() === '') return refuse('it is empty');
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return refuse('it is not JSON (a saved scenario file is a .json file made by this simulator)');
  }
  if (!isObject(data) || data.format !== SCENARIO_FILE_FORMAT) {
    return refuse(
      `it is not a scenario file of this simulator (no "format": "${SCENARIO_FILE_FORMAT}")`,
    );
  }
  if (data.version !== SCENARIO_FILE_VERSION) {
    return refuse(
      `it is version ${shown(data.version)} of the scenario file, and this simulator reads version ${SCENARIO_FILE_VERSION}`,
    );
  }
  const extra = Object.keys(data).filter((k) => !FIELDS.includes(k));
  if (extra.length > 0) {
    return refuse(`it has fields this simulator does not know (${extra.slice(0, 3).join(', ')})`);
  }
  if (data.savedAt !== undefined && typeof data.savedAt !== 'string') {
    return refuse('its "savedAt" is not a date');
  }
  const list = data.scenarios;
  if (!Array.isArray(list)) return refuse('it has no list of scenarios');
  if (list.length === 0) return refuse('it holds no scenarios');
  if (list.length > MAX_SCENARIOS) {
    return refuse(
      `it holds ${list.length} scenarios, and at most ${MAX_SCENARIOS} can be compared at once`,
    );
  }
  // The link's rules, scenario by scenario (a link also carries view options: the current
  // defaults stand in for them, since a file replaces the scenarios only).
  const checked = checkState({ scenarios: list, view: { ...DEFAULT_VIEW, active: 0 } });
  if (typeof checked === 'string') return refuse(checked);
  return { ok: true, scenarios: checked.scenarios };
}

function tooBig(bytes: number): OpenedFile {
  const n = (b: number) => b.toLocaleString('en-US');
  return refuse(
    `it is ${n(bytes)} bytes, more than the ${n(MAX_SCENARIO_FILE_BYTES)} bytes (1 MB) a scenario file can be`,
  );
}

/** Reads a chosen file and checks it; its size is checked before it is read. */
export async function openScenarioFile(file: Blob): Promise<OpenedFile> {
  if (file.size > MAX_SCENARIO_FILE_BYTES) return tooBig(file.size);
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    return refuse(`it could not be read (${e instanceof Error ? e.message : String(e)})`);
  }
  return readScenarioFile(text, file.size);
}
