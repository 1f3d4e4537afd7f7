import { describe, expect, it } from 'vitest';
import { MODELS } from '../../models/index';
import { IV_COURSE_DAYS } from '../engine/regimen';
import * as patient from './patient';
import type { Line } from './patient';
import { fleschKincaidGrade } from './readability';
import { patientSteps, SESSION_STEPS } from './session';
import { cite } from './references';

const treatments = ['iv', 'intranasal'] as const;

/** The patient cards of each treatment (the patient part of each step, with its id and bar). */
const STEPS = Object.fromEntries(
  treatments.map((t) => [t, patientSteps(t).map((s) => ({ id: s.id, bar: s.bar, ...s.patient! }))]),
) as Record<
  (typeof treatments)[number],
  {
    id: string;
    bar: (typeof SESSION_STEPS.iv)[number]['bar'];
    title: string;
    when?: string;
    lines: readonly Line[];
  }[]
>;

/** Every line of patient text that is a sentence (claims and notes). */
const lines: Line[] = [
  ...patient.PAGE.intro,
  ...treatments.map((t) => patient.TREATMENT_ABOUT[t]),
  ...treatments.flatMap((t) => STEPS[t].flatMap((s) => s.lines)),
  ...treatments.flatMap((t) => patient.COURSE.plan[t]),
  ...treatments.map((t) => patient.COURSE.exampleNote[t]),
  patient.COURSE.singleHint,
  patient.COURSE.customNote,
  ...patient.QUESTIONS.items,
  patient.FOOTER.teaching,
];

/** Titles, labels and generated texts (labels are read as short sentences). */
const generated = [
  patient.curveSummary(40, 52),
  patient.curveSummary(45, 140),
  patient.curveSummary(95, null),
  patient.CLINIC.tooLong(patient.CLINIC.name, 60, 75),
  patient.CLINIC.tooLong(patient.CLINIC.contact, 80, 81),
  patient.courseSummary(6, true),
  patient.courseSummary(14, false),
  patient.whenText(-20, 0),
  patient.whenText(0, 10),
  patient.whenText(0, 54),
  patient.whenText(120, null),
  patient.whenText(35, 45),
  patient.whenText(0, 0),
  patient.whenText(40, 40),
  patient.durationText(150),
  patient.axisLabel(0),
  patient.axisLabel(3),
  patient.weekLabel(12),
  patient.sessionCount(0),
  patient.sessionCount(1),
  patient.sessionCount(2),
  patient.sessionCount(3),
  patient.FOOTER.sourceLabel(3),
  patient.CHOICES.setsScenario(1),
];
const labels: string[] = [
  ...treatments.map((t) => patient.PAGE.handoutTitle[t]),
  patient.CHOICES.legend,
  patient.CHOICES.treatmentLegend,
  ...treatments.map((t) => patient.CHOICES.treatment[t]),
  patient.CHOICES.scheduleLegend,
  patient.CHOICES.schedule.single,
  patient.CHOICES.schedule.course,
  patient.CHOICES.print,
  patient.CHOICES.printHint,
  patient.CHOICES.simulator,
  ...treatments.flatMap((t) => STEPS[t].flatMap((s) => [s.title, s.when ?? 'x'])),
  ...Object.values(patient.SESSION),
  patient.COURSE.heading,
  patient.COURSE.calendarCaption,
  patient.COURSE.weekHeader,
  patient.COURSE.dayHeader,
  patient.COURSE.session,
  patient.COURSE.countHeader,
  patient.COURSE.countRow,
  patient.COURSE.levelHeading,
  patient.QUESTIONS.heading,
  patient.FOOTER.sourcesHeading,
  patient.CLINIC.legend,
  patient.CLINIC.keptHere,
  patient.CLINIC.name,
  patient.CLINIC.contact,
  patient.CLINIC.next,
  patient.CLINIC.clear,
  patient.CLINIC.badDate,
  patient.CLINIC.noStorage,
  patient.CLINIC.unreadable,
  patient.CLINIC.printContact,
].filter((t) => t !== 'x');

const allTexts = [...lines.map((l) => l.text), ...generated, ...labels];
/** The texts that cite nothing (./cited.test.ts grades the claims, with their keys). */
const uncited = [
  ...lines.filter((l) => !patient.isClaim(l)).map((l) => l.text),
  ...generated,
  ...labels,
];

describe('patient content', () => {
  it('uses no lab or dose units a patient does not use (ng/mL, mg/kg, µM)', () => {
    const every = [...allTexts, patient.SESSION.tableLevel, patient.SESSION.curveCaption].join(' ');
    expect(every).not.toMatch(/ng\/mL|mg\/kg|µM|\bmcg\b|\bnM\b/i);
  });

  it('has no empty strings', () => {
    for (const t of allTexts) expect(t.trim().length).toBeGreaterThan(0);
    for (const t of treatments) for (const s of STEPS[t]) expect(s.lines.length).toBeGreaterThan(0);
  });

  it.each(uncited.map((t) => [t] as const))('reads at grade 8 or below: %s', (text) => {
    const asSentence = /[.!?…]$/.test(text) ? text : `${text}.`;
    expect(fleschKincaidGrade(asSentence)).toBeLessThanOrEqual(8);
  });

  it('the curve caption can cite every model the simulator offers', () => {
    for (const m of Object.values(MODELS)) expect(cite(m.citationKey).key).toBe(m.citationKey);
  });

  it('says it is a teaching tool and not a dosing guide, and sends questions to the care team', () => {
    const text = allTexts.join(' ');
    expect(text).toMatch(/teaching tool/);
    expect(text).toMatch(/not a dosing guide/);
    expect(text).toMatch(/care team/);
    // Never dosing advice: no imperative about doses.
    expect(text).not.toMatch(/\b(take|use|increase|decrease|skip) (more|less|your dose)\b/i);
  });

  it('shows the esketamine label rules: 2 h monitoring, no driving until the next day', () => {
    const nasal = STEPS.intranasal.flatMap((s) => s.lines.map((l) => l.text)).join(' ');
    expect(nasal).toContain('at least 2 hours');
    expect(nasal).toContain('until the next day, after a good night of sleep');
    // Getting ready (Janssen's page: nausea or vomiting, so no food 2 h, no drinks 30 min before).
    const prepare = STEPS.intranasal.find((s) => s.id === 'prepare')!;
    const prep = prepare.lines.map((l) => l.text).join(' ');
    expect(prep).toContain('no food for 2 hours before a dose');
    expect(prep).toContain('no drinks for 30 minutes before');
    expect(prep).toMatch(/sick or throw up/);
    // Each fact cites the maker's page; the one note sends the patient to the care team.
    const claims = prepare.lines.filter(patient.isClaim);
    expect(claims.length).toBe(prepare.lines.length - 1);
    for (const l of claims) expect(l.cite).toEqual(['spravatoPrep']);
    expect(prepare.lines.find((l) => !patient.isClaim(l))!.text).toMatch(/^Ask your care team/);
    const iv = STEPS.iv.flatMap((s) => s.lines.map((l) => l.text)).join(' ');
    expect(iv).not.toMatch(/no food|no drinks/);
    const monitoring = STEPS.intranasal.find((s) => s.id === 'monitoring')!;
    expect(monitoring.bar?.end).toEqual({ from: 'start', offsetMin: 120 });
  });

  it('states the IV side effects, blood pressure and driving as cited facts, not care-team pointers', () => {
    const card = (id: string) => STEPS.iv.find((s) => s.id === id)!;
    for (const id of ['checks', 'side-effects', 'rest'])
      for (const l of card(id).lines) expect(patient.isClaim(l), l.text).toBe(true);
    const iv = STEPS.iv.flatMap((s) => s.lines.map((l) => l.text)).join(' ');
    expect(iv).toMatch(/blood pressure/);
    expect(iv).toContain('no driving for 24 hours');
    expect(iv).not.toMatch(/care team will|clinic will/i);
    const cites = new Set(
      STEPS.iv.flatMap((s) => s.lines.filter(patient.isClaim).flatMap((l) => l.cite)),
    );
    for (const key of ['short2018', 'szarmach2020', 'yip2022', 'nimhSideEffects2019'])
      expect(cites.has(key), key).toBe(true);
  });

  it('cites the IV course, and the cited schedule is the example the calendar shows', () => {
    const plan = patient.COURSE.plan.iv[0];
    if (!plan || !patient.isClaim(plan))
      throw new Error('the IV plan should open with a cited claim');
    expect(plan.cite).toEqual(['shiroma2014']);
    expect(plan.text).toContain('6 drips over 12 days, on Monday, Wednesday and Friday');
    // Day 0 a Monday: 6 sessions, all on Monday, Wednesday or Friday, within 12 days.
    expect(IV_COURSE_DAYS).toHaveLength(6);
    for (const d of IV_COURSE_DAYS) expect([0, 2, 4]).toContain(d % 7);
    expect(Math.max(...IV_COURSE_DAYS)).toBeLessThan(12);
  });

  it('has step ids unique per treatment, and bars that end after they start', () => {
    for (const t of treatments) {
      const ids = SESSION_STEPS[t].map((s) => s.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const s of SESSION_STEPS[t]) {
        const b = s.bar;
        if (!b || b.end === null || typeof b.end === 'string') continue;
        const at = (a: { from: 'start' | 'end'; offsetMin: number }) =>
          (a.from === 'start' ? 0 : 10) + a.offsetMin;
        expect(at(b.end)).toBeGreaterThan(at(b.start));
      }
    }
  });

  it('writes times and summaries in plain words', () => {
    expect(patient.durationText(40)).toBe('40 minutes');
    expect(patient.durationText(150)).toBe('2.5 hours');
    expect(patient.durationText(60 * 1.0)).toBe('60 minutes');
    expect(patient.durationText(120)).toBe('2 hours');
    expect(patient.whenText(-20, 0)).toBe('Before the start');
    expect(patient.whenText(0, 40)).toBe('From the start to 40 minutes');
    expect(patient.whenText(0, 0)).toBe('At the start');
    expect(patient.whenText(40, 40)).toBe('At 40 minutes');
    expect(patient.whenText(120, null)).toBe('From 2 hours until the next day');
    expect(patient.curveSummary(40, 52)).toBe(
      'In this simulation, the level is highest at 40 minutes. It falls to half of that by about 52 minutes.',
    );
    expect(patient.curveSummary(95, null)).toContain('still above half of that');
    expect(patient.courseSummary(6, true)).toContain('does not build up');
  });
});
