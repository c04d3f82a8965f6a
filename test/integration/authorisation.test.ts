import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredChallenge } from '#functions/domain/challenges/ports.ts';
import { isWholePartitionRead } from '#functions/data/whole-partition-reads.ts';
import { accessRules, type RouteDefinition, type UnverifiedStatus } from '#functions/http/route.ts';
import { routes, type OperationId } from '#functions/http/routes.ts';
import { signUnsubscribeToken } from '#functions/domain/unsubscribe/token.ts';
import { sessionKey } from '#functions/session-key.ts';
import { wiring } from '#functions/wiring.ts';
import { runWithFailedChunk } from '../helpers/alerts.ts';
import { bidContent, passDeadline } from '../helpers/bids.ts';
import { challengeTerms, daysFromNow, storedChallenge } from '../helpers/challenges.ts';
import { signedInAs, startTestApi, uniqueEmail, type TestApi } from '../helpers/api.ts';
import { firmRegistration, uniqueKvkNumber } from '../helpers/organisations.ts';
import { countDynamoDbReads } from '../helpers/dynamodb-reads.ts';
import { seededChallenge, seededFirm, seedingClient, writeSeeded } from '../helpers/seeded-items.ts';
import { createTableOnOwnDynamoDb } from '../helpers/table.ts';
import { storedUsers, storedOrganisations } from '../helpers/stored-items.ts';

/**
 * Who calls: nobody; members of verified organisations (commissioner A posted the challenge, firm X
 * leads a bid on it with firm Y invited as partner); staff; owners of a pending and of a suspended
 * commissioner and firm; and the former owner of a rejected registration, who belongs to nothing.
 */
const callerNames = [
  'anonymous',
  'commissionerA',
  'commissionerB',
  'firmX',
  'firmY',
  'staff',
  'pendingCommissioner',
  'pendingFirm',
  'suspendedCommissioner',
  'suspendedFirm',
  'rejectedOwner',
] as const;
type CallerName = (typeof callerNames)[number];

type Standing = { kind: 'commissioner' | 'creative'; status: 'verified' | UnverifiedStatus };
const members = {
  commissionerA: { kind: 'commissioner', status: 'verified' },
  commissionerB: { kind: 'commissioner', status: 'verified' },
  firmX: { kind: 'creative', status: 'verified' },
  firmY: { kind: 'creative', status: 'verified' },
  pendingCommissioner: { kind: 'commissioner', status: 'pending' },
  pendingFirm: { kind: 'creative', status: 'pending' },
  suspendedCommissioner: { kind: 'commissioner', status: 'suspended' },
  suspendedFirm: { kind: 'creative', status: 'suspended' },
} as const satisfies Partial<Record<CallerName, Standing>>;
type MemberName = keyof typeof members;
const standingOf = (caller: CallerName): Standing | undefined => members[caller as MemberName];

/** What each caller's world holds: cookies, and the ids the routes' paths and bodies name. */
interface World {
  cookies: Record<CallerName, string | undefined>;
  organisationIds: Record<MemberName, string>;
  /** Commissioner A's owner and a plain member; firm Z, a verified firm no caller belongs to; the rejected registration. */
  ownerOfA: string;
  memberOfA: string;
  firmZ: string;
  rejectedOrganisation: string;
  rejectedOwnerEmail: string;
  /** Commissioner A's open challenge, a question firm Y asked on it, and firm X's draft bid on it with firm Y invited. */
  challengeId: string;
  questionId: string;
  bidId: string;
}

type Parameters = Record<string, string>;

/**
 * What the walk does on one route. Every route needs an entry, so a new route cannot slip through
 * unexamined: say which resources its success needs (`prepare`), a body that passes validation,
 * and where the domain legitimately answers an admitted caller otherwise than the route's success.
 */
interface Expectation {
  /** Makes what a successful call needs (a draft, a sealed bid, ...) and names it in the path. */
  prepare?: (world: World, api: TestApi) => Promise<Parameters>;
  body?: (parameters: Parameters, world: World) => unknown;
  /** Only these admitted callers get past the domain; the others get 404 as if it did not exist. */
  domainAdmits?: CallerName[];
  /** Admitted callers whose answer the domain decides otherwise, with the status they get. */
  answers?: Partial<Record<CallerName, number>>;
}

const reason = { reason: 'Stated in the authorisation walk.' };
const challengeVersion = async (challengeId: string) => (await wiring().challengePorts.challenges.challenge(challengeId))!.version;
const bidVersion = async (bidId: string) => (await wiring().bidPorts.bids.bid(bidId))!.version;
/** Members of any organisation, whatever its status, already belong to one: registering another is a conflict. */
const alreadyMembers = {
  commissionerA: 409,
  commissionerB: 409,
  firmX: 409,
  firmY: 409,
  pendingCommissioner: 409,
  pendingFirm: 409,
  suspendedCommissioner: 409,
  suspendedFirm: 409,
};

async function startedBid(api: TestApi, world: World, challengeId: string) {
  const challenge = (await wiring().challengePorts.challenges.challenge(challengeId))!;
  const started = await api.call<{ id: string; version: number }>('POST', `/api/challenges/${challengeId}/bids`, {
    cookie: world.cookies.firmX,
    body: bidContent(challenge.criteria.length),
  });
  if (started.status !== 201) throw new Error(`Starting a bid failed: ${started.status}`);
  return started.body;
}

/** Firm X's sealed bid on commissioner A's challenge, whose deadline has then passed. */
async function sealedBidAfterDeadline(world: World, api: TestApi): Promise<Parameters> {
  const { challengeId } = await storedChallenge(world.organisationIds.commissionerA, 'published');
  const bid = await startedBid(api, world, challengeId);
  const sealed = await api.call('POST', `/api/bids/${bid.id}/submit`, { cookie: world.cookies.firmX, body: { version: bid.version } });
  if (sealed.status !== 200) throw new Error(`Sealing the bid failed: ${sealed.status}`);
  await passDeadline(challengeId);
  return { challengeId, bidId: bid.id };
}

/** The unsubscribe link of commissioner A's owner, who has saved no alert preferences: changing them reads the suggestion's organisation too. */
const unsubscribeLink = (kind: 'alerts' | 'notices') => async (world: World) => {
  const owner = await wiring().organisationPorts.store.person(world.ownerOfA);
  return { token: await signUnsubscribeToken({ email: owner!.email, kind }, await sessionKey(wiring().config)) };
};

const withChallenge =
  (status: 'draft' | 'submitted' | 'published', overrides = {}) =>
  async (world: World) => ({
    challengeId: (await storedChallenge(world.organisationIds.commissionerA, status, overrides)).challengeId,
  });

const expectations: Record<OperationId, Expectation> = {
  getHealth: {},
  getOpenApiDocument: {},
  getApiReference: {},
  requestSignInCode: { body: () => ({ email: uniqueEmail('walker') }) },
  // No code was sent to the address: the attempt is refused as a wrong code, whoever sends it.
  verifySignIn: {
    body: () => ({ email: uniqueEmail('walker'), code: '123456' }),
    answers: Object.fromEntries(callerNames.map((caller) => [caller, 422])),
  },
  signOut: {},
  getMe: {},
  getSession: {},
  updateMe: { body: () => ({ name: 'Walker' }) },
  getAlertPreferences: {},
  saveAlertPreferences: {
    body: () => ({
      disciplines: ['ux_design'],
      sectors: ['health'],
      types: [],
      funding: [],
      minBudgetCents: null,
      municipalities: [],
      language: 'nl',
      frequency: 'immediately',
      version: 0,
    }),
  },
  exportMe: {},
  eraseMe: {},
  registerOrganisation: { body: () => firmRegistration({ kvkNumber: uniqueKvkNumber() }), answers: alreadyMembers },
  getOrganisation: {},
  updateOrganisation: { body: () => ({ kind: 'commissioner', version: 1, website: 'https://walk.example' }) },
  listMembers: {},
  inviteMember: { body: () => ({ email: uniqueEmail('colleague') }) },
  removeMember: { prepare: async (world) => ({ userId: world.memberOfA }) },
  listMyInvitations: {},
  // Only the former owner of the rejected registration, who belongs to nothing, is invited; whoever
  // has no invitation finds none.
  acceptInvitation: { prepare: invitedByA, domainAdmits: ['rejectedOwner'] },
  declineInvitation: { prepare: invitedByA, domainAdmits: ['rejectedOwner'] },
  // The path names commissioner A, whose only caller is its owner, who cannot leave.
  leaveOrganisation: { answers: { commissionerA: 409 } },
  listOutboxEvents: {},
  // The partner invitation's email is still pending: no stream delivers it in this walk.
  redriveOutboxEvent: {
    prepare: async (world, api) => {
      const pending = await api.call<{ items: { id: string }[] }>('GET', '/api/staff/outbox', { cookie: world.cookies.staff });
      return { eventId: pending.body.items[0]!.id };
    },
  },
  listAlertRuns: {},
  // A run of commissioner A's challenge whose one chunk failed for one of its two recipients.
  retryAlertRun: {
    prepare: async (world) => {
      const challenge = await storedChallenge(world.organisationIds.commissionerA, 'published');
      const refused = uniqueEmail('refused');
      return { runId: await runWithFailedChunk(challenge, [uniqueEmail('alerted'), refused], refused) };
    },
  },
  listSuppressions: {},
  liftSuppression: {
    prepare: async () => {
      const email = uniqueEmail('bounced');
      await wiring().suppressions.suppress([{ email, reason: 'bounce', detail: 'Permanent/General', suppressedAt: new Date().toISOString(), sesMessageId: 'walk' }]);
      return { email };
    },
  },
  listOrganisationsForStaff: {},
  verifyOrganisation: { prepare: async (world) => ({ organisationId: world.organisationIds.pendingCommissioner }) },
  rejectOrganisation: { prepare: async (world) => ({ organisationId: world.organisationIds.pendingFirm }), body: () => reason },
  suspendOrganisation: { body: () => reason },
  reopenOrganisation: { prepare: async (world) => ({ organisationId: world.rejectedOrganisation }) },
  releaseKvkNumber: { body: () => reason },
  listFirms: {},
  getFirm: {},
  listChallenges: {},
  createChallenge: { body: () => challengeTerms() },
  getChallenge: {},
  updateChallenge: { prepare: withChallenge('draft'), body: () => ({ ...challengeTerms(), version: 1 }) },
  submitChallenge: { prepare: withChallenge('draft'), body: () => ({ version: 1 }) },
  cancelChallenge: { body: async ({ challengeId }) => ({ version: await challengeVersion(challengeId!), ...reason }) },
  amendChallenge: { body: async ({ challengeId }) => ({ version: await challengeVersion(challengeId!), bidDeadline: daysFromNow(60) }) },
  askQuestion: { body: () => ({ question: 'May a consortium have three partners?' }) },
  answerQuestion: { body: () => ({ answer: 'Yes, it may.' }) },
  followChallenge: {},
  unfollowChallenge: {},
  acceptNda: { prepare: withChallenge('published', { ndaRequired: true }) },
  listOrganisationChallenges: {},
  listFollowedChallenges: {},
  listChallengesForStaff: {},
  approveChallenge: { prepare: withChallenge('submitted'), body: () => ({ version: 1 }) },
  requestChallengeChanges: { prepare: withChallenge('submitted'), body: () => ({ version: 1, comment: 'Name the budget.' }) },
  rejectChallenge: { prepare: withChallenge('submitted'), body: () => ({ version: 1, ...reason }) },
  createBid: { prepare: withChallenge('published'), body: () => bidContent(3) },
  // A bid shows only to its lead and partners (sealed from the commissioner until the deadline).
  getBid: { domainAdmits: ['firmX', 'firmY'] },
  updateBid: { domainAdmits: ['firmX'], body: async ({ bidId }) => ({ version: await bidVersion(bidId!), timeline: 'Twelve weeks from the kick-off meeting.' }) },
  submitBid: {
    prepare: async (world, api) => ({ bidId: (await startedBid(api, world, (await withChallenge('published')(world)).challengeId)).id }),
    domainAdmits: ['firmX'],
    body: async ({ bidId }) => ({ version: await bidVersion(bidId!) }),
  },
  withdrawBid: {
    prepare: async (world, api) => ({ bidId: (await sealedBid(world, api)).id }),
    domainAdmits: ['firmX'],
    body: async ({ bidId }) => ({ version: await bidVersion(bidId!) }),
  },
  invitePartner: {
    domainAdmits: ['firmX'],
    body: async ({ bidId }, world) => ({ version: await bidVersion(bidId!), organisationId: world.firmZ, role: 'Sound design', sharePercent: 20 }),
  },
  removePartner: { domainAdmits: ['firmX'] },
  confirmPartnership: {},
  declinePartnership: {},
  requestBidHelp: { domainAdmits: ['firmX'], body: () => ({ message: 'How do we split the price between partners?' }) },
  listOrganisationBids: {},
  listConsortiumInvitations: {},
  // Nobody has a debrief before the award.
  getDebrief: { domainAdmits: [] },
  listChallengeBids: { prepare: sealedBidAfterDeadline },
  getEvaluation: { prepare: sealedBidAfterDeadline },
  setEvaluationPanel: {
    prepare: sealedBidAfterDeadline,
    body: async ({ challengeId }, world) => ({ version: await challengeVersion(challengeId!), evaluatorIds: [world.ownerOfA] }),
  },
  scoreBid: { prepare: sealedBidAfterDeadline, body: () => ({ scores: [0, 1, 2].map(() => ({ score: 7, comment: 'Sound approach.' })) }) },
  shortlistBid: { prepare: sealedBidAfterDeadline },
  awardChallenge: {
    prepare: async (world, api) => {
      const sealed = await sealedBidAfterDeadline(world, api);
      // Commissioner A's owner alone evaluates, so their scores reveal the ranking.
      const panel = await api.call('PUT', `/api/challenges/${sealed.challengeId}/evaluation/panel`, {
        cookie: world.cookies.commissionerA,
        body: { version: await challengeVersion(sealed.challengeId!), evaluatorIds: [world.ownerOfA] },
      });
      if (panel.status !== 200) throw new Error(`Choosing the panel failed: ${panel.status}`);
      const scored = await api.call('PUT', `/api/challenges/${sealed.challengeId}/bids/${sealed.bidId}/scores`, {
        cookie: world.cookies.commissionerA,
        body: { scores: [0, 1, 2].map(() => ({ score: 8, comment: 'Convincing.' })) },
      });
      if (scored.status !== 200) throw new Error(`Scoring failed: ${scored.status}`);
      return sealed;
    },
    body: async ({ challengeId, bidId }) => ({ version: await challengeVersion(challengeId!), bidId, feedback: 'The winning bid knew the residents best.' }),
  },
  getMailChoices: { prepare: unsubscribeLink('notices') },
  saveMailChoices: { prepare: unsubscribeLink('alerts'), body: () => ({ alertFrequency: 'weekly', notices: false }) },
  unsubscribeOneClick: { prepare: unsubscribeLink('alerts'), body: () => ({ 'List-Unsubscribe': 'One-Click' }) },
  declareNoAward: {
    prepare: sealedBidAfterDeadline,
    body: async ({ challengeId }) => ({ version: await challengeVersion(challengeId!), reason: 'The budget was withdrawn by the council.' }),
  },
};

/** Commissioner A invites the former owner of the rejected registration. */
async function invitedByA(world: World, api: TestApi): Promise<Parameters> {
  const invited = await api.call('POST', `/api/organisations/${world.organisationIds.commissionerA}/invitations`, {
    cookie: world.cookies.commissionerA,
    body: { email: world.rejectedOwnerEmail },
  });
  if (invited.status !== 201) throw new Error(`Inviting failed: ${invited.status}`);
  return {};
}

async function sealedBid(world: World, api: TestApi) {
  const { challengeId } = await withChallenge('published')(world);
  const bid = await startedBid(api, world, challengeId);
  const sealed = await api.call<{ id: string }>('POST', `/api/bids/${bid.id}/submit`, { cookie: world.cookies.firmX, body: { version: bid.version } });
  if (sealed.status !== 200) throw new Error(`Sealing the bid failed: ${sealed.status}`);
  return sealed.body;
}

/** A partner's answer to an invitation names the partner's organisation (firm Y) in the path; other organisation routes name commissioner A's. */
const pathOrganisationOf = (route: RouteDefinition): MemberName => (route.path.includes('{bidId}') && route.path.includes('{organisationId}') ? 'firmY' : 'commissionerA');

/** Whether the route's access rule lets the caller in (before the domain has its say). */
function admittedByRule(route: RouteDefinition, caller: CallerName): boolean {
  const standing = standingOf(caller);
  switch (route.access) {
    case 'public':
      return true;
    case 'signedIn':
      return caller !== 'anonymous';
    case 'staff':
      return caller === 'staff';
    case 'member':
    case 'owner':
      return caller === pathOrganisationOf(route);
    case 'challengeCommissioner':
      return caller === 'commissionerA';
    case 'verifiedCommissioner':
      return standing?.kind === 'commissioner' && standing.status === 'verified';
    case 'verifiedFirm':
      return standing?.kind === 'creative' && standing.status === 'verified';
  }
}

/**
 * The answer a caller must get: 401 for nobody on a non-public route; 403 for a member of an
 * organisation that is not verified on a change the route does not allow it (`whileUnverified`);
 * 404 for anyone the rule or the domain keeps out; otherwise the route's own success status,
 * unless the domain legitimately answers otherwise (`answers`).
 */
function expectedAnswer(route: RouteDefinition, caller: CallerName): number {
  const expectation = expectations[route.operationId as OperationId];
  const declared = expectation.answers?.[caller];
  if (declared !== undefined) return declared;
  if (route.access !== 'public' && caller === 'anonymous') return 401;
  const status = standingOf(caller)?.status;
  const changes = route.method !== 'GET' && route.access !== 'public' && route.access !== 'staff';
  if (changes && status && status !== 'verified' && !route.whileUnverified?.includes(status)) return 403;
  if (!admittedByRule(route, caller)) return 404;
  if (expectation.domainAdmits && !expectation.domainAdmits.includes(caller)) return 404;
  return route.response.status;
}

/** One organisation with its owner signed in, written straight to the table. */
async function organisationOf(name: string, kind: Standing['kind'], status: Standing['status'], owner?: { userId: string; cookie: string }) {
  const organisations = storedOrganisations();
  const organisationId = ulid();
  const signedIn = owner ?? (await signedInAs(uniqueEmail(name)));
  await organisations
    .create({
      organisationId,
      kind,
      name: `Organisation ${name}`,
      kvkNumber: uniqueKvkNumber(),
      municipality: 'GM0363',
      website: 'https://example.nl',
      description: 'An organisation made for the authorisation walk.',
      sizeBand: '10-49',
      ...(kind === 'creative'
        ? { subsector: 'design', disciplines: ['ux_design'], sectorsServed: ['health'], foundedYear: 2010, internationalAmbition: false, portfolioLinks: [] }
        : { sector: 'health', commissionerType: 'public_body' }),
      status,
      ownerUserId: signedIn.userId,
      createdAt: new Date().toISOString(),
      ...(status === 'verified' ? { verifiedAt: new Date().toISOString() } : {}),
      ...(status === 'suspended' || status === 'rejected' ? { statusReason: `Made ${status} for the walk.` } : {}),
      ...(kind === 'creative' && status === 'verified' ? { directory: 'verified', directoryName: name.toLowerCase() } : {}),
    })
    .go();
  // A rejected registration keeps no members (rejection frees them); the others keep their owner.
  if (status !== 'rejected') await storedUsers().patch({ userId: signedIn.userId }).set({ organisationId, role: 'owner' }).go();
  return { organisationId, ...signedIn };
}

/**
 * The callers and what the routes name. A route that changes something gets a world of its own, so
 * that a sign-out, an erasure or a decision never spoils the routes after it; routes that only read
 * share one.
 */
let worldsMade = 0;
/**
 * Staff of their own for every world (a route may erase staff, or make them a member of something),
 * all with accounts from the start, so that what emailing staff reads is the same for every route.
 */
const STAFF_ADDRESSES = 100;
async function createWorld(api: TestApi): Promise<World> {
  const names = Object.keys(members) as MemberName[];
  const owners = await Promise.all(names.map((name) => organisationOf(name, members[name].kind, members[name].status)));
  const byName = Object.fromEntries(names.map((name, index) => [name, owners[index]!])) as Record<MemberName, Awaited<ReturnType<typeof organisationOf>>>;
  const rejectedOwnerEmail = uniqueEmail('rejected');
  const [staff, rejectedOwner, memberOfA, firmZ] = await Promise.all([
    signedInAs(wiring().config.STAFF_EMAILS[worldsMade++]!),
    signedInAs(rejectedOwnerEmail),
    signedInAs(uniqueEmail('member')),
    organisationOf('firmZ', 'creative', 'verified'),
  ]);
  const rejected = await organisationOf('rejected', 'commissioner', 'rejected', rejectedOwner);
  await storedUsers().patch({ userId: memberOfA.userId }).set({ organisationId: byName.commissionerA.organisationId, role: 'member' }).go();
  const challenge = await storedChallenge(byName.commissionerA.organisationId, 'published');
  const questionId = ulid();
  await wiring().challengePorts.challenges.ask({
    challengeId: challenge.challengeId,
    questionId,
    question: 'May we bid with a partner from outside the region?',
    askerOrganisationId: byName.firmY.organisationId,
    askerUserId: byName.firmY.userId,
    askedAt: new Date().toISOString(),
  });
  const cookies = {
    anonymous: undefined,
    staff: staff.cookie,
    rejectedOwner: rejectedOwner.cookie,
    ...Object.fromEntries(names.map((name) => [name, byName[name].cookie])),
  } as World['cookies'];
  const partial = {
    cookies,
    organisationIds: Object.fromEntries(names.map((name) => [name, byName[name].organisationId])) as Record<MemberName, string>,
    ownerOfA: byName.commissionerA.userId,
    memberOfA: memberOfA.userId,
    firmZ: firmZ.organisationId,
    rejectedOrganisation: rejected.organisationId,
    rejectedOwnerEmail,
    challengeId: challenge.challengeId,
    questionId,
  };
  const bid = await startedBid(api, { ...partial, bidId: '' }, challenge.challengeId);
  const invited = await api.call('POST', `/api/bids/${bid.id}/partners`, {
    cookie: cookies.firmX,
    body: { version: bid.version, organisationId: byName.firmY.organisationId, role: 'Sound design', sharePercent: 20 },
  });
  if (invited.status !== 200) throw new Error(`Inviting the partner failed: ${invited.status}`);
  return { ...partial, bidId: bid.id };
}

/** The path's parameters: commissioner A's organisation (firm Y's on a partner's answer), its challenge, question and bid. */
function pathParameters(route: RouteDefinition, world: World): Parameters {
  return {
    organisationId: world.organisationIds[pathOrganisationOf(route)],
    userId: world.ownerOfA,
    firmId: world.organisationIds.firmX,
    challengeId: world.challengeId,
    questionId: world.questionId,
    bidId: world.bidId,
  };
}

const fillPath = (path: string, parameters: Parameters) => path.replace(/\{(\w+)\}/g, (_, name: string) => parameters[name] ?? ulid());

/**
 * Thousands of rows where the routes read: open and submitted challenges of commissioner A (the
 * lists, its own list, the moderation queue), verified firms (the directory) and pending firms (the
 * verification queue), written straight to the table; and a few pages of suppressed addresses.
 */
async function seedThousands(world: World) {
  const client = seedingClient(wiring().config.DYNAMODB_ENDPOINT!);
  const ofA = (challenge: StoredChallenge) => ({ ...challenge, organisationId: world.organisationIds.commissionerA });
  try {
    await writeSeeded(client, wiring().config.TABLE_NAME, {
      challenges: [
        ...Array.from({ length: 2_000 }, (_, n) => ofA(seededChallenge(n, 'published'))),
        ...Array.from({ length: 300 }, (_, n) => ofA(seededChallenge(n, 'submitted'))),
      ],
      organisations: [...Array.from({ length: 1_500 }, (_, n) => seededFirm(n, 'verified')), ...Array.from({ length: 300 }, (_, n) => seededFirm(n, 'pending'))],
    });
  } finally {
    client.destroy();
  }
  // More suppressed addresses than a page holds, so the staff list shows it reads one page.
  const suppressedAt = (n: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString();
  await wiring().suppressions.suppress(
    Array.from({ length: 300 }, (_, n) => ({
      email: `bounced-${n}@walk.example`,
      reason: 'bounce',
      detail: 'Permanent/General',
      suppressedAt: suppressedAt(n),
      sesMessageId: `walk-${n}`,
    })),
  );
}

describe('Authorisation and read budgets: every route, called by every kind of caller, answers exactly as its access rule and the domain say, within the DynamoDB reads it declares at thousands of challenges and firms', () => {
  let api: TestApi;
  let readersWorld: World;
  let dynamoDb: ReturnType<typeof countDynamoDbReads>;
  let ownDynamoDb: Awaited<ReturnType<typeof createTableOnOwnDynamoDb>> | undefined;

  beforeAll(async () => {
    process.env['STAFF_EMAILS'] = Array.from({ length: STAFF_ADDRESSES }, (_, index) => `staff-${index}@walk.example`).join(',');
    ownDynamoDb = await createTableOnOwnDynamoDb();
    api = await startTestApi();
    expect(STAFF_ADDRESSES).toBeGreaterThan(routes.length);
    await Promise.all(wiring().config.STAFF_EMAILS.map((email) => signedInAs(email)));
    readersWorld = await createWorld(api);
    await seedThousands(readersWorld);
    dynamoDb = countDynamoDbReads();
  }, 120_000);
  afterAll(async () => {
    await api?.stop();
    await ownDynamoDb?.stop();
  });

  it('declares a known access rule on every route, and the walk knows what each route should answer', () => {
    for (const route of routes) expect(accessRules, `${route.method} ${route.path}`).toContain(route.access);
    const unexamined = routes.filter((route) => !(route.operationId in expectations)).map((route) => route.operationId);
    expect(unexamined, 'Routes the authorisation walk has no expectation for: add them to `expectations`').toEqual([]);
  });

  it.each(routes.map((route): [string, RouteDefinition] => [`${route.method} ${route.path} (${route.access})`, route]))(
    '%s',
    async (_name, route) => {
      const expectation = expectations[route.operationId as OperationId];
      if (!expectation) throw new Error(`The walk has no expectation for ${route.operationId}: add one to \`expectations\``);
      const world = route.method === 'GET' ? readersWorld : await createWorld(api);
      const parameters = { ...pathParameters(route, world), ...(await expectation.prepare?.(world, api)) };
      const wrong: string[] = [];
      const overBudget: string[] = [];
      for (const caller of callerNames) {
        const content = (await expectation.body?.(parameters, world)) ?? {};
        const body = !route.request?.body ? {} : route.request.bodyEncoding === 'form' ? { form: content as Record<string, string> } : { body: content };
        dynamoDb.reset();
        const answer = await api.call(route.method, fillPath(route.path, parameters), { cookie: world.cookies[caller], ...body });
        const cost = dynamoDb.reset();
        const wanted = expectedAnswer(route, caller);
        if (answer.status !== wanted) wrong.push(`${caller} got ${answer.status}, not ${wanted}: ${JSON.stringify(answer.body)}`.slice(0, 300));
        if (cost.requests > route.reads.requests || cost.items > route.reads.items)
          overBudget.push(`${caller}: ${cost.requests} requests (budget ${route.reads.requests}), ${cost.items} items (budget ${route.reads.items}): ${cost.commands.join(', ')}`);
        for (const read of cost.unbounded.filter(({ index, partition, sortKeyBeginsWith }) => !isWholePartitionRead(index, partition, sortKeyBeginsWith))) {
          overBudget.push(
            `${caller}: ${read.command} of ${read.index} ${read.partition} ${read.sortKeyBeginsWith} reads the whole partition: send a Limit, or name it in whole-partition-reads.ts with its bound`,
          );
        }
      }
      expect(wrong).toEqual([]);
      expect(overBudget).toEqual([]);
    },
    60_000,
  );

  it.each(
    (routes as readonly RouteDefinition[])
      .filter((route) => route.method === 'GET' && (route.access === 'member' || route.access === 'owner'))
      .map((route): [string, RouteDefinition] => [`${route.method} ${route.path}`, route]),
  )('every member reads its own organisation through %s, whatever its status', async (_name, route) => {
    const answers: Partial<Record<CallerName, number>> = {};
    for (const caller of Object.keys(members) as MemberName[]) {
      const path = fillPath(route.path, { organisationId: readersWorld.organisationIds[caller] });
      answers[caller] = (await api.call(route.method, path, { cookie: readersWorld.cookies[caller] })).status;
    }
    expect(answers).toEqual(Object.fromEntries(Object.keys(members).map((caller) => [caller, route.response.status])));
  });
});
