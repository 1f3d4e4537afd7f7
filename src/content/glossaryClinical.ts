/**
 * The glossary's definitions of the terms of art of trials, clinical use and the mechanism panels
 * (placebo, MADRS, REMS, PCP site, disinhibition, ...), in the shape of ./glossary.ts's own
 * (the student's words, the plain words at grade 8 or below, the citation keys), which joins them
 * to their terms (./glossaryTerms.ts). Kept apart from the pharmacokinetic terms only to keep each
 * file short. Each cites the trial, label or paper whose use of the term it describes.
 */

/** A term's definition: the student's words, the plain words, and the citation keys. */
export type Definition = readonly [student: string, plain: string, cite: readonly string[]];

export const CLINICAL_DEFINITIONS: Readonly<Record<string, Definition>> = {
  'population-model': [
    'A pharmacokinetic model fitted to the data of many people at once: it gives the typical values of its parameters, how covariates such as weight shift them, and how much they vary between people. The curves here are a typical person’s; the bands come from that variability.',
    'A model built from drug levels measured in many people. It shows a typical person and how much people differ.',
    ['kamp2020', 'perezruixo2021'],
  ],
  percentile: [
    'The value below which a given share of a group lies. At each time, the 95th percentile of the virtual patients is the concentration that 95 % of them stay under (1 in 20 exceed it); the 50th is the median; the 5th and 95th are the edges of the 5-95 % band.',
    'A way to rank a group. The 95th percentile is a level that only 5 in 100 people go above.',
    ['perezruixo2021', 'kamp2020'],
  ],
  placebo: [
    'A dummy treatment given the same way as the drug (a saline drip, a spray without drug), so that the groups differ only in the drug. An active placebo, such as midazolam in ketamine trials, has effects of its own (sedation), so it is harder to tell which treatment was given; ketamine’s measured effect was smaller in midazolam-controlled trials than in saline-controlled ones.',
    'A dummy medicine that looks like the real one. Some studies use a look-alike drug that makes you sleepy, so it is harder to tell which one you got.',
    ['wilkinson2019', 'murrough2013'],
  ],
  madrs: [
    'The Montgomery-Åsberg Depression Rating Scale: after an interview, a clinician scores 10 symptoms (among them sadness, sleep, appetite, concentration and suicidal thoughts) from 0 to 6 each, a total of 0-60; higher is more severe. It was designed to be sensitive to change with treatment; its change at 24 h was the main outcome of the two-site ketamine trial.',
    'A checklist a doctor uses to score how bad depression is. A higher score means worse depression.',
    ['montgomery1979', 'murrough2013'],
  ],
  trd: [
    'Major depression that has not improved enough with antidepressants, usually taken to mean too little response to at least two different antidepressants, each at an adequate dose for long enough, in the current episode. Nasal esketamine is approved for it, and the ketamine and esketamine trials enrolled such patients.',
    'Depression that has not got better after trying two or more medicines for it.',
    ['spravatoLabel', 'daly2019', 'murrough2013'],
  ],
  remission: [
    'Depression gone or almost gone, not just improved: in trials, a rating-scale score at or below a cut-off (often a MADRS total of 12 or less). In SUSTAIN-1, patients in stable remission after 16 weeks of esketamine were randomised to keep it or to switch to a placebo spray.',
    'When the signs of depression have gone, or almost gone, for a while.',
    ['daly2019'],
  ],
  relapse: [
    'The return of depression after a person has responded to treatment or gone into remission. SUSTAIN-1 compared the time to relapse in people who kept esketamine with those switched to a placebo spray.',
    'When depression comes back after a person got better.',
    ['daly2019'],
  ],
  'hazard-ratio': [
    'The rate at which an event (here, relapse) occurs in one group divided by its rate in another, over the follow-up; below 1 means fewer events in the first group. In SUSTAIN-1 it was 0.49 for continued esketamine against placebo: a 51 % lower risk of relapse.',
    'A number that compares how often something happens in two groups. Below 1 means it happened less in the first group.',
    ['daly2019'],
  ],
  subanaesthetic: [
    'Below the dose that causes anaesthesia: the person stays awake, though often dissociated. The IV depression dose (0.5 mg/kg over 40 min) is subanaesthetic. In rats, subanaesthetic doses raised prefrontal glutamate, while an anaesthetic dose lowered it.',
    'A dose too low to put you to sleep for surgery. You stay awake, but you may feel strange.',
    ['shiroma2014', 'moghaddam1997'],
  ],
  hypoaesthesia: [
    'Reduced sensation, such as numbness. It is among the most common side effects of nasal esketamine, often in the mouth (oral hypoaesthesia: 13.2 % against 0 % on placebo in the maintenance phase of SUSTAIN-1).',
    'Less feeling in part of the body, like a numb mouth.',
    ['spravatoLabel2019', 'daly2019'],
  ],
  rems: [
    'A Risk Evaluation and Mitigation Strategy, a safety programme the US FDA requires for some drugs. Under the SPRAVATO REMS, esketamine is dispensed only to certified healthcare settings, taken there under a provider’s direct watch, and followed by at least 2 h of monitoring, because of the risks of sedation, dissociation, and abuse and misuse.',
    'A set of safety rules. Esketamine is only given in approved clinics, where staff watch you for at least 2 hours.',
    ['spravatoLabel2019'],
  ],
  'schedule-iii': [
    'A class of US controlled substances: drugs with an accepted medical use but a potential for abuse and dependence, whose supply the law controls. Esketamine is in it (CIII on its label).',
    'A legal group of medicines that can be misused. The law controls how they are given out.',
    ['spravatoLabel2019'],
  ],
  'cns-depressants': [
    'Drugs that slow brain activity, such as benzodiazepines, opioids and alcohol. Taken with esketamine they may add to its sedation, so the label asks for close watch for sedation.',
    'Medicines or drinks that make you sleepy, like alcohol or some pain and sleep pills.',
    ['spravatoLabel2019'],
  ],
  maoi: [
    'An older class of antidepressants that block monoamine oxidase, an enzyme that breaks down monoamine transmitters such as serotonin and noradrenaline. Taken with esketamine they may raise blood pressure further, so the label asks for close blood-pressure checks.',
    'An older kind of medicine for depression. With esketamine, it can raise blood pressure more.',
    ['spravatoLabel2019'],
  ],
  cyp: [
    'Cytochrome P450 enzymes, mostly in the liver, which metabolise many drugs. CYP2B6 and CYP3A4 N-demethylate ketamine and esketamine to their nor-metabolites (their relative shares differ between studies), so medicines that block or induce them can change the level.',
    'Enzymes in the liver. They break down many drugs, such as ketamine.',
    ['zanos2018', 'spravatoLabel'],
  ],
  'n-demethylation': [
    'Removal of the methyl group (CH₃) from a drug’s nitrogen atom. It turns ketamine into norketamine, and esketamine into noresketamine, mainly through CYP2B6 and CYP3A4 in the liver.',
    'A step where the liver cuts a small piece off ketamine. This makes norketamine.',
    ['zanos2018'],
  ],
  apoptosis: [
    'Programmed cell death: a cell takes itself apart in an orderly way. Neuroapoptosis is that of neurons; in infant rats, and in fetal and newborn macaques, hours of NMDA receptor block or ketamine anaesthesia set off widespread neuroapoptosis.',
    'When a cell shuts itself down and dies. In young animals, long, deep doses made many nerve cells do this.',
    ['ikonomidou1999', 'brambrink2012'],
  ],
  uncompetitive: [
    'Block that needs the receptor to be activated first: ketamine reaches its site only once glutamate has opened the NMDA channel, then plugs it from inside (open-channel block). More glutamate opens more channels to it rather than pushing it out, unlike a competitive antagonist. The esketamine label calls it non-competitive.',
    'Ketamine can only plug the gate once the gate has opened. More signal does not push it back out.',
    ['zanos2018', 'spravatoLabel'],
  ],
  'use-dependence': [
    'Block that grows with activity: since ketamine enters only through an open channel, NMDA receptors that open more often are blocked more. When the channel closes with the drug inside, it can stay trapped (trapping block).',
    'The more a gate opens, the more likely ketamine is to plug it.',
    ['zanos2018', 'homayoun2007'],
  ],
  'pcp-site': [
    'The binding site inside the NMDA receptor channel, named after phencyclidine (PCP), which binds there too. Ketamine and norketamine block the channel from it; the Ki values of the occupancy estimate are for this site in rat brain.',
    'The spot inside the gate where ketamine sticks. It is named after another drug, PCP, that sticks there too.',
    ['zanos2018', 'ebert1997'],
  ],
  disinhibition: [
    'Excitation by removal of inhibition: NMDA receptor block is proposed to quiet GABA interneurons first, so that the pyramidal neurons they restrain fire more. Shown in the rat prefrontal cortex; its part in the antidepressant effect is a hypothesis.',
    'Taking the brakes off. If the cells that act as brakes go quiet, other cells fire more.',
    ['homayoun2007'],
  ],
  'gaba-interneurons': [
    'Local nerve cells that release GABA, the brain’s main inhibitory transmitter, and so damp the firing of nearby neurons. In awake rats, NMDA receptor block lowered the firing of putative GABA interneurons in the prefrontal cortex.',
    'Nerve cells that act as brakes. They calm the cells around them.',
    ['homayoun2007'],
  ],
  pyramidal: [
    'The main excitatory, glutamate-releasing neurons of the cortex, named for the shape of their cell body; they carry the cortex’s output. In awake rats, NMDA receptor block raised the firing of most prefrontal pyramidal neurons, after a delay.',
    'The main nerve cells that send signals out from the outer layer of the brain.',
    ['homayoun2007'],
  ],
  eef2k: [
    'Eukaryotic elongation factor 2 kinase: it phosphorylates eEF2 and so slows the making of proteins. In mice, NMDA block at rest switched it off, which let BDNF be made quickly; drugs that inhibit it mimicked the fast antidepressant-like effect.',
    'An enzyme that acts as a brake on making some proteins. In mice, ketamine turned it off.',
    ['autry2011'],
  ],
  mrs: [
    'A way of using an MRI scanner to measure chemicals, such as glutamate and glutamine, in a region of the living brain. With a ¹³C-labelled tracer it can follow how fast glutamate is cycled, as in the small ketamine study of Abdallah et al. 2018.',
    'A kind of brain scan that measures brain chemicals.',
    ['abdallah2018'],
  ],
  dmn: [
    'A set of brain regions, among them the posterior cingulate and the medial prefrontal cortex, whose activity rises and falls together at rest. Scheidegger et al. 2012 measured the connectivity of its posterior cingulate hub 24 h after ketamine.',
    'A group of brain areas that work together when you are at rest.',
    ['scheidegger2012'],
  ],
  connectivity: [
    'How closely the fMRI signals of two brain regions rise and fall together over time, here measured at rest (resting state). It is a correlation: it shows regions working in step, not a physical link or the amount of activity.',
    'How much two brain areas act in step with each other on a brain scan.',
    ['scheidegger2012'],
  ],
  cytokines: [
    'Small signalling proteins of the immune system. Pro-inflammatory ones, such as IL-1β, IL-6 and TNF-α, drive inflammation; their levels in blood are used as markers of it.',
    'Small proteins that the body’s defence system uses as alarm signals.',
    ['kopra2021'],
  ],
};
