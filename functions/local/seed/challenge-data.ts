import type { CreateChallenge } from '#shared/challenge.ts';

/** Where a demo challenge stands: each lifecycle state a newcomer should be able to look at. */
export type DemoStage = 'draft' | 'submitted' | 'published' | 'closed' | 'rejected' | 'cancelled' | 'changes_requested';

export interface DemoChallenge {
  /** The owner (by email) of the demo commissioner that posts it. */
  by: string;
  stage: DemoStage;
  /** Days from now to the bid deadline (negative: passed); the question deadline is a week earlier. */
  closesInDays: number;
  terms: Omit<CreateChallenge, 'questionDeadline' | 'bidDeadline' | 'expectedStart'>;
  questions?: { by: string; question: string; answer?: string }[];
  /** Bids by demo firms (by owner email), made while the challenge was open. */
  bids?: DemoBid[];
  /** After the deadline: the evaluation and its outcome. */
  outcome?: DemoOutcome;
}

export interface DemoBid {
  by: string;
  submit: boolean;
  priceCents: number;
  approach: string;
  timeline: string;
  team: { name: string; role: string }[];
  /** Answers to the criteria, repeated if there are more criteria than answers. */
  answers: string[];
  partner?: { by: string; role: string; sharePercent: number; confirmed: boolean };
}

export interface DemoOutcome {
  /** Per bidder (owner email): the evaluator's score per criterion. */
  scores: Record<string, number[]>;
  comment: (score: number) => string;
  shortlist?: string;
  /** Awards the shortlisted bid, with this feedback to the others. */
  award?: string;
}

const demoComment = (score: number) =>
  score >= 8 ? 'Sterk: overtuigend uitgewerkt en goed onderbouwd.' : score >= 6 ? 'Voldoende, maar op onderdelen nog algemeen.' : 'Te weinig concreet voor deze opdracht.';

const team = (lead: string, role: string) => [
  { name: lead, role },
  { name: 'Sam de Wit', role: 'Onderzoeker' },
];

const criteria = (approach: string) => [
  { name: approach, description: 'How well the proposal starts from the people it serves', weight: 40 },
  { name: 'Team and past work', description: 'Relevant portfolio, references and the team proposed', weight: 35 },
  { name: 'Price', description: 'Value for the budget asked', weight: 25 },
];

const common = {
  durationWeeks: 12,
  coFinancingPercent: 0,
  consortiaAllowed: true,
  visibility: 'public',
  ndaRequired: false,
  rights: { model: 'exclusive_licence', portfolioRights: true },
} as const;

/** Fictional challenges of the demo commissioners, in every state of the lifecycle. */
export const demoChallenges: DemoChallenge[] = [
  {
    by: 'ilse@havenstad.example',
    stage: 'published',
    closesInDays: 24,
    terms: {
      ...common,
      language: 'nl',
      title: 'Hittestress zichtbaar maken in de wijk',
      summary: 'Bewoners onderschatten hitte in hun straat. Wij zoeken een creatieve partner die hittestress voelbaar en bespreekbaar maakt.',
      description:
        'Havenstad warmt op. In versteende wijken wordt het ’s zomers tot 8 graden warmer dan in het park, maar bewoners zien dat niet als hun probleem.\n\nWe zoeken een **datavisualisatie- of ontwerpstudio** die samen met bewoners van twee wijken een installatie, route of campagne maakt die hitte zichtbaar maakt en tot actie leidt (groene tuinen, schaduw, elkaar helpen).\n\n- Werkt met open data van het KNMI en onze eigen sensoren\n- Co-creatie met bewoners is een must\n- Resultaat blijft na de zomer bruikbaar voor andere wijken',
      disciplines: ['data_visualisation', 'spatial_design', 'communication_strategy'],
      budgetMinCents: 3_000_000,
      budgetMaxCents: 6_000_000,
      workplace: 'on_site',
      municipality: 'GM0363',
      type: 'commission',
      fundingInstrument: 'own_budget',
      criteria: criteria('Aanpak met bewoners'),
      attachments: [{ title: 'Hittekaart Havenstad', url: 'https://havenstad.example/hittekaart' }],
      pitchFeeCents: 250_000,
    },
    questions: [
      {
        by: 'anna@studionoord.example',
        question: 'Mogen we voor de sensoren samenwerken met een partij buiten de regio?',
        answer: 'Ja, zolang de hoofdaannemer in de regio gevestigd is. Vermeld de partner in uw voorstel.',
      },
      { by: 'joost@beeldtaal.example', question: 'Zijn de sensordata van vorige zomer al beschikbaar als open data?' },
    ],
    bids: [
      {
        by: 'anna@studionoord.example',
        submit: true,
        priceCents: 4_800_000,
        approach:
          'We beginnen bij de mensen om wie het gaat. In drie co-creatiesessies per wijk ontwerpen bewoners mee; daarna testen we prototypes op straat en verfijnen we wat werkt.\n\n- Onderzoek met bewoners en wijkteams\n- Prototypes in de openbare ruimte\n- Een overdraagbare aanpak voor andere wijken',
        timeline: 'Weken 1–4 onderzoek, weken 5–10 prototypes, weken 11–12 overdracht.',
        team: team('Anna Visser', 'Servicedesigner'),
        answers: [
          'We werken al jaren met bewoners in Havenstad en brengen een netwerk van buurtverbinders mee.',
          'Ons portfolio laat drie vergelijkbare trajecten zien, met referenties van twee gemeenten.',
          'We blijven binnen het budget en houden tien procent achter de hand voor wat de tests leren.',
        ],
        partner: { by: 'ravi@pixelhaven.example', role: 'Interactieve installatie en sensordata', sharePercent: 35, confirmed: true },
      },
      {
        by: 'joost@beeldtaal.example',
        submit: false,
        priceCents: 3_600_000,
        approach:
          'Een documentaire-aanpak: we volgen vijf bewoners door de seizoenen en maken korte films die laten zien wat het probleem met hen doet. De films draaien in buurthuizen, op schermen in de wijk en online, met een gesprek na afloop.',
        timeline: 'Drie maanden opnames en montage, daarna een maand vertoningen in de wijk.',
        team: team('Joost de Boer', 'Regisseur'),
        answers: [
          'Bewoners vertellen zelf hun verhaal; zo raakt het de buren.',
          'Onze films werden vertoond op het IDFA en door drie gemeenten ingezet.',
          'Een vaste prijs, inclusief alle rechten voor vertoning door de opdrachtgever.',
        ],
      },
    ],
  },
  {
    by: 'mark@zorgnet.example',
    stage: 'published',
    closesInDays: 9,
    terms: {
      ...common,
      language: 'nl',
      title: 'De patiëntreis na een heupoperatie opnieuw ontwerpen',
      summary: 'Patiënten voelen zich na ontslag alleen gelaten. Ontwerp met ons een herstelreis die thuis begint en eindigt.',
      description:
        'Na een heupoperatie gaan patiënten steeds sneller naar huis. Ze krijgen een map met informatie mee, maar bellen vaak in paniek met de afdeling.\n\nWe zoeken een **service design**-bureau dat de reis van patiënt en mantelzorger in kaart brengt en prototypes test in drie ziekenhuizen.',
      disciplines: ['service_design', 'ux_design'],
      budgetMinCents: 4_000_000,
      budgetMaxCents: 8_000_000,
      workplace: 'hybrid',
      municipality: 'GM0392',
      type: 'commission',
      fundingInstrument: 'own_budget',
      criteria: criteria('Inzicht in patiënten'),
      attachments: [],
      pitchFeeCents: 0,
    },
  },
  {
    by: 'sara@waterlab.example',
    stage: 'published',
    closesInDays: 45,
    terms: {
      ...common,
      language: 'en',
      title: 'Partner for a Horizon Europe bid on water literacy games',
      summary: 'We are writing a Horizon Europe proposal on water literacy and look for a games studio to join the consortium as creative partner.',
      description:
        'WaterLab leads a consortium of six European research institutes preparing a Horizon Europe proposal on water literacy among teenagers.\n\nWe are looking for a **game design** studio from the region that wants to design and build the serious game at the heart of the project. The creative partner writes its own work package with us.',
      disciplines: ['game_design', 'xr_vr'],
      budgetMinCents: 15_000_000,
      budgetMaxCents: 30_000_000,
      workplace: 'remote',
      type: 'partner_search',
      fundingInstrument: 'horizon_europe',
      coFinancingPercent: 30,
      criteria: criteria('Fit with the research'),
      attachments: [{ title: 'Call text (HORIZON-CL6)', url: 'https://waterlab.example/call' }],
      visibility: 'verified_firms',
      ndaRequired: true,
      rights: { model: 'non_exclusive_licence', portfolioRights: true },
      pitchFeeCents: 0,
      durationWeeks: 156,
    },
  },
  {
    by: 'ilse@havenstad.example',
    stage: 'submitted',
    closesInDays: 30,
    terms: {
      ...common,
      language: 'nl',
      title: 'Een nieuwe huisstijl voor de digitale balie',
      summary: 'Onze online balie is onoverzichtelijk. We zoeken een bureau dat de huisstijl en toon van onze digitale dienstverlening vernieuwt.',
      description:
        'De digitale balie van de gemeente groeide in tien jaar uit tot 240 formulieren in drie stijlen. We zoeken een bureau voor huisstijl, toon en een ontwerpsysteem dat ons eigen team kan onderhouden.',
      disciplines: ['branding', 'ux_design'],
      budgetMinCents: 5_000_000,
      budgetMaxCents: 9_000_000,
      workplace: 'hybrid',
      municipality: 'GM0363',
      type: 'commission',
      fundingInstrument: 'own_budget',
      criteria: criteria('Begrip van publieke dienstverlening'),
      attachments: [],
      rights: { model: 'ip_assignment', portfolioRights: true },
      pitchFeeCents: 100_000,
    },
  },
  {
    by: 'mark@zorgnet.example',
    stage: 'draft',
    closesInDays: 40,
    terms: {
      ...common,
      language: 'nl',
      title: 'Voorlichtingsfilm over samen beslissen',
      summary: 'Een korte film die patiënten uitnodigt om samen met hun arts te beslissen over hun behandeling.',
      description: 'We willen een film van vijf minuten die in de wachtkamer en online laat zien hoe samen beslissen werkt. Nog een concept: we scherpen het budget aan.',
      disciplines: ['film_video'],
      budgetMinCents: 1_500_000,
      budgetMaxCents: 2_500_000,
      workplace: 'on_site',
      municipality: 'GM0392',
      type: 'commission',
      fundingInstrument: 'own_budget',
      criteria: criteria('Verhaal en toon'),
      attachments: [],
      pitchFeeCents: 0,
    },
  },
  {
    by: 'sara@waterlab.example',
    stage: 'changes_requested',
    closesInDays: 35,
    terms: {
      ...common,
      language: 'en',
      title: 'Exhibition design for a travelling dike lab',
      summary: 'A travelling exhibition that lets visitors build and break a dike. We seek spatial and interaction designers.',
      description: 'Our dike research deserves a wider audience. We want a travelling exhibition in a shipping container that tours ten towns along the IJsselmeer.',
      disciplines: ['spatial_design', 'interaction_design'],
      budgetMinCents: 8_000_000,
      budgetMaxCents: 12_000_000,
      workplace: 'on_site',
      municipality: 'GM0034',
      type: 'commission',
      fundingInstrument: 'clicknl',
      coFinancingPercent: 50,
      criteria: criteria('Visitor experience'),
      attachments: [],
      pitchFeeCents: 200_000,
    },
  },
  {
    by: 'ilse@havenstad.example',
    stage: 'closed',
    closesInDays: -3,
    terms: {
      ...common,
      language: 'nl',
      title: 'Campagne afvalscheiding voor studenten',
      summary: 'Studenten scheiden hun afval het slechtst van alle Havenstedelingen. Wij zoeken een campagne die wel werkt.',
      description:
        'Eerdere campagnes met folders en posters haalden niets uit. We zoeken een creatief bureau dat met studenten een campagne bedenkt en test in twee studentencomplexen.',
      disciplines: ['communication_strategy', 'branding'],
      budgetMinCents: 2_000_000,
      budgetMaxCents: 3_500_000,
      workplace: 'on_site',
      municipality: 'GM0363',
      type: 'commission',
      fundingInstrument: 'own_budget',
      criteria: criteria('Kennis van de doelgroep'),
      attachments: [],
      pitchFeeCents: 75_000,
    },
    bids: [
      {
        by: 'anna@studionoord.example',
        submit: true,
        priceCents: 2_900_000,
        approach:
          'We beginnen bij de mensen om wie het gaat. In drie co-creatiesessies per wijk ontwerpen bewoners mee; daarna testen we prototypes op straat en verfijnen we wat werkt.\n\n- Onderzoek met bewoners en wijkteams\n- Prototypes in de openbare ruimte\n- Een overdraagbare aanpak voor andere wijken',
        timeline: 'Weken 1–4 onderzoek, weken 5–10 prototypes, weken 11–12 overdracht.',
        team: team('Anna Visser', 'Servicedesigner'),
        answers: [
          'We werken al jaren met bewoners in Havenstad en brengen een netwerk van buurtverbinders mee.',
          'Ons portfolio laat drie vergelijkbare trajecten zien, met referenties van twee gemeenten.',
          'We blijven binnen het budget en houden tien procent achter de hand voor wat de tests leren.',
        ],
      },
      {
        by: 'femke@merkwaardig.example',
        submit: true,
        priceCents: 3_100_000,
        approach:
          'Een campagne die niet belerend is maar verleidt: met humor, herkenbare situaties en een spel tussen huizen of afdelingen. We testen drie concepten met de doelgroep en zetten het sterkste groot in.',
        timeline: 'Zes weken concept en test, zes weken uitrol en meting.',
        team: team('Femke Mulder', 'Creatief directeur'),
        answers: [
          'We deden veldonderzoek in vergelijkbare groepen en kennen hun taal.',
          'Onze campagnes wonnen twee SAN-accenten.',
          'Scherp geprijsd, met een meetplan inbegrepen.',
        ],
      },
    ],
    outcome: { scores: {}, comment: demoComment, shortlist: 'femke@merkwaardig.example' },
  },
  {
    by: 'mark@zorgnet.example',
    stage: 'closed',
    closesInDays: -12,
    terms: {
      ...common,
      language: 'nl',
      title: 'Een wachtkamer zonder wachtgevoel',
      summary: 'Patiënten wachten gemiddeld 40 minuten op de polikliniek. Wij zoeken een ontwerp dat die tijd rustiger en nuttiger maakt.',
      description:
        'Onze poliklinieken zijn druk en de wachttijd voelt lang. We zoeken een creatieve partner die met patiënten en verpleegkundigen de wachtkamer opnieuw ontwerpt: informatie, rust en een beetje afleiding, zonder extra werk voor het personeel.',
      disciplines: ['service_design', 'spatial_design'],
      budgetMinCents: 2_500_000,
      budgetMaxCents: 5_000_000,
      workplace: 'hybrid',
      municipality: 'GM0363',
      type: 'commission',
      fundingInstrument: 'own_budget',
      criteria: criteria('Inleving in patiënten'),
      attachments: [],
      pitchFeeCents: 100_000,
    },
    bids: [
      {
        by: 'anna@studionoord.example',
        submit: true,
        priceCents: 4_200_000,
        approach:
          'We beginnen bij de mensen om wie het gaat. In drie co-creatiesessies per wijk ontwerpen bewoners mee; daarna testen we prototypes op straat en verfijnen we wat werkt.\n\n- Onderzoek met bewoners en wijkteams\n- Prototypes in de openbare ruimte\n- Een overdraagbare aanpak voor andere wijken',
        timeline: 'Weken 1–4 onderzoek, weken 5–10 prototypes, weken 11–12 overdracht.',
        team: team('Anna Visser', 'Servicedesigner'),
        answers: [
          'We werken al jaren met bewoners in Havenstad en brengen een netwerk van buurtverbinders mee.',
          'Ons portfolio laat drie vergelijkbare trajecten zien, met referenties van twee gemeenten.',
          'We blijven binnen het budget en houden tien procent achter de hand voor wat de tests leren.',
        ],
      },
      {
        by: 'joost@beeldtaal.example',
        submit: true,
        priceCents: 3_900_000,
        approach:
          'Een documentaire-aanpak: we volgen vijf bewoners door de seizoenen en maken korte films die laten zien wat het probleem met hen doet. De films draaien in buurthuizen, op schermen in de wijk en online, met een gesprek na afloop.',
        timeline: 'Drie maanden opnames en montage, daarna een maand vertoningen in de wijk.',
        team: team('Joost de Boer', 'Regisseur'),
        answers: [
          'Bewoners vertellen zelf hun verhaal; zo raakt het de buren.',
          'Onze films werden vertoond op het IDFA en door drie gemeenten ingezet.',
          'Een vaste prijs, inclusief alle rechten voor vertoning door de opdrachtgever.',
        ],
      },
      {
        by: 'femke@merkwaardig.example',
        submit: true,
        priceCents: 2_700_000,
        approach:
          'Een campagne die niet belerend is maar verleidt: met humor, herkenbare situaties en een spel tussen huizen of afdelingen. We testen drie concepten met de doelgroep en zetten het sterkste groot in.',
        timeline: 'Zes weken concept en test, zes weken uitrol en meting.',
        team: team('Femke Mulder', 'Creatief directeur'),
        answers: [
          'We deden veldonderzoek in vergelijkbare groepen en kennen hun taal.',
          'Onze campagnes wonnen twee SAN-accenten.',
          'Scherp geprijsd, met een meetplan inbegrepen.',
        ],
      },
    ],
    outcome: {
      scores: { 'anna@studionoord.example': [8, 7, 6], 'joost@beeldtaal.example': [7, 8, 8], 'femke@merkwaardig.example': [5, 6, 9] },
      comment: demoComment,
      shortlist: 'joost@beeldtaal.example',
      award:
        'Dank voor uw sterke voorstel. De gekozen aanpak liet patiënten zelf aan het woord en paste het best binnen ons budget; uw scores per criterium staan in de terugkoppeling.',
    },
  },
  {
    by: 'mark@zorgnet.example',
    stage: 'rejected',
    closesInDays: 20,
    terms: {
      ...common,
      language: 'nl',
      title: 'Gratis logo voor ons congres',
      summary: 'Wie maakt er een mooi logo voor ons jaarcongres? Het beste ontwerp wint een vermelding in het programmaboekje.',
      description: 'We zoeken een logo voor ons jaarcongres. Er is geen budget, maar het winnende ontwerp krijgt een vermelding in het programmaboekje en op de website.',
      disciplines: ['branding'],
      budgetMinCents: 0,
      budgetMaxCents: 0,
      workplace: 'remote',
      type: 'commission',
      fundingInstrument: 'own_budget',
      criteria: [{ name: 'Mooiste ontwerp', description: '', weight: 100 }],
      attachments: [],
      rights: { model: 'ip_assignment', portfolioRights: false },
      pitchFeeCents: 0,
    },
  },
  {
    by: 'sara@waterlab.example',
    stage: 'cancelled',
    closesInDays: 15,
    terms: {
      ...common,
      language: 'en',
      title: 'Data sonification of sea level records',
      summary: 'Turn a century of sea level records into sound for our anniversary symposium.',
      description: 'For our anniversary we wanted to let a century of sea level data be heard. The symposium has been postponed, so this challenge was cancelled.',
      disciplines: ['sound', 'data_visualisation'],
      budgetMinCents: 1_000_000,
      budgetMaxCents: 2_000_000,
      workplace: 'remote',
      type: 'commission',
      fundingInstrument: 'own_budget',
      criteria: criteria('Artistic approach'),
      attachments: [],
      pitchFeeCents: 50_000,
    },
  },
];
