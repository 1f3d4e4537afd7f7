/**
 * Mechanism content: what ketamine is thought to do, from the receptor to the synapse. Each claim
 * and each stage of the timeline is a `Cited` (the shape is defined in src/content/cited.ts): its
 * words at two reading levels, `student` (precise) and `plain` (for patients; grade 8 or below),
 * its citation keys (src/content/references.ts) and, required here, how the evidence was gathered.
 * src/content/cited.test.ts checks the keys and the reading grade. Sources were checked against
 * their abstracts: docs/content-research.md.
 */
import type { Cited, Evidence, Levels } from './cited';

/** The words of the evidence badge, at both reading levels. */
export const EVIDENCE_LABEL: Record<Evidence, Levels> = {
  humans: { student: 'Measured in humans', plain: 'Seen in people' },
  animals: { student: 'Shown in animals or cells', plain: 'Seen in animals' },
  debated: { student: 'Hypothesis, debated', plain: 'An idea still argued about' },
};

/** A claim of a mechanism panel: a cited statement that must say how its evidence was gathered. */
export interface Claim extends Cited {
  evidence: Evidence;
}

export interface MechanismPanel {
  id: 'nmda' | 'glutamate' | 'synapse' | 'debated';
  title: Levels;
  claims: readonly Claim[];
}

export const MECHANISM_PANELS: readonly MechanismPanel[] = [
  {
    id: 'nmda',
    title: { student: 'NMDA receptor block', plain: 'Blocking a brain signal channel' },
    claims: [
      {
        text: {
          student:
            'Ketamine is an uncompetitive NMDA receptor antagonist: it enters the open ion channel and binds the phencyclidine (PCP) site inside it, so block needs the channel to open (use dependence) and the drug can stay trapped when the channel closes.',
          plain:
            'Nerve cells pass signals through tiny gates called NMDA receptors. Ketamine slips into an open gate and plugs it. It can stay stuck inside after the gate shuts.',
        },
        cite: ['zanos2018'],
        evidence: 'animals',
      },
      {
        text: {
          student:
            'S-ketamine binds the PCP site about five times more tightly than R-ketamine (Ki 0.3 vs 1.4 µM in rat brain); the occupancy shown here is an estimate from the unbound effect-site concentration and these affinities, not a measurement in people.',
          plain:
            'Esketamine, one half of ketamine, sticks to the gate more strongly than the other half. The number shown here is a rough guess from the drug level, not a brain scan.',
        },
        cite: ['ebert1997'],
        evidence: 'animals',
      },
    ],
  },
  {
    id: 'glutamate',
    title: { student: 'Glutamate surge and AMPA receptors', plain: 'A burst of brain signals' },
    claims: [
      {
        text: {
          student:
            'Disinhibition hypothesis: NMDA block lowers the firing of inhibitory (GABA) interneurons first, which then lets prefrontal pyramidal neurons fire more.',
          plain:
            'Some nerve cells act as brakes. Ketamine may quiet these brakes first. Then other cells fire more.',
        },
        cite: ['homayoun2007'],
        evidence: 'animals',
      },
      {
        text: {
          student:
            'Subanaesthetic doses raise extracellular glutamate in the rat prefrontal cortex (anaesthetic doses lower it); in people, prefrontal glutamate cycling rose during a ketamine infusion in a small magnetic resonance spectroscopy study.',
          plain:
            'Low doses make some brain areas release more glutamate, a signal that tells cells to fire. This was seen in rats, and a small scan study in people found a similar rise.',
        },
        cite: ['moghaddam1997', 'abdallah2018'],
        evidence: 'humans',
      },
      {
        text: {
          student:
            'AMPA throughput hypothesis: the released glutamate acts on AMPA receptors; blocking AMPA receptors (NBQX) abolished ketamine’s antidepressant-like effect in mice.',
          plain:
            'The extra glutamate acts on other gates, called AMPA receptors. When mice got a drug that blocked these gates, ketamine no longer worked in their tests.',
        },
        cite: ['maeng2008'],
        evidence: 'animals',
      },
    ],
  },
  {
    id: 'synapse',
    title: { student: 'BDNF, mTORC1 and new synapses', plain: 'Growing new connections' },
    claims: [
      {
        text: {
          student:
            'In mice, NMDA block at rest switches off eEF2 kinase, which releases the brake on translation of BDNF (brain-derived neurotrophic factor), and this was linked to the rapid antidepressant-like response.',
          plain:
            'In mice, blocking the gates let nerve cells make more of a growth signal called BDNF. This was linked to the quick effect.',
        },
        cite: ['autry2011'],
        evidence: 'animals',
      },
      {
        text: {
          student:
            'Ketamine activates mTORC1 signalling and increases dendritic spines (synapses) in the rat prefrontal cortex; blocking mTOR prevented both the new spines and the behavioural effect.',
          plain:
            'In rats, ketamine turned on a growth switch called mTOR. Cells then grew new links to each other. Blocking the switch stopped both.',
        },
        cite: ['li2010'],
        evidence: 'animals',
      },
      {
        text: {
          student:
            'New spines were needed to maintain, but not to start, the antidepressant-like effect in mice: a link between synaptogenesis and the sustained response.',
          plain:
            'In mice, the new links helped the good effect last. They were not needed for it to start.',
        },
        cite: ['modasava2019'],
        evidence: 'animals',
      },
    ],
  },
  {
    id: 'debated',
    title: {
      student: 'Other proposed contributions (debated)',
      plain: 'Other ideas, still argued about',
    },
    claims: [
      {
        text: {
          student:
            'The metabolite (2R,6R)-hydroxynorketamine was proposed, from mouse studies, to act without NMDA block; the idea remains contested.',
          plain:
            'Some think a breakdown product of ketamine helps on its own. Other studies found it did not. This is still argued about.',
        },
        cite: ['zanosgould2018'],
        evidence: 'debated',
      },
      {
        text: {
          student:
            'A role for opioid receptors was proposed after naltrexone blunted the response in a small study; a later randomised trial, in people with depression and alcohol use disorder, found that naltrexone did not block the antidepressant effect.',
          plain:
            'One small study hinted that ketamine works through the body’s opioid system. A later trial found no sign of this.',
        },
        cite: ['yoon2025', 'zanosgould2018'],
        evidence: 'debated',
      },
      {
        text: {
          student:
            'Default mode network: in a placebo-controlled crossover study of healthy volunteers (17 analysed), resting-state functional connectivity from the posterior cingulate cortex to the dorsal nexus and to the pregenual anterior cingulate/medial prefrontal cortex was lower 24 h after ketamine. This is human imaging, but a small sample, in people without depression, and it measures connectivity rather than activity; whether it contributes to the antidepressant effect is a hypothesis.',
          plain:
            'Brain scans of 17 healthy people showed that some brain areas were less in step with each other one day after ketamine. The group was small, and no one in it was depressed. So it is not known if this helps mood.',
        },
        cite: ['scheidegger2012'],
        evidence: 'debated',
      },
      {
        text: {
          student:
            'Anti-inflammatory effects: a systematic review of 9 human and 22 rodent studies found strong rodent evidence that ketamine lowers the pro-inflammatory cytokines IL-1β, IL-6 and TNF-α; the human studies were few and heterogeneous, though most reported lower peripheral inflammation. Whether this contributes to the antidepressant effect is not established.',
          plain:
            'Ketamine may calm inflammation, the body’s alarm signals. Rat and mouse studies show this clearly. Studies in people are few and do not all agree.',
        },
        cite: ['kopra2021'],
        evidence: 'debated',
      },
    ],
  },
];

/**
 * Stages of a mechanistic timeline, in minutes after the end of dosing (approximate windows;
 * -Infinity: from the start of dosing).
 * The rodent doses behind the animal stages give far higher brain exposure than 0.5 mg/kg IV in
 * people, so the animal clock does not map one-to-one onto the clinical clock. A stage's `text` is
 * its label (a short phrase).
 */
export interface TimelineStage extends Cited {
  id: string;
  /** window after the end of dosing, min; a start of -Infinity means from the start of dosing */
  startMin: number;
  endMin: number;
  evidence: Evidence;
  /** how the window was set */
  basis: string;
}

export const MINUTES = { hour: 60, day: 1440, week: 10080 } as const;

export const TIMELINE_STAGES: readonly TimelineStage[] = [
  {
    id: 'dissociation',
    text: { student: 'Dissociation and slowed thinking', plain: 'Feeling strange or detached' },
    startMin: Number.NEGATIVE_INFINITY,
    endMin: 2 * MINUTES.hour,
    evidence: 'humans',
    cite: ['morrison2018'],
    basis:
      'Esketamine 84 mg: cognition impaired at 40 min, back to placebo level by 2 h after dosing.',
  },
  {
    id: 'glutamate-burst',
    text: { student: 'Glutamate burst (approximate)', plain: 'Burst of brain signals' },
    startMin: Number.NEGATIVE_INFINITY,
    endMin: MINUTES.hour,
    evidence: 'animals',
    cite: ['moghaddam1997', 'abdallah2018'],
    basis:
      'During and shortly after dosing; timing is approximate (rat microdialysis, one human pilot).',
  },
  {
    id: 'bdnf-mtor',
    text: { student: 'BDNF translation and mTORC1 signalling', plain: 'Growth signals switch on' },
    startMin: 30,
    endMin: MINUTES.day,
    evidence: 'animals',
    cite: ['autry2011', 'li2010'],
    basis:
      'Tens of minutes to hours in rodents; exact times are not in the abstracts (approximate).',
  },
  {
    id: 'synapses',
    text: {
      student: 'New dendritic spines; sustained effect',
      plain: 'New connections help it last',
    },
    startMin: 6 * MINUTES.hour,
    endMin: MINUTES.week,
    evidence: 'animals',
    cite: ['li2010', 'modasava2019'],
    basis: 'Hours to days in rodents (approximate).',
  },
  {
    id: 'clinical-response',
    text: { student: 'Antidepressant response (trial end point at 24 h)', plain: 'Mood may lift' },
    startMin: 2 * MINUTES.hour,
    endMin: MINUTES.week,
    evidence: 'humans',
    cite: ['murrough2013'],
    basis:
      'Response measured at 24 h after the infusion in randomised trials; it often fades over days.',
  },
];

/**
 * Below this estimated occupancy (fraction) the drug is taken not to have reached the brain yet,
 * so no stage that starts with dosing is shown as under way (a choice of this simulator: at the
 * very start of dosing the effect site is still empty).
 */
export const DRUG_REACHED_OCCUPANCY = 0.01;

/**
 * The stages under way at a moment: minutesSinceEnd is the time since dosing ended (negative while
 * dosing goes on); occupancy the estimated NMDA occupancy then (0-1). Stages that run from the start
 * of dosing count only once the drug has reached the brain.
 */
export function stagesUnderWay(minutesSinceEnd: number, occupancy: number): TimelineStage[] {
  const reached = occupancy >= DRUG_REACHED_OCCUPANCY;
  return TIMELINE_STAGES.filter(
    (s) =>
      minutesSinceEnd >= s.startMin &&
      minutesSinceEnd <= s.endMin &&
      (s.startMin !== Number.NEGATIVE_INFINITY || reached),
  );
}
