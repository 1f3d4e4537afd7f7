/**
 * The one bibliography of the app. Every citation key used in content or models must resolve here
 * (checked by src/content/references.test.ts).
 */
export interface Reference {
  key: string;
  authors: string;
  title: string;
  /** journal, or publisher for a label or book */
  source: string;
  year: number;
  /** volume(issue):pages, when the source has them */
  locator?: string;
  doi?: string;
  pmid?: string;
  url?: string;
  /**
   * set for a paper this project could not read, cited only because figures quoted elsewhere are
   * attributed to it: why it is cited (the UI shows it with the reference)
   */
  notRead?: string;
}

export const references: readonly Reference[] = [
  {
    key: 'kamp2020',
    authors: 'Kamp J, Olofsen E, Henthorn TK, van Velzen M, Niesters M, Dahan A',
    title:
      'Ketamine pharmacokinetics: a systematic review of the literature, meta-analysis, and population analysis',
    source: 'Anesthesiology',
    year: 2020,
    locator: '133(6):1192-1213',
    doi: '10.1097/ALN.0000000000003577',
    pmid: '32997732',
  },
  {
    key: 'perezruixo2021',
    authors: 'Perez-Ruixo C, Rossenu S, Zannikos P, Nandy P, Singh J, Drevets WC, Perez-Ruixo JJ',
    title:
      'Population pharmacokinetics of esketamine nasal spray and its metabolite noresketamine in healthy subjects and patients with treatment-resistant depression',
    source: 'Clinical Pharmacokinetics',
    year: 2021,
    locator: '60(4):501-516',
    doi: '10.1007/s40262-020-00953-4',
  },
  {
    key: 'olofsen2022',
    authors: 'Olofsen E, Kamp J, Henthorn TK, van Velzen M, Niesters M, Sarton E, Dahan A',
    title: 'Ketamine psychedelic and antinociceptive effects are connected',
    source: 'Anesthesiology',
    year: 2022,
    locator: '136(5):792-801',
    doi: '10.1097/ALN.0000000000004176',
  },
  {
    key: 'otto2021',
    authors: 'Otto ME, Bergmann KR, Jacobs G, van Esdonk MJ',
    title:
      'Predictive performance of parent-metabolite population pharmacokinetic models of (S)-ketamine in healthy volunteers',
    source: 'European Journal of Clinical Pharmacology',
    year: 2021,
    locator: '77(8):1181-1192',
    doi: '10.1007/s00228-021-03104-1',
  },
  {
    key: 'fanta2015',
    authors: 'Fanta S, Kinnunen M, Backman JT, Kalso E',
    title:
      'Population pharmacokinetics of S-ketamine and norketamine in healthy volunteers after intravenous and oral dosing',
    source: 'European Journal of Clinical Pharmacology',
    year: 2015,
    locator: '71(4):441-447',
    doi: '10.1007/s00228-015-1826-y',
    pmid: '25724645',
  },
  {
    key: 'domino1984',
    authors: 'Domino EF, Domino SE, Smith RE, et al.',
    title: 'Ketamine kinetics in unmedicated and diazepam-premedicated subjects',
    source: 'Clinical Pharmacology and Therapeutics',
    year: 1984,
    locator: '36(5):645-653',
    pmid: '6488686',
  },
  {
    key: 'clements1981',
    authors: 'Clements JA, Nimmo WS',
    title: 'Pharmacokinetics and analgesic effect of ketamine in man',
    source: 'British Journal of Anaesthesia',
    year: 1981,
    locator: '53(1):27-30',
    doi: '10.1093/bja/53.1.27',
    pmid: '7459184',
  },
  {
    key: 'hijazi2003',
    authors: 'Hijazi Y, Bodonian C, Bolon M, Salord F, Boulieu R',
    title:
      'Pharmacokinetics and haemodynamics of ketamine in intensive care patients with brain or spinal cord injury',
    source: 'British Journal of Anaesthesia',
    year: 2003,
    locator: '90(2):155-160',
    doi: '10.1093/bja/aeg028',
    pmid: '12538370',
  },
  {
    key: 'herd2007',
    authors: 'Herd DW, Anderson BJ, Holford NHG',
    title:
      "Ketamine disposition in children presenting for procedural sedation and analgesia in a children's emergency department",
    source: 'Paediatric Anaesthesia',
    year: 2007,
    locator: '17(7):622-629',
    doi: '10.1111/j.1460-9592.2006.02145.x',
    pmid: '17564643',
  },
  {
    key: 'rolan2014',
    authors: 'Rolan P, Lim S, Sunderland V, Liu Y, Molnar V',
    title: 'The absolute bioavailability of racemic ketamine from a novel sublingual formulation',
    source: 'British Journal of Clinical Pharmacology',
    year: 2014,
    locator: '77(6):1011-1016',
    doi: '10.1111/bcp.12264',
    pmid: '24977293',
  },
  {
    key: 'simons2022',
    authors:
      'Simons P, Olofsen E, van Velzen M, van Lemmen M, Mooren R, van Dasselaar T, Mohr P, Hammes F, van der Schrier R, Niesters M, Dahan A',
    title:
      'S-Ketamine oral thin film, Part 1: population pharmacokinetics of S-ketamine, S-norketamine and S-hydroxynorketamine',
    source: 'Frontiers in Pain Research',
    year: 2022,
    locator: '3:946486',
    doi: '10.3389/fpain.2022.946486',
    pmid: '35899184',
  },
  {
    key: 'simons2024thesis',
    authors: 'Simons P',
    title:
      'Pharmacotherapy and ventilatory control in health and disease (chapters 2-3: the S-ketamine oral thin film)',
    source: 'PhD thesis, Leiden University',
    year: 2024,
    url: 'https://publicatie-online.nl/uploaded/flipbook/174076-Pieter-Simons',
  },
  {
    key: 'pharmacotherapy2022in',
    authors: 'Authors not read (author manuscript PMC9118341; only its Table 6 could be read)',
    title:
      'Title not read; cited: its Table 6, "Ketamine (K) and nor-ketamine (N-K) pharmacokinetic parameters"',
    source: 'Pharmacotherapy',
    year: 2022,
    locator: '42(4):298-310',
    doi: '10.1002/phar.2669',
    url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC9118341/table/T6',
  },
  {
    key: 'clements1982',
    authors: 'Clements JA, Nimmo WS, Grant IS',
    title: 'Bioavailability, pharmacokinetics, and analgesic activity of ketamine in humans',
    source: 'Journal of Pharmaceutical Sciences',
    year: 1982,
    locator: '71(5):539-542',
    notRead:
      'Not read by this project: cited because the adult IM figures quoted in many summaries (F 93 %, peak 5-15 min) are attributed to it',
  },
  {
    key: 'loo2016',
    authors: "Loo CK, Gálvez V, O'Keefe E, et al.",
    title:
      'Placebo-controlled pilot trial testing dose titration and intravenous, intramuscular and subcutaneous routes for ketamine in depression',
    source: 'Acta Psychiatrica Scandinavica',
    year: 2016,
    locator: '134(1):48-56',
    doi: '10.1111/acps.12572',
    pmid: '27028832',
  },
  {
    key: 'andrade2019',
    authors: 'Andrade C',
    title: 'Oral ketamine for depression, 2: practical considerations',
    source: 'Journal of Clinical Psychiatry',
    year: 2019,
    url: 'https://www.psychiatrist.com/jcp/depression/oral-ketamine-for-depression-practical-considerations/',
  },
  {
    key: 'hornik2018',
    authors: 'Hornik CP, et al.; Pediatric Trials Network Steering Committee',
    title: 'Population pharmacokinetics of intramuscular and intravenous ketamine in children',
    source: 'Journal of Clinical Pharmacology',
    year: 2018,
    doi: '10.1002/jcph.1116',
    pmid: '29677389',
  },
  {
    key: 'ebert1997',
    authors: 'Ebert B, Mikkelsen S, Thorkildsen C, Borgbjerg FM',
    title:
      'Norketamine, the main metabolite of ketamine, is a non-competitive NMDA receptor antagonist in the rat cortex and spinal cord',
    source: 'European Journal of Pharmacology',
    year: 1997,
    locator: '333(1):99-104',
    pmid: '9311667',
  },
  {
    key: 'dayton1983',
    authors: 'Dayton PG, Stiller RL, Cook DR, Perel JM',
    title: 'The binding of ketamine to plasma proteins: emphasis on human plasma',
    source: 'European Journal of Clinical Pharmacology',
    year: 1983,
    locator: '24(6):825-831',
    doi: '10.1007/BF00607095',
  },
  {
    key: 'zanos2018',
    authors:
      'Zanos P, Moaddel R, Morris PJ, Riggs LM, Highland JN, Georgiou P, Pereira EFR, Albuquerque EX, Thomas CJ, Zarate CA Jr, Gould TD',
    title: 'Ketamine and ketamine metabolite pharmacology: insights into therapeutic mechanisms',
    source: 'Pharmacological Reviews',
    year: 2018,
    locator: '70(3):621-660',
    doi: '10.1124/pr.117.015198',
  },
  {
    key: 'spravatoLabel',
    authors: 'Janssen Pharmaceuticals',
    title: 'SPRAVATO (esketamine) nasal spray: US prescribing information',
    source: 'Janssen Pharmaceuticals / US Food and Drug Administration (DailyMed)',
    year: 2026,
    url: 'https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=d81a6a79-a74a-44b7-822c-0dfa3036eaed',
  },
  {
    key: 'nlmixr2lib',
    authors: 'nlmixr2 development team',
    title:
      'nlmixr2lib model library: PerezRuixo_2020_esketamine, Otto_2021_s_ketamine and Simons_2022_s_ketamine encodings (used to read Table 3 and Table 4 values)',
    source: 'nlmixr2lib, R package source',
    year: 2025,
    url: 'https://github.com/nlmixr2/nlmixr2lib',
  },
  {
    key: 'homayoun2007',
    authors: 'Homayoun H, Moghaddam B',
    title:
      'NMDA receptor hypofunction produces opposite effects on prefrontal cortex interneurons and pyramidal neurons',
    source: 'Journal of Neuroscience',
    year: 2007,
    locator: '27(43):11496-11500',
    doi: '10.1523/JNEUROSCI.2213-07.2007',
    pmid: '17959792',
  },
  {
    key: 'moghaddam1997',
    authors: 'Moghaddam B, Adams B, Verma A, Daly D',
    title:
      'Activation of glutamatergic neurotransmission by ketamine: a novel step in the pathway from NMDA receptor blockade to dopaminergic and cognitive disruptions associated with the prefrontal cortex',
    source: 'Journal of Neuroscience',
    year: 1997,
    locator: '17(8):2921-2927',
    doi: '10.1523/JNEUROSCI.17-08-02921.1997',
  },
  {
    key: 'abdallah2018',
    authors: 'Abdallah CG, De Feyter HM, Averill LA, et al.',
    title:
      'The effects of ketamine on prefrontal glutamate neurotransmission in healthy and depressed subjects',
    source: 'Neuropsychopharmacology',
    year: 2018,
    doi: '10.1038/s41386-018-0136-3',
  },
  {
    key: 'maeng2008',
    authors: 'Maeng S, Zarate CA Jr, Du J, et al.',
    title:
      'Cellular mechanisms underlying the antidepressant effects of ketamine: role of alpha-amino-3-hydroxy-5-methylisoxazole-4-propionic acid receptors',
    source: 'Biological Psychiatry',
    year: 2008,
    pmid: '17643398',
  },
  {
    key: 'li2010',
    authors: 'Li N, Lee B, Liu RJ, Banasr M, Dwyer JM, Iwata M, Li XY, Aghajanian G, Duman RS',
    title:
      'mTOR-dependent synapse formation underlies the rapid antidepressant effects of NMDA antagonists',
    source: 'Science',
    year: 2010,
    locator: '329(5994):959-964',
    doi: '10.1126/science.1190287',
    pmid: '20724638',
  },
  {
    key: 'autry2011',
    authors: 'Autry AE, Adachi M, Nosyreva E, Na ES, Los MF, Cheng PF, Kavalali ET, Monteggia LM',
    title: 'NMDA receptor blockade at rest triggers rapid behavioural antidepressant responses',
    source: 'Nature',
    year: 2011,
    locator: '475(7354):91-95',
    doi: '10.1038/nature10130',
    pmid: '21677641',
  },
  {
    key: 'modasava2019',
    authors: 'Moda-Sava RN, Murdock MH, Parekh PK, et al.',
    title:
      'Sustained rescue of prefrontal circuit dysfunction by antidepressant-induced spine formation',
    source: 'Science',
    year: 2019,
    locator: '364(6436):eaat8078',
    doi: '10.1126/science.aat8078',
  },
  {
    key: 'zanosgould2018',
    authors: 'Zanos P, Gould TD',
    title: 'Mechanisms of ketamine action as an antidepressant',
    source: 'Molecular Psychiatry',
    year: 2018,
    locator: '23(4):801-811',
    doi: '10.1038/mp.2017.255',
  },
  {
    key: 'yoon2025',
    authors: 'Yoon G, Pittman B, Ralevski E, Petrakis IL, Krystal JH',
    title:
      'Antidepressant efficacy of ketamine plus naltrexone for major depression comorbid with alcohol use disorder: a randomized controlled trial',
    source: 'International Journal of Neuropsychopharmacology',
    year: 2025,
    doi: '10.1093/ijnp/pyaf056',
    pmid: '40795937',
  },
  {
    key: 'morrison2018',
    authors: 'Morrison RL, Fedgchin M, Singh J, et al.',
    title:
      'Effect of intranasal esketamine on cognitive functioning in healthy participants: a randomized, double-blind, placebo-controlled study',
    source: 'Psychopharmacology',
    year: 2018,
    locator: '235(4):1107-1119',
    doi: '10.1007/s00213-018-4828-5',
    pmid: '29392371',
  },
  {
    key: 'montgomery1979',
    authors: 'Montgomery SA, Åsberg M',
    title: 'A new depression scale designed to be sensitive to change',
    source: 'British Journal of Psychiatry',
    year: 1979,
    locator: '134(4):382-389',
    doi: '10.1192/bjp.134.4.382',
  },
  {
    key: 'murrough2013',
    authors: 'Murrough JW, Iosifescu DV, Chang LC, et al.',
    title:
      'Antidepressant efficacy of ketamine in treatment-resistant major depression: a two-site randomized controlled trial',
    source: 'American Journal of Psychiatry',
    year: 2013,
    locator: '170(10):1134-1142',
    pmid: '23982301',
  },
  {
    key: 'daly2019',
    authors: 'Daly EJ, Trivedi MH, Janik A, et al.',
    title:
      'Efficacy of esketamine nasal spray plus oral antidepressant treatment for relapse prevention in patients with treatment-resistant depression: a randomized clinical trial',
    source: 'JAMA Psychiatry',
    year: 2019,
    locator: '76(9):893-903',
    doi: '10.1001/jamapsychiatry.2019.1189',
    pmid: '31166571',
  },
  {
    key: 'berman2000',
    authors: 'Berman RM, Cappiello A, Anand A, Oren DA, Heninger GR, Charney DS, Krystal JH',
    title: 'Antidepressant effects of ketamine in depressed patients',
    source: 'Biological Psychiatry',
    year: 2000,
    locator: '47(4):351-354',
    doi: '10.1016/S0006-3223(99)00230-9',
  },
  {
    key: 'wilkinson2019',
    authors: 'Wilkinson ST, Farmer C, Ballard ED, et al.',
    title:
      'Impact of midazolam vs. saline on effect size estimates in controlled trials of ketamine as a rapid-acting antidepressant',
    source: 'Neuropsychopharmacology',
    year: 2019,
    locator: '44(7):1233-1238',
    doi: '10.1038/s41386-019-0317-8',
    pmid: '30653192',
  },
  {
    key: 'ikonomidou1999',
    authors: 'Ikonomidou C, Bosch F, Miksa M, et al.',
    title: 'Blockade of NMDA receptors and apoptotic neurodegeneration in the developing brain',
    source: 'Science',
    year: 1999,
    locator: '283(5398):70-74',
    doi: '10.1126/science.283.5398.70',
    pmid: '9872743',
  },
  {
    key: 'brambrink2012',
    authors: 'Brambrink AM, Evers AS, Avidan MS, et al.',
    title: 'Ketamine-induced neuroapoptosis in the fetal and neonatal rhesus macaque brain',
    source: 'Anesthesiology',
    year: 2012,
    locator: '116(2):372-384',
    doi: '10.1097/ALN.0b013e318242b2cd',
    pmid: '22222480',
  },
  {
    key: 'paule2011',
    authors: 'Paule MG, Li M, Allen RR, et al.',
    title:
      'Ketamine anesthesia during the first week of life can cause long-lasting cognitive deficits in rhesus monkeys',
    source: 'Neurotoxicology and Teratology',
    year: 2011,
    locator: '33(2):220-230',
    doi: '10.1016/j.ntt.2011.01.001',
    pmid: '21241795',
  },
  {
    key: 'spravatoLabel2019',
    authors: 'Janssen Pharmaceuticals',
    title: 'SPRAVATO (esketamine) nasal spray, CIII: US prescribing information (revised 03/2019)',
    source: 'Janssen Pharmaceuticals / US Food and Drug Administration',
    year: 2019,
    url: 'http://www.janssenlabels.com/package-insert/product-monograph/prescribing-information/SPRAVATO-pi.pdf',
  },
  {
    // Read 2026-12-02 (stored copy, undated; 2025 is an estimate, as for spravatoHcpSafety),
    // section "Treatment Days: Preparing for Treatment": some patients may have nausea or
    // vomiting, so avoid eating 2 hours before and drinking liquids 30 minutes before a dose.
    key: 'spravatoPrep',
    authors: 'Janssen Pharmaceuticals',
    title:
      'Treatment with SPRAVATO (esketamine): preparing for treatment (patient information page, "Treatment Days")',
    source: 'Janssen Pharmaceuticals',
    year: 2025,
    url: 'https://www.spravato.com/treatment-with-SPRAVATO',
  },
  {
    key: 'spravatoHcpDosing',
    authors: 'Janssen Pharmaceuticals',
    title:
      'SPRAVATO (esketamine): TRD dosing and administration overview for healthcare professionals (summary of the prescribing information)',
    source: 'Janssen Pharmaceuticals',
    year: 2025,
    url: 'https://www.spravatohcp.com/dosing-spravato-trd',
  },
  {
    key: 'shahani2007',
    authors: 'Shahani R, Streutker C, Dickson B, Stewart RJ',
    title: 'Ketamine-associated ulcerative cystitis: a new clinical entity',
    source: 'Urology',
    year: 2007,
    locator: '69(5):810-812',
    url: 'https://metajournal.com/articles/550131/ketamine-associated-ulcerative-cystitis-new-clinical-entity',
  },
  {
    key: 'scheidegger2012',
    authors: 'Scheidegger M, Walter M, Lehmann M, Metzger C, Grimm S, Boeker H, Boesiger P, et al.',
    title:
      'Ketamine decreases resting state functional network connectivity in healthy subjects: implications for antidepressant drug action',
    source: 'PLoS One',
    year: 2012,
    locator: '7:e44799',
    doi: '10.1371/journal.pone.0044799',
    url: 'https://journals.plos.org/plosone/article?id=10.1371/journal.pone.0044799',
  },
  {
    key: 'kopra2021',
    authors: 'Kopra E, Mondelli V, Pariante C, Nikkheslat N',
    title:
      "Ketamine's effect on inflammation and kynurenine pathway in depression: a systematic review",
    source: 'Journal of Psychopharmacology',
    year: 2021,
    locator: '35(8):934-945',
    doi: '10.1177/02698811211026426',
    pmid: '34180293',
    url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC8358579',
  },
  {
    key: 'murrough2013apa',
    authors:
      'Murrough JW, Iosifescu DV, Chang LC, Al Jurdi RK, Green CM, Iqbal S, Pillemer S, Perez AM, Foulkes A, Shah A, Charney DS, Mathew SJ',
    title:
      'Antidepressant efficacy of ketamine in treatment-resistant major depression: a two-site, randomized, parallel-arm, midazolam-controlled, clinical trial (meeting abstract)',
    source: 'American Psychiatric Association Annual Meeting (abstract; copy on Scribd)',
    year: 2013,
    url: 'https://www.scribd.com/document/143076815/Ketamine-Abstract',
  },
  {
    key: 'spravatoPiBriefSummary2021',
    authors: 'Janssen Pharmaceuticals',
    title:
      'SPRAVATO (esketamine) nasal spray, CIII: brief summary of the US prescribing information (warnings and precautions; adverse reactions tables), as reprinted in US Medicine',
    source: 'US Medicine (reprint of the Janssen prescribing information)',
    year: 2021,
    url: 'https://www.usmedicine.com/2021online-dir/inc/html/33.html',
  },
  {
    key: 'spravatoHcpSafety',
    authors: 'Janssen Pharmaceuticals',
    title:
      'SPRAVATO (esketamine): safety and tolerability for healthcare professionals (adverse reactions table of the prescribing information)',
    source: 'Janssen Pharmaceuticals',
    year: 2025,
    url: 'https://www.spravatohcp.com/safety',
  },
  // IV patient cards, checked 2026-11-22 (docs/content-research.md, "IV patient cards pass").
  {
    key: 'short2018',
    authors: 'Short B, Fong J, Galvez V, Shelker W, Loo CK',
    title: 'Side-effects associated with ketamine use in depression: a systematic review',
    source: 'Lancet Psychiatry',
    year: 2018,
    locator: '5(1):65-78',
    doi: '10.1016/S2215-0366(17)30272-9',
    pmid: '28757132',
  },
  {
    key: 'szarmach2020',
    authors: 'Szarmach J, Cubała WJ, Włodarczyk A, Gałuszko-Węgielnik M',
    title:
      'Metabolic risk factors and cardiovascular safety in ketamine use for treatment resistant depression',
    source: 'Neuropsychiatric Disease and Treatment',
    year: 2020,
    locator: '16:2539-2551',
    doi: '10.2147/NDT.S273287',
  },
  {
    key: 'yip2022',
    authors: 'Yip R, Swainson J, Khullar A, McIntyre RS, Skoblenick K',
    title:
      'Intravenous ketamine for depression: a clinical discussion reconsidering best practices in acute hypertension management',
    source: 'Frontiers in Psychiatry',
    year: 2022,
    locator: '13:1017504',
    doi: '10.3389/fpsyt.2022.1017504',
    pmid: '36245888',
    url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC9556663',
  },
  {
    key: 'nimhSideEffects2019',
    authors: 'National Institute of Mental Health',
    title:
      'Side effects mild, brief with single antidepressant dose of intravenous ketamine (press release on a study by Acevedo-Diaz et al. in the Journal of Affective Disorders)',
    source: 'National Institute of Mental Health, Science News',
    year: 2019,
    url: 'https://nimh.nih.gov/news/science-news/2019/side-effects-mild-brief-with-single-antidepressant-dose-of-intravenous-ketamine',
  },
  {
    key: 'mayoKetamineInjection',
    authors: 'Mayo Clinic (drug information from Merative Micromedex)',
    title: 'Ketamine (injection route): precautions',
    source: 'Mayo Clinic, Drugs and Supplements',
    // The stored copy shows no date; it names Merative, so it is from 2022 or later.
    year: 2025,
    url: 'https://www.mayoclinic.org/zh-hans/drugs-supplements/ketamine-injection-route/precautions/drg-20075559',
  },
  {
    key: 'shiroma2014',
    authors: 'Shiroma PR, Albott CS, Johns B, Thuras P, Wels J, Lim KO',
    title:
      'Neurocognitive performance and serial intravenous subanesthetic ketamine in treatment-resistant depression',
    source: 'International Journal of Neuropsychopharmacology',
    year: 2014,
    locator: '17(11):1805-1813',
    doi: '10.1017/S1461145714001011',
    pmid: '24963561',
  },
  // Patient cards of the IM shot and the tablet at home (src/content/patientRoutes.ts), read
  // 2026-12 in the stored corpora: each says below how much of it could be read.
  {
    // Abstract read on PubMed (and Scilit, with volume and pages); the author list was not on
    // either stored page, so no author is named.
    key: 'imKetamine2014',
    authors: 'Authors not read (abstract on PubMed)',
    title: 'Acute antidepressant effects of intramuscular versus intravenous ketamine',
    source: 'Indian Journal of Psychological Medicine (abstract read)',
    year: 2014,
    locator: '36(1):71-76',
    doi: '10.4103/0253-7176.127258',
    pmid: '24701015',
  },
  {
    // Abstract read on the publisher's page; authors from a repository record of the article.
    key: 'ahuja2022',
    authors: 'Ahuja S, Smart L, Brendle M, Moore C, Robison R, Thielking P',
    title:
      'Real-world depression, anxiety and safety outcomes of intramuscular ketamine treatment: a retrospective descriptive cohort study',
    source: 'BMC Psychiatry (abstract read)',
    year: 2022,
    locator: '22:634',
    doi: '10.1186/s12888-022-04268-5',
    url: 'https://bmcpsychiatry.biomedcentral.com/articles/10.1186/s12888-022-04268-5',
  },
  {
    // Abstract read (Peeref record: journal, volume, pages, DOI); the full text was not reached.
    // Its methods are cited as Psychiatry Advisor reported them (psychiatryAdvisorHull2022).
    key: 'hull2022',
    authors: 'Hull TD, Malgaroli M, Gazzaley A, et al.',
    title:
      'At-home, sublingual ketamine telehealth is a safe and effective treatment for moderate to severe anxiety and depression: findings from a large, prospective, open-label effectiveness trial',
    source: 'Journal of Affective Disorders (abstract read)',
    year: 2022,
    locator: '314:59-67',
    doi: '10.1016/j.jad.2022.07.004',
    url: 'https://peeref.com/works/25924086',
  },
  {
    // A news report of Hull 2022's methods (the stored copy shows no date; 2022, the paper's year,
    // is an estimate): a video interview for the diagnosis, teaching materials and a guide to text,
    // a guide who confirmed before each dose that a peer monitor was physically present, a visit
    // with the prescribing clinician 1 to 2 days after a dose, and daily monitoring by guides.
    key: 'psychiatryAdvisorHull2022',
    authors: 'Psychiatry Advisor',
    title:
      'Ketamine-assisted telemedicine effective for anxiety, depression (news report of the methods and results of Hull et al. 2022)',
    source: 'Psychiatry Advisor',
    year: 2022,
    url: 'https://www.psychiatryadvisor.com/home/topics/anxiety/ketamine-assisted-telemedicine-anxiety-depression/',
  },
  {
    // Abstract read (litmetric and JIO Institute records, with the PMC and DOI links): four doses
    // of ketamine at home over four weeks; 11,441 patients; no comparison group.
    key: 'mathai2024',
    authors: 'Mathai DS, Hull TD, Vando L, Malgaroli M',
    title:
      'At-home, telehealth-supported ketamine treatment for depression: findings from longitudinal, machine learning and symptom network analysis of real-world data',
    source: 'Journal of Affective Disorders (abstract read)',
    year: 2024,
    doi: '10.1016/j.jad.2024.05.131',
    url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC11284959',
  },
  {
    // HealthDay's report (11 October 2023, by its Physician's Briefing staff) of the FDA's warning on compounded ketamine, read as
    // stored (its last paragraphs are cut off): compounded drugs "should only be used under the care of a health care
    // provider"; a patient who took compounded oral ketamine outside a health care setting had
    // slowed breathing; the known risks (abuse and misuse, psychiatric events, raised blood
    // pressure, slowed breathing, bladder symptoms). The FDA's own page was not in the store.
    key: 'fdaHealthDay2023',
    authors: 'HealthDay',
    title:
      'FDA warns of dangers of compounded ketamine for psychiatric use (news report of the US Food and Drug Administration’s warning)',
    source: 'Drugs.com (HealthDay News)',
    year: 2023,
    url: 'https://www.drugs.com/news/fda-warns-dangers-compounded-ketamine-psychiatric-115482.html',
  },
];

const byKey = new Map(references.map((r) => [r.key, r]));

/** The reference for a citation key; throws with the key's name when it does not resolve. */
export function cite(key: string): Reference {
  const ref = byKey.get(key);
  if (!ref) throw new Error(`Unknown citation key "${key}": add it to src/content/references.ts`);
  return ref;
}

/** A one-line citation in the Vancouver style used across the app. */
export function formatReference(ref: Reference): string {
  const where = ref.locator ? `${ref.year};${ref.locator}` : `${ref.year}`;
  const unread = ref.notRead ? ` (${ref.notRead}.)` : '';
  return `${ref.authors}. ${ref.title}. ${ref.source}. ${where}.${unread}`;
}

/** The citation key at the start of a source string, e.g. "perezruixo2021" in "perezruixo2021, Table 3". */
export function citationKeyOf(source: string): string {
  return source.split(/[\s,(;]/)[0]!;
}

/** An author list as its first author, with "et al." when there are others: "Herd DW et al.". */
export function firstAuthor(authors: string): string {
  const first = authors.split(',')[0]!.trim();
  return authors.includes(',') ? `${first} et al.` : first;
}

/**
 * A source string with its key written as "First author et al. year", keeping the rest (table,
 * page); the string itself if the key does not resolve.
 */
export function shortSource(source: string): string {
  const key = citationKeyOf(source);
  const ref = references.find((r) => r.key === key);
  if (!ref) return source;
  return `${firstAuthor(ref.authors)} ${ref.year}${source.slice(key.length)}`;
}
