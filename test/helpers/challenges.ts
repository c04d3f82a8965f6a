import { ulid } from 'ulid';
import type { CreateChallenge } from '#shared/challenge.ts';
import type { RegisterOrganisation } from '#shared/organisation.ts';
import { normalisedTerms } from '#functions/domain/challenges/draft-challenge.ts';
import type { StoredChallenge } from '#functions/domain/challenges/ports.ts';
import { wiring } from '#functions/wiring.ts';
import { afterAll, beforeAll } from 'vitest';
import { signedInAs, startTestApi, type TestApi } from './api.ts';
import { commissionerRegistration, firmRegistration, outboxDelivery, registeredBy } from './organisations.ts';
import { createTestTable } from './table.ts';

const DAY = 24 * 60 * 60 * 1000;
export const daysFromNow = (days: number) => new Date(Date.now() + days * DAY).toISOString();

/** A complete, valid challenge as a commissioner would write it, closing in three weeks. */
export const challengeTerms = (overrides: Partial<CreateChallenge> = {}): CreateChallenge => ({
  language: 'en',
  title: 'Make flood warnings people act on',
  summary: 'Residents ignore our flood warnings. We want a warning service that people understand and act on in time.',
  description: 'Our water board sends flood warnings by text message, but few residents act on them. We look for a creative partner to redesign them.',
  disciplines: ['service_design', 'data_visualisation'],
  budgetMinCents: 2_000_000,
  budgetMaxCents: 4_500_000,
  questionDeadline: daysFromNow(14),
  bidDeadline: daysFromNow(21),
  expectedStart: daysFromNow(40).slice(0, 10),
  durationWeeks: 12,
  workplace: 'hybrid',
  municipality: 'GM0363',
  type: 'commission',
  fundingInstrument: 'own_budget',
  coFinancingPercent: 0,
  consortiaAllowed: true,
  criteria: [
    { name: 'Understanding of residents', description: 'How well the approach starts from the people warned', weight: 40 },
    { name: 'Quality of past work', description: 'Portfolio and references', weight: 35 },
    { name: 'Price', description: 'Value for the budget', weight: 25 },
  ],
  visibility: 'public',
  attachments: [{ title: 'Current warning texts', url: 'https://waterschap.example/warnings.pdf' }],
  rights: { model: 'exclusive_licence', portfolioRights: true },
  ndaRequired: false,
  pitchFeeCents: 150_000,
  ...overrides,
});

/** A challenge written straight to the table in the given status, for tests that need one without walking the lifecycle. */
export async function storedChallenge(organisationId: string, status: StoredChallenge['status'], overrides: Partial<CreateChallenge> = {}) {
  const now = new Date().toISOString();
  const challenge: StoredChallenge = {
    ...normalisedTerms(challengeTerms(overrides)),
    challengeId: ulid(),
    organisationId,
    commissionerName: 'Waterschap Test',
    sector: 'water',
    status,
    statusSince: now,
    createdAt: now,
    version: 1,
    ...(status === 'published' ? { publishedAt: now, listing: 'open' as const } : {}),
  };
  if (challenge.listing) challenge.openUntil = challenge.bidDeadline;
  await wiring().challengePorts.challenges.create(challenge, {
    challengeId: challenge.challengeId,
    entryId: ulid(),
    at: now,
    action: 'created',
    actorRole: 'system',
    changes: [],
  });
  return challenge;
}

/** A verified organisation, registered through the API and verified by staff, with its owner signed in. */
export async function verifiedOrganisation(api: TestApi, registration: RegisterOrganisation, staffCookie: string) {
  const owner = await registeredBy(api, registration);
  const verified = await api.call('POST', `/api/staff/organisations/${owner.organisationId}/verify`, { cookie: staffCookie });
  if (verified.status !== 200) throw new Error(`Verifying failed: ${verified.status}`);
  return owner;
}

/** A small marketplace: staff, a verified commissioner and two verified firms, each owner signed in. */
export async function marketplace(api: TestApi) {
  const staff = await signedInAs(wiring().config.STAFF_EMAILS[0]!);
  const [commissioner, firm, otherFirm] = await Promise.all([
    verifiedOrganisation(api, commissionerRegistration({ name: 'Waterschap Amstel' }), staff.cookie),
    verifiedOrganisation(api, firmRegistration({ name: 'Studio Noord' }), staff.cookie),
    verifiedOrganisation(api, firmRegistration({ name: 'Beeldtaal' }), staff.cookie),
  ]);
  return { staff, commissioner, firm, otherFirm };
}

export type ChallengeAnswer = {
  id: string;
  status: string;
  version: number;
  title: string;
  statusNote?: string;
  briefAccess: string;
  description?: string;
  questions: { id: string; question: string; answer?: string; askedByYou: boolean }[];
  audit?: { action: string; actorRole: string; actorName?: string; note?: string; changes: { field: string; from?: string; to?: string }[] }[];
  can: Record<string, boolean>;
  following: boolean;
};
export type Problem = { status: number; detail?: string; errors?: { field: string; message: string }[] };

/**
 * A test file's marketplace: a fresh table, the API, outbox delivery and the people of `marketplace`,
 * set up before its tests and the API stopped after them.
 */
export function useMarketplace() {
  const world = {} as { api: TestApi; deliver: () => Promise<number>; people: Awaited<ReturnType<typeof marketplace>> };
  beforeAll(async () => {
    const { tableName } = await createTestTable();
    world.api = await startTestApi();
    world.deliver = outboxDelivery(tableName);
    world.people = await marketplace(world.api);
  });
  afterAll(() => world.api?.stop());
  return world;
}

/** A challenge the world's commissioner writes and submits and its staff approve: published, through the API. */
export async function publishedChallenge(world: ReturnType<typeof useMarketplace>, overrides: Partial<CreateChallenge> = {}) {
  const { cookie } = world.people.commissioner;
  const created = await world.api.call<ChallengeAnswer>('POST', '/api/challenges', { body: challengeTerms(overrides), cookie });
  const submitted = await world.api.call<ChallengeAnswer>('POST', `/api/challenges/${created.body.id}/submit`, { body: { version: 1 }, cookie });
  const approved = await world.api.call<ChallengeAnswer>('POST', `/api/staff/challenges/${created.body.id}/approve`, {
    body: { version: submitted.body.version },
    cookie: world.people.staff.cookie,
  });
  if (approved.status !== 200) throw new Error(`Approving failed: ${approved.status} ${JSON.stringify(approved.body)}`);
  return approved.body;
}
