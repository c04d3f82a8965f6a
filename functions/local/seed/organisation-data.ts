import type { RegisterOrganisation } from '#shared/organisation.ts';

/** A demo organisation and the person who owns it; sign in as them with their email at /sign-in. */
export interface DemoOrganisation {
  owner: { email: string; name: string; language: 'nl' | 'en' };
  status: 'verified' | 'pending';
  organisation: RegisterOrganisation;
}

const description = (text: string) => text;

/** Fictional organisations of the region, so a newcomer sees a living marketplace. */
export const demoOrganisations: DemoOrganisation[] = [
  {
    owner: { email: 'ilse@havenstad.example', name: 'Ilse de Vries', language: 'nl' },
    status: 'verified',
    organisation: {
      kind: 'commissioner',
      name: 'Gemeente Havenstad (demo)',
      kvkNumber: '90000001',
      municipality: 'GM0363',
      website: 'https://havenstad.example',
      description: description('Innovatieteam van een (fictieve) gemeente dat werkt aan klimaatadaptatie en digitale dienstverlening.'),
      sizeBand: '250+',
      sector: 'government',
      commissionerType: 'public_body',
    },
  },
  {
    owner: { email: 'mark@zorgnet.example', name: 'Mark Jansen', language: 'nl' },
    status: 'verified',
    organisation: {
      kind: 'commissioner',
      name: 'ZorgNet Noord (demo)',
      kvkNumber: '90000002',
      municipality: 'GM0392',
      website: 'https://zorgnet.example',
      description: description('Regionaal zorgnetwerk dat patiëntreizen wil verbeteren met service design en digitale hulpmiddelen.'),
      sizeBand: '250+',
      sector: 'health',
      commissionerType: 'corporate',
    },
  },
  {
    owner: { email: 'sara@waterlab.example', name: 'Sara Bakker', language: 'en' },
    status: 'verified',
    organisation: {
      kind: 'commissioner',
      name: 'WaterLab Institute (demo)',
      kvkNumber: '90000003',
      municipality: 'GM0034',
      website: 'https://waterlab.example',
      description: description('Knowledge institution researching water management, looking for creative partners to make research tangible.'),
      sizeBand: '50-249',
      sector: 'water',
      commissionerType: 'knowledge_institution',
    },
  },
  ...(
    [
      ['anna@studionoord.example', 'Anna Visser', 'Studio Noord (demo)', '90000011', 'GM0363', 'design', ['service_design', 'ux_design'], ['health', 'government'], 2012, '10-49'],
      ['ravi@pixelhaven.example', 'Ravi Kumar', 'Pixelhaven (demo)', '90000012', 'GM0363', 'games', ['game_design', 'xr_vr'], ['education', 'culture'], 2016, '2-9'],
      ['lotte@draadwerk.example', 'Lotte Smit', 'Draadwerk (demo)', '90000013', 'GM0392', 'fashion', ['fashion_tech', 'product_design'], ['retail'], 2018, '2-9'],
      [
        'joost@beeldtaal.example',
        'Joost de Boer',
        'Beeldtaal (demo)',
        '90000014',
        'GM0362',
        'digital_media',
        ['film_video', 'data_visualisation'],
        ['energy', 'water', 'mobility'],
        2009,
        '10-49',
      ],
      [
        'femke@merkwaardig.example',
        'Femke Mulder',
        'Merkwaardig (demo)',
        '90000015',
        'GM0453',
        'creative_agency',
        ['branding', 'communication_strategy'],
        ['finance', 'retail'],
        2005,
        '10-49',
      ],
      [
        'tom@ruimtelijk.example',
        'Tom Hendriks',
        'Ruimtelijk Atelier (demo)',
        '90000016',
        'GM0384',
        'architecture',
        ['spatial_design', 'interaction_design'],
        ['mobility', 'government'],
        2011,
        '10-49',
      ],
    ] as const
  ).map(([email, name, organisationName, kvkNumber, municipality, subsector, disciplines, sectorsServed, foundedYear, sizeBand]): DemoOrganisation => ({
    owner: { email, name, language: 'nl' },
    status: 'verified',
    organisation: {
      kind: 'creative',
      name: organisationName,
      kvkNumber,
      municipality,
      website: `https://${email.split('@')[1]}`,
      description: description(`${organisationName.replace(' (demo)', '')} is a (fictional) ${subsector.replace('_', ' ')} studio from the region that works across sectors.`),
      sizeBand,
      subsector,
      disciplines: [...disciplines],
      sectorsServed: [...sectorsServed],
      foundedYear,
      internationalAmbition: foundedYear < 2012,
      portfolioLinks: [`https://${email.split('@')[1]}/work`],
    },
  })),
  {
    owner: { email: 'noor@geluidsbeeld.example', name: 'Noor El Amrani', language: 'nl' },
    status: 'pending',
    organisation: {
      kind: 'creative',
      name: 'Geluidsbeeld (demo)',
      kvkNumber: '90000021',
      municipality: 'GM0479',
      website: 'https://geluidsbeeld.example',
      description: description('Klein (fictief) geluidsontwerpstudio dat wacht op verificatie door het clusterteam.'),
      sizeBand: '1',
      subsector: 'digital_media',
      disciplines: ['sound'],
      sectorsServed: ['culture', 'health'],
      foundedYear: 2021,
      internationalAmbition: true,
      portfolioLinks: [],
    },
  },
];
