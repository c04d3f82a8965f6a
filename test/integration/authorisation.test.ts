import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessRules, type AccessRule, type RouteDefinition } from '#functions/http/route.ts';
import { routes, type OperationId } from '#functions/http/routes.ts';
import { wiring } from '#functions/wiring.ts';
import { bidContent } from '../helpers/bids.ts';
import { storedChallenge } from '../helpers/challenges.ts';
import { signedInAs, startTestApi, uniqueEmail, type TestApi } from '../helpers/api.ts';
import { createTestTable } from '../helpers/table.ts';

type CallerName = 'anonymous' | 'commissionerA' | 'commissionerB' | 'firmX' | 'firmY' | 'staff' | 'suspendedFirm';
const callerNames: CallerName[] = ['anonymous', 'commissionerA', 'commissionerB', 'firmX', 'firmY', 'staff', 'suspendedFirm'];

/** Who each rule lets in, given that the path's organisation (if any) is commissioner A's. */
const admitted: Record<AccessRule, CallerName[]> = {
  public: callerNames,
  signedIn: callerNames.filter((name) => name !== 'anonymous'),
  staff: ['staff'],
  member: ['commissionerA'],
  owner: ['commissionerA'],
  verifiedCommissioner: ['commissionerA', 'commissionerB'],
  verifiedFirm: ['firmX', 'firmY'],
  challengeCommissioner: ['commissionerA'],
};

/**
 * Routes about firm X's bid (firm Y invited as its partner): past the access rule the domain lets in
 * only those with a part in the bid, and answers everyone else 404 as if it did not exist, so the
 * bid stays sealed. Before the award nobody has a debrief.
 */
const domainAdmits: Partial<Record<OperationId, CallerName[]>> = {
  getBid: ['firmX', 'firmY'],
  updateBid: ['firmX'],
  submitBid: ['firmX'],
  withdrawBid: ['firmX'],
  invitePartner: ['firmX'],
  removePartner: ['firmX'],
  requestBidHelp: ['firmX'],
  getDebrief: [],
};

/** Bodies that pass validation, so that the domain's refusal (not the schema's) is what a caller outside the bid meets. */
const validBodies: Partial<Record<OperationId, (parameters: Record<string, string>) => unknown>> = {
  updateBid: () => ({ version: 1, timeline: 'Twelve weeks from the kick-off meeting.' }),
  submitBid: () => ({ version: 1 }),
  withdrawBid: () => ({ version: 1 }),
  invitePartner: (parameters) => ({ version: 1, organisationId: parameters['partnerOrganisationId'], role: 'Sound design', sharePercent: 20 }),
  requestBidHelp: () => ({ message: 'How do we split the price between partners?' }),
};

/** A partner's answer to an invitation names the partner's organisation (firm Y) in the path. */
const pathOrganisationOf = (route: RouteDefinition): CallerName => (route.path.includes('{bidId}') && route.path.includes('{organisationId}') ? 'firmY' : 'commissionerA');

function admittedTo(route: RouteDefinition): CallerName[] {
  const byRule = route.access === 'member' || route.access === 'owner' ? [pathOrganisationOf(route)] : admitted[route.access];
  const byDomain = domainAdmits[route.operationId as OperationId];
  return byDomain ? byRule.filter((name) => byDomain.includes(name)) : byRule;
}

const organisations = {
  commissionerA: { kind: 'commissioner', status: 'verified' },
  commissionerB: { kind: 'commissioner', status: 'verified' },
  firmX: { kind: 'creative', status: 'verified' },
  firmY: { kind: 'creative', status: 'verified' },
  suspendedFirm: { kind: 'creative', status: 'suspended' },
} as const;

/** One organisation with its owner signed in, written straight to the table. */
async function organisationWithOwner(name: keyof typeof organisations) {
  const { organisations: entity, accounts } = wiring();
  const { kind, status } = organisations[name];
  const organisationId = ulid();
  const { cookie, userId } = await signedInAs(uniqueEmail(name));
  await entity
    .create({
      organisationId,
      kind,
      name: `Organisation ${name}`,
      kvkNumber: String(Math.floor(Math.random() * 1e8)).padStart(8, '0'),
      municipality: 'GM0363',
      website: 'https://example.nl',
      description: 'An organisation made for the authorisation test.',
      sizeBand: '10-49',
      ...(kind === 'creative'
        ? { subsector: 'design', disciplines: ['ux_design'], sectorsServed: ['health'], foundedYear: 2010, internationalAmbition: false, portfolioLinks: [] }
        : { sector: 'health', commissionerType: 'public_body' }),
      status,
      ownerUserId: userId,
      createdAt: new Date().toISOString(),
      ...(kind === 'creative' && status === 'verified' ? { directory: 'verified', directoryName: name.toLowerCase() } : {}),
    })
    .go();
  await accounts.users.patch({ userId }).set({ organisationId, role: 'owner' }).go();
  return { organisationId, userId, cookie };
}

/**
 * A fresh set of callers for each route, so that a route which ends a session or erases a person
 * (sign-out, erasure) cannot spoil the routes after it; each caller only ever undoes itself.
 */
async function freshCallers(api: TestApi) {
  const [commissionerA, commissionerB, firmX, firmY, suspendedFirm] = await Promise.all([
    organisationWithOwner('commissionerA'),
    organisationWithOwner('commissionerB'),
    organisationWithOwner('firmX'),
    organisationWithOwner('firmY'),
    organisationWithOwner('suspendedFirm'),
  ]);
  const staff = await signedInAs(wiring().config.STAFF_EMAILS[0]!);
  const cookies: Record<CallerName, string | undefined> = {
    anonymous: undefined,
    commissionerA: commissionerA.cookie,
    commissionerB: commissionerB.cookie,
    firmX: firmX.cookie,
    firmY: firmY.cookie,
    staff: staff.cookie,
    suspendedFirm: suspendedFirm.cookie,
  };
  // Every path parameter names something that exists: commissioner A's organisation and member, firm X,
  // commissioner A's open challenge, a question firm Y asked on it, and firm X's draft bid on it
  // with firm Y invited as partner.
  const challenge = await storedChallenge(commissionerA.organisationId, 'published');
  const questionId = ulid();
  await wiring().challengePorts.challenges.ask({
    challengeId: challenge.challengeId,
    questionId,
    question: 'May we bid with a partner from outside the region?',
    askerOrganisationId: firmY.organisationId,
    askerUserId: firmY.userId,
    askedAt: new Date().toISOString(),
  });
  const bid = await api.call<{ id: string; version: number }>('POST', `/api/challenges/${challenge.challengeId}/bids`, {
    cookie: firmX.cookie,
    body: bidContent(challenge.criteria.length),
  });
  const invited = await api.call('POST', `/api/bids/${bid.body.id}/partners`, {
    cookie: firmX.cookie,
    body: { version: bid.body.version, organisationId: firmY.organisationId, role: 'Sound design', sharePercent: 20 },
  });
  if (bid.status !== 201 || invited.status !== 200) throw new Error(`The bid fixture failed: ${bid.status} ${invited.status}`);
  const parameters: Record<string, string> = {
    organisationId: commissionerA.organisationId,
    partnerOrganisationId: firmY.organisationId,
    bidId: bid.body.id,
    userId: commissionerA.userId,
    firmId: firmX.organisationId,
    challengeId: challenge.challengeId,
    questionId,
  };
  return { cookies, parameters };
}

const fillPath = (path: string, parameters: Record<string, string>) =>
  path.replace(/\{(\w+)\}/g, (_, name: string) => parameters[name] ?? ulid());

describe('Authorisation: every route, called by every kind of caller, answers as its access rule says', () => {
  let api: TestApi;

  beforeAll(async () => {
    await createTestTable();
    api = await startTestApi();
  });
  afterAll(() => api?.stop());

  it('declares a known access rule on every route', () => {
    for (const route of routes) expect(accessRules, `${route.method} ${route.path}`).toContain(route.access);
  });

  it.each(routes.map((route): [string, RouteDefinition] => [`${route.method} ${route.path} (${route.access})`, route]))(
    '%s',
    async (_name, route) => {
      const { cookies, parameters } = await freshCallers(api);
      const pathParameters = pathOrganisationOf(route) === 'firmY' ? { ...parameters, organisationId: parameters['partnerOrganisationId']! } : parameters;
      const allowed = admittedTo(route);
      for (const caller of callerNames) {
        const answer = await api.call(route.method, fillPath(route.path, pathParameters), {
          cookie: cookies[caller],
          // An empty body unless the domain decides: the access check runs before validation, so its refusals never depend on it.
          ...(route.request?.body ? { body: validBodies[route.operationId as OperationId]?.(parameters) ?? {} } : {}),
        });
        if (allowed.includes(caller)) expect([401, 403, 404], `${caller} was refused`).not.toContain(answer.status);
        else expect(answer.status, `${caller} got in`).toBe(caller === 'anonymous' ? 401 : 404);
      }
    },
    120_000,
  );
});
