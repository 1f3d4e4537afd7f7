/**
 * The one glossary of the app: every term of art the modes show (./glossaryTerms.ts: its id, its
 * name and the spellings that name it), with a short definition at the simulator's two reading
 * levels (`student`, and `plain` at reading grade 8 or below) and the citation keys of
 * src/content/references.ts it rests on. Each entry is a `Cited` (./cited.ts), so
 * src/content/cited.test.ts checks its keys and its plain words with every other statement; and
 * ./glossary.test.ts checks the aliases. The Term component (src/components/Term.svelte) shows an
 * entry where its term appears, loading this module when a term is first opened; About lists them
 * all.
 *
 * Textbook-level definitions (peak, area under the curve, clearance, compartments) cite the
 * pharmacokinetic review the app's models are checked against (kamp2020); drug-specific facts
 * cite the paper or label they come from.
 */
import type { Cited } from './cited';
import { shortSource } from './references';
import { CLINICAL_DEFINITIONS, type Definition } from './glossaryClinical';
import { TERMS, provideDefinitions, type GlossaryTerm } from './glossaryTerms';

export interface GlossaryEntry extends Cited, GlossaryTerm {}

/**
 * Each term's definition: the student's words, the plain words, and the citation keys (those of
 * trials, clinical use and the mechanism panels are in ./glossaryClinical.ts).
 */
const PK_DEFINITIONS: Readonly<Record<string, Definition>> = {
  cmax: [
    'The highest concentration a curve reaches after a dose. The summary gives it for the parent drug in plasma.',
    'The highest drug level in the blood after a dose.',
    ['kamp2020'],
  ],
  tmax: [
    'The time from the first dose at which Cmax is reached: the end of an infusion, or later after a nasal spray, whose drug is still being absorbed (20-40 min after the last device in the label).',
    'How long after the start the drug level is at its highest.',
    ['kamp2020', 'spravatoLabel'],
  ],
  auc: [
    'The area under the concentration-time curve, a measure of total exposure; here from 0 to 24 h, in ng·h/mL. In a linear model it grows in proportion to the dose that reaches the circulation.',
    'One number for how much drug the body saw over time. A higher or a longer curve gives a bigger number.',
    ['kamp2020'],
  ],
  'half-life': [
    'The time a concentration takes to fall by half. After a dose, ketamine falls fast at first (distribution into tissues), then slowly: the slow last phase gives the terminal half-life (7-12 h for nasal esketamine in the label).',
    'The time it takes for the drug level to drop by half.',
    ['kamp2020', 'spravatoLabel'],
  ],
  clearance: [
    'The volume of plasma cleared of drug per unit of time (L/min); with the volumes it sets how fast the level falls. Ketamine is cleared mostly by metabolism in the liver.',
    'How fast the body takes the drug out of the blood.',
    ['kamp2020', 'zanos2018'],
  ],
  volume: [
    'An apparent volume that links the amount of drug in the body to its plasma concentration (C = A / V). It is not a real space: for ketamine, which spreads into tissues, it is larger than the body’s water.',
    'A number that links how much drug is in the body to the level in the blood.',
    ['kamp2020'],
  ],
  compartment: [
    'A box of a pharmacokinetic model: a well-mixed space with its own amount of drug, joined to the others by first-order flows. A mathematical description, not an organ.',
    'A box in the model. It stands for a part of the body where the drug goes.',
    ['kamp2020'],
  ],
  central: [
    'The compartment the drug enters and is sampled from: plasma and the tissues in quick balance with it. Its concentration is the plasma curve.',
    'In the model, the blood and the parts of the body that mix with it fast.',
    ['kamp2020'],
  ],
  peripheral: [
    'A compartment for tissues that take up drug from the central compartment and give it back slowly; it is why the level falls fast at first and slowly later.',
    'In the model, parts of the body that soak up the drug and let it out slowly.',
    ['kamp2020'],
  ],
  'rate-constant': [
    'A first-order flow moves a fixed fraction of a compartment’s amount each minute: its rate constant k, in 1/min. The amount moved is proportional to the amount there.',
    'A number for what share of the drug moves on each minute.',
    ['kamp2020'],
  ],
  'effect-site': [
    'A model compartment with no volume that follows plasma with a delay (dCe/dt = ke0 (C − Ce)). Its concentration drives the effect, so effects lag the plasma curve.',
    'The place where the drug works, such as the brain. Its level goes up and down a little later than the blood level.',
    ['olofsen2022'],
  ],
  ke0: [
    'The rate constant (1/min) at which the effect site comes into balance with plasma; ln 2 / ke0 is the equilibration half-time, 8.3 min for S-ketamine in Olofsen et al. 2022.',
    'How fast the level where the drug works catches up with the blood level.',
    ['olofsen2022'],
  ],
  plasma: [
    'The liquid part of blood, in which drug concentrations are measured; the models predict plasma concentrations (venous or arterial samples, as in each study).',
    'The liquid part of the blood.',
    ['kamp2020'],
  ],
  parent: [
    'The drug as given (ketamine or esketamine), as against the metabolites the body makes from it.',
    'The drug as it is given, before the body breaks it down.',
    ['zanos2018'],
  ],
  bioavailability: [
    'The fraction of a dose that reaches the systemic circulation unchanged: all of it for IV, by definition; about 48 % for nasal esketamine in the label, the rest being swallowed and largely metabolised on first pass.',
    'The share of a dose that gets into the blood. All of a drip does. About half of a nose spray does.',
    ['spravatoLabel', 'perezruixo2021'],
  ],
  'first-pass': [
    'Metabolism of a swallowed drug in the gut wall and liver before it reaches the systemic circulation. It is why oral ketamine has a low bioavailability, and why the swallowed part of a nasal dose adds little.',
    'When the liver breaks down a swallowed drug before it reaches the rest of the blood.',
    ['zanos2018', 'spravatoLabel'],
  ],
  metabolite: [
    'A substance the body makes from a drug. Ketamine is N-demethylated, mainly in the liver, to norketamine, which is turned into hydroxynorketamines and dehydronorketamine.',
    'A new substance the body makes when it breaks down a drug.',
    ['zanos2018'],
  ],
  norketamine: [
    'The main first metabolite of ketamine (noresketamine is that of esketamine). It also blocks the NMDA receptor, with less affinity than the parent drug.',
    'What the body first makes from ketamine. It acts on the same brain gates, but more weakly.',
    ['ebert1997', 'spravatoLabel', 'zanos2018'],
  ],
  hnk: [
    'Metabolites made from norketamine. (2R,6R)-HNK was proposed, from mouse studies, to have antidepressant-like actions without NMDA block; the idea is still debated.',
    'A later breakdown product of ketamine. Some think it helps mood. That is not proven.',
    ['zanos2018'],
  ],
  nmda: [
    'A glutamate-gated ion channel of nerve cells. Ketamine is an uncompetitive antagonist: it enters the open channel and blocks it from inside.',
    'A gate on nerve cells that lets signals through. Ketamine plugs this gate.',
    ['zanos2018'],
  ],
  occupancy: [
    'The fraction of receptors with drug bound. Here it is an estimate from the unbound effect-site concentration and the binding affinities (Σ Cu/Ki), not a measurement in people.',
    'The share of the gates that have the drug stuck in them. Here it is a rough guess.',
    ['ebert1997'],
  ],
  ki: [
    'The concentration at which a drug would hold half of the binding sites in a binding assay; the smaller the Ki, the tighter the binding (0.3 µM for S- and 1.4 µM for R-ketamine in rat brain).',
    'A number for how tightly a drug sticks. A smaller number means it sticks more.',
    ['ebert1997'],
  ],
  unbound: [
    'The share of drug in plasma that is not bound to plasma proteins and so can reach the receptors (about half for ketamine).',
    'The part of the drug in the blood that is free to work.',
    ['dayton1983', 'spravatoLabel'],
  ],
  antagonist: [
    'A drug that blocks the action of a receptor. Ketamine is an uncompetitive (open-channel) NMDA receptor antagonist.',
    'A drug that blocks a gate on a cell.',
    ['zanos2018'],
  ],
  racemic: [
    'An equal mixture of two enantiomers. Ketamine for IV use is racemic: S-ketamine plus R-ketamine.',
    'A mix of two mirror-image forms of a drug, half and half.',
    ['zanos2018'],
  ],
  enantiomer: [
    'One of two mirror-image forms of a molecule. S-ketamine binds the NMDA receptor about five times more tightly than R-ketamine.',
    'One of the two mirror-image forms of a drug, like a left and a right hand.',
    ['zanos2018', 'ebert1997'],
  ],
  esketamine: [
    'S-ketamine, the S-enantiomer of racemic ketamine, given as a nasal spray (Spravato) in depression; a non-competitive NMDA receptor antagonist.',
    'One of the two forms of ketamine. It is given as a nose spray.',
    ['spravatoLabel'],
  ],
  infusion: [
    'A dose given into a vein at a steady rate over a set time, such as 0.5 mg/kg over 40 min in the depression trials. The level rises while it runs and falls once it stops.',
    'Medicine that drips slowly into a vein over a set time.',
    ['berman2000', 'murrough2013'],
  ],
  bolus: [
    'A whole dose given at once into a vein. The plasma peak comes at once and is higher than after an infusion of the same dose.',
    'A whole dose given all at once.',
    ['kamp2020'],
  ],
  intranasal: [
    'Given into the nose: most of the absorbed drug crosses the nasal lining into the blood; part of the dose is swallowed.',
    'Given as a spray into the nose.',
    ['spravatoLabel', 'perezruixo2021'],
  ],
  variability: [
    'How a model’s parameters differ from person to person, as the study estimated it. The band shows the 5-95 % and 25-75 % percentiles of simulated virtual patients drawn from that variability.',
    'How much the drug level differs from one person to the next. The shaded band shows the usual spread.',
    ['kamp2020', 'perezruixo2021'],
  ],
  covariate: [
    'A patient characteristic, such as weight or age, that a population model uses to predict a person’s parameters.',
    'A fact about a person, like weight, that the model uses.',
    ['kamp2020'],
  ],
  'log-scale': [
    'An axis on which each step is a fixed ratio (times 10) rather than a fixed amount. On it a first-order fall is a straight line, and low levels such as a metabolite stay visible.',
    'A scale where each step up means ten times more. It shows small and large levels together.',
    ['kamp2020'],
  ],
  'ng-ml': [
    'Nanograms per millilitre, a mass concentration (the same as µg/L), the unit the pharmacokinetic studies report.',
    'A unit for how much drug is in the blood.',
    ['kamp2020'],
  ],
  micromolar: [
    'Micromoles per litre, a molar concentration: for ketamine (237.7 g/mol) 1 µM is about 238 ng/mL. Binding affinities such as Ki are given in µM.',
    'Another unit for how much drug is in the blood. It counts molecules, not weight.',
    ['ebert1997'],
  ],
  'mg-kg': [
    'Milligrams of drug per kilogram of body weight. IV ketamine doses in the depression trials are by weight (0.5 mg/kg); nasal esketamine doses are fixed (56 or 84 mg).',
    'Milligrams of drug for each kilogram the person weighs.',
    ['murrough2013', 'spravatoLabel'],
  ],
  dissociation: [
    'Feeling detached from one’s body, surroundings or thoughts, with altered perception. It follows the ketamine concentration and fades as the level falls.',
    'Feeling detached or dreamlike, as if outside your body.',
    ['zanos2018', 'olofsen2022'],
  ],
  glutamate: [
    'The main excitatory neurotransmitter of the brain; it opens NMDA and AMPA receptors. Subanaesthetic ketamine raises its release in the prefrontal cortex of rats.',
    'A chemical that nerve cells use to switch each other on.',
    ['zanos2018', 'moghaddam1997'],
  ],
  ampa: [
    'A fast glutamate-gated ion channel. More AMPA signalling after NMDA block is a proposed step of the antidepressant effect; blocking AMPA receptors removed it in mice.',
    'Another gate on nerve cells that glutamate opens.',
    ['maeng2008'],
  ],
  bdnf: [
    'Brain-derived neurotrophic factor, a protein that helps synapses grow; in mice, NMDA block at rest raised its translation quickly.',
    'A protein that helps links between nerve cells grow.',
    ['autry2011'],
  ],
  mtor: [
    'A signalling complex that controls protein synthesis. In rats, ketamine activated it, and blocking it prevented the new synapses and the behavioural effect.',
    'A switch inside cells that tells them to build new parts.',
    ['li2010'],
  ],
  synaptogenesis: [
    'The making of new synapses, seen as new dendritic spines; in mice they were needed to keep, not to start, the antidepressant-like effect.',
    'The growth of new links between nerve cells.',
    ['li2010', 'modasava2019'],
  ],
};

const DEFINITIONS: Readonly<Record<string, Definition>> = {
  ...PK_DEFINITIONS,
  ...CLINICAL_DEFINITIONS,
};

export const GLOSSARY: readonly GlossaryEntry[] = TERMS.map((t) => {
  const d = DEFINITIONS[t.id];
  if (!d)
    throw new Error(`The glossary term "${t.id}" has no definition in src/content/glossary.ts`);
  const [student, plain, cite] = d;
  return { ...t, text: { student, plain }, cite };
});
for (const id of Object.keys(CLINICAL_DEFINITIONS))
  if (Object.hasOwn(PK_DEFINITIONS, id))
    throw new Error(`The glossary term "${id}" is defined twice in src/content/glossary*.ts`);
for (const id of Object.keys(DEFINITIONS))
  if (!TERMS.some((t) => t.id === id))
    throw new Error(
      `The definition "${id}" in src/content/glossary.ts has no term in glossaryTerms.ts`,
    );

const byId = new Map(GLOSSARY.map((e) => [e.id, e]));
provideDefinitions(byId, shortSource);

/** The entry of an id; throws with the id's name when there is none. */
export function glossaryEntry(id: string): GlossaryEntry {
  const e = byId.get(id);
  if (!e) throw new Error(`Unknown glossary term "${id}": add it to src/content/glossary.ts`);
  return e;
}
