/**
 * The patient texts of a shot into a muscle and of a tablet taken at home (./patientRoutes.ts):
 * every cited statement has the content's one shape and cites only sources this project read,
 * every text reads at grade 8 or below, the steps cover a whole session, the safety rules come
 * with their sources and say plainly what the sources leave to the clinic, and the course texts
 * match the example course the calendar shows.
 */
import { describe, expect, it } from 'vitest';
import { HOME_COURSE_DAYS, IV_COURSE_DAYS } from '../engine/regimen';
import { courseFor } from '../engine/presets';
import * as patient from './patient';
import type { Line } from './patient';
import * as routes from './patientRoutes';
import { cite } from './references';
import { fleschKincaidGrade } from './readability';
import { patientSteps, SESSION_STEPS } from './session';

const SESSIONS = ['intramuscular', 'sublingual'] as const;

const cards = (t: (typeof SESSIONS)[number]) =>
  patientSteps(t).map((s) => ({ id: s.id, bar: s.bar, ...s.patient! }));

/** Every sentence of these sessions: the cards, what each is, its rules, its course. */
const lines: Line[] = SESSIONS.flatMap((t) => [
  patient.TREATMENT_ABOUT[t],
  ...cards(t).flatMap((c) => c.lines),
  ...patient.SAFETY.rules[t],
  ...patient.COURSE.plan[t],
  patient.COURSE.exampleNote[t],
]).concat(routes.HOME_QUESTIONS, [routes.CURVE_UNCHECKED]);

const labels: string[] = [
  ...SESSIONS.flatMap((t) => [patient.CHOICES.treatment[t], patient.PAGE.handoutTitle[t]]),
  ...SESSIONS.flatMap((t) => cards(t).flatMap((c) => [c.title, ...(c.when ? [c.when] : [])])),
  patient.SAFETY.heading,
  routes.OTHER_ROUTE.text(2, routes.OTHER_ROUTE.what.oral),
  routes.OTHER_ROUTE.text(3, routes.OTHER_ROUTE.what['nasal-spray']),
];

const claims = lines.filter(patient.isClaim);
const notes = lines.filter((l): l is patient.Note => !patient.isClaim(l));
const asSentence = (t: string) => (/[.!?…]$/.test(t) ? t : `${t}.`);
const texts = (t: (typeof SESSIONS)[number]) =>
  [...cards(t).flatMap((c) => c.lines), ...patient.SAFETY.rules[t]].map((l) => l.text).join(' ');

describe('patient texts of the IM shot and the tablet at home', () => {
  it('are found: both sessions have cards, rules, a plan and an example note', () => {
    for (const t of SESSIONS) {
      expect(cards(t).length).toBeGreaterThanOrEqual(6);
      expect(patient.SAFETY.rules[t].length).toBeGreaterThanOrEqual(3);
      expect(patient.COURSE.plan[t].length).toBeGreaterThanOrEqual(1);
    }
    expect(claims.length).toBeGreaterThanOrEqual(20);
  });

  it.each(claims.map((c) => [c.text, c] as const))(
    'cites only sources that were read: %s',
    (_text, c) => {
      expect(Object.keys(c).sort()).toEqual(['cite', 'text']);
      expect(c.cite.length).toBeGreaterThan(0);
      for (const key of c.cite) expect(cite(key).notRead, key).toBeUndefined();
    },
  );

  it.each([...lines.map((l) => l.text), ...labels].map((t) => [t] as const))(
    'reads at grade 8 or below: %s',
    (text) => {
      expect(fleschKincaidGrade(asSentence(text))).toBeLessThanOrEqual(8);
    },
  );

  it('uses no lab or dose units, and gives no dosing orders', () => {
    const all = [...lines.map((l) => l.text), ...labels].join(' ');
    expect(all).not.toMatch(/ng\/mL|mg\/kg|\bmg\b|µM|\bmcg\b|\bnM\b/i);
    expect(all).not.toMatch(/\b(take|use|increase|decrease|skip) (more|less|your dose)\b/i);
  });

  it('say which sources were only read as an abstract', () => {
    for (const key of ['imKetamine2014', 'ahuja2022', 'hull2022', 'mathai2024'])
      expect(cite(key).source, key).toMatch(/\(abstract read\)$/);
    // A news report is named as one, with the paper or warning it reports.
    expect(cite('psychiatryAdvisorHull2022').title).toMatch(/news report .*Hull et al\. 2022/);
    expect(cite('fdaHealthDay2023').title).toMatch(/news report .*Food and Drug Administration/);
  });

  it('cover a whole session: before, the dose, while it works, resting, after', () => {
    const ids = (t: (typeof SESSIONS)[number]) => cards(t).map((c) => c.id);
    expect(ids('intramuscular')).toEqual([
      'checks',
      'shot',
      'feelings',
      'side-effects',
      'rest',
      'home',
      'next-days',
    ]);
    expect(ids('sublingual')).toEqual([
      'before',
      'tablet',
      'feelings',
      'side-effects',
      'rest',
      'check-in',
    ]);
    for (const t of SESSIONS) {
      const steps = SESSION_STEPS[t];
      expect(new Set(steps.map((s) => s.id)).size).toBe(steps.length);
      // Patient cards only: the clinical panel shows no session steps for these routes.
      expect(steps.every((s) => s.clinical === undefined)).toBe(true);
      // The dose sits at the start of the timeline; the feelings bar ends when the level falls.
      const dose = steps.find((s) => s.id === (t === 'intramuscular' ? 'shot' : 'tablet'))!;
      expect(dose.bar).toEqual({
        start: { from: 'start', offsetMin: 0 },
        end: { from: 'end', offsetMin: 0 },
      });
      expect(steps.find((s) => s.id === 'feelings')!.bar?.end).toBe('level-falls');
    }
    // The no-driving time of the shot runs off the timeline, to the next day.
    const home = SESSION_STEPS.intramuscular.find((s) => s.id === 'home')!;
    expect(home.bar?.end).toBe('next-day');
  });

  it("gives the shot's rules from the Mayo Clinic guide, and leaves the stay to the clinic", () => {
    const rules = patient.SAFETY.rules.intramuscular;
    const mayo = rules.filter(patient.isClaim);
    expect(mayo.map((l) => l.cite)).toEqual([
      ['mayoKetamineInjection'],
      ['mayoKetamineInjection'],
      ['mayoKetamineInjection'],
    ]);
    const text = texts('intramuscular');
    expect(text).toContain('for 24 hours after a dose, do not drive');
    expect(text).toMatch(/alcohol and drugs that make you sleepy/);
    expect(text).toMatch(/call your doctor/);
    const gap = rules.find((l) => !patient.isClaim(l))!;
    expect(gap.text).toMatch(/do not say how long you stay, or who takes you home/);
    expect(gap.text).toMatch(/Your clinic will give you its own rules/);
  });

  it("gives the tablet's rules: another person there, the FDA's warning; the rest is the clinic's", () => {
    const rules = patient.SAFETY.rules.sublingual;
    const cited = rules.filter(patient.isClaim);
    expect(cited[0]!.text).toMatch(/another person was there in person/);
    expect(cited[0]!.cite).toEqual(['psychiatryAdvisorHull2022']);
    expect(cited.slice(1).every((l) => l.cite.includes('fdaHealthDay2023'))).toBe(true);
    const gap = rules.find((l) => !patient.isClaim(l))!;
    for (const topic of [/driving/, /sitting or lying down/, /storing the tablets/, /unwell/])
      expect(gap.text).toMatch(topic);
    expect(gap.text).toMatch(/Your clinic will give you its own rules/);
    // The same topics are questions for the care team.
    const asked = patient
      .questionsFor('sublingual')
      .map((q) => q.text)
      .join(' ');
    for (const topic of [/drive/, /sit or lie/, /store the tablets/, /unwell/, /with me/])
      expect(asked).toMatch(topic);
    expect(patient.questionsFor('intramuscular')).toBe(patient.QUESTIONS.items);
  });

  it('never states a rule without a source: every uncited line sends the reader to the clinic or the rules', () => {
    for (const n of notes.filter((n) => !routes.HOME_QUESTIONS.includes(n)))
      expect(n.text).toMatch(
        /clinic|safety rules below|Your own plan|example chosen for this tool|could not check/,
      );
  });

  it('match the example courses the calendar shows', () => {
    // The shot: the drip's days, 6 over 12 days, as the plan says (Shiroma 2014's schedule).
    expect(courseFor('intramuscular').sessionDays).toEqual(IV_COURSE_DAYS);
    expect(IV_COURSE_DAYS.length).toBe(6);
    expect(Math.max(...IV_COURSE_DAYS)).toBeLessThan(12);
    const im = patient.COURSE.plan.intramuscular.map((l) => l.text).join(' ');
    expect(im).toContain('6 shots over 12 days');
    // At home: a dose every 3 days for 4 weeks, which the note says was chosen here, not in a study.
    expect(courseFor('sublingual').sessionDays).toEqual(HOME_COURSE_DAYS);
    expect(HOME_COURSE_DAYS.every((d, i) => d === 3 * i)).toBe(true);
    expect(Math.max(...HOME_COURSE_DAYS)).toBeLessThan(28);
    expect(patient.COURSE.exampleNote.sublingual.text).toMatch(
      /example chosen for this tool, not taken from a study: a dose every 3 days for 4 weeks/,
    );
  });
});
