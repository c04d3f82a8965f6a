import { ulid } from 'ulid';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Bid } from '#shared/bid.ts';
import type { CreateChallenge } from '#shared/challenge.ts';
import { remindDraftBidders } from '#functions/domain/bids/remind-draft-bidders.ts';
import { startWeeklyDigest } from '#functions/domain/alerts/weekly-digest.ts';
import { closeChallengesPastDeadline } from '#functions/domain/challenges/close-challenges.ts';
import { remindFollowersOfQuestionDeadline } from '#functions/domain/challenges/remind-followers.ts';
import { mailTemplates } from '#functions/mail/templates/index.ts';
import { wiring } from '#functions/wiring.ts';
import { signedInAs, uniqueEmail } from '../helpers/api.ts';
import { bidContent, passDeadline } from '../helpers/bids.ts';
import { challengeTerms, daysFromNow, storedChallenge, useMarketplace, verifiedOrganisation, type ChallengeAnswer } from '../helpers/challenges.ts';
import { createInbox, recipients, type InboxEmail } from '../helpers/inbox.ts';
import { firmRegistration, registeredBy } from '../helpers/organisations.ts';
import { storedOutboxEvents } from '../helpers/stored-items.ts';

type Organisation = Awaited<ReturnType<typeof verifiedOrganisation>>;
type OutboxEvent = {
  eventId: string;
  type: string;
  recipients: { email: string; language: 'nl' | 'en'; personal?: Record<string, unknown> }[];
  data: Record<string, unknown>;
  status: string;
};

const DAY = 24 * 60 * 60 * 1000;

/** Every value in an answer, however deep: the strings and numbers a page shows, and the objects that hold them. */
function* walk(value: unknown): Generator<unknown> {
  yield value;
  if (Array.isArray(value)) for (const item of value) yield* walk(item);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) yield* walk(item);
}

/** Data an email carries that the page shows in another form than the number itself. */
const shownAs: Record<string, (value: number, shown: unknown[]) => boolean> = {
  // "2 attachments were added": the page lists the attachments.
  addedAttachments: (count, shown) =>
    count === 0 || shown.some((item) => Array.isArray((item as { attachments?: unknown })?.attachments) && (item as { attachments: unknown[] }).attachments.length >= count),
  // "sign in within 30 days": the invitation shows when it was sent and when it lapses.
  validDays: (days, shown) =>
    shown.some((item) => {
      const { invitedAt, expiresAt } = (item ?? {}) as { invitedAt?: string; expiresAt?: string };
      return !!invitedAt && !!expiresAt && Math.round((Date.parse(expiresAt) - Date.parse(invitedAt)) / DAY) === days;
    }),
};

/** Data that only says which page the email's button opens (reading that page as the recipient is the check), or which alert run it belongs to. */
const linkOnly = new Set(['challengeId', 'bidId', 'run', 'organisationId']);

/**
 * PRODUCT.md, "Scale and trust": an email never tells its recipient more than the page would. This walk
 * produces every kind of email Crossover sends (the template registry's types) through the API, and
 * for every email that arrives reads the recipient's own pages, as that recipient, and looks there for
 * every piece of content the email carries. A new kind of email without a scenario here fails the walk.
 */
// One marketplace for the file: the API and the wiring are bound to the first table a file makes.
const world = useMarketplace();
const inbox = createInbox();

describe('Every email against what its recipient may see', { timeout: 300_000 }, () => {
  /** The addresses of the people this file made: all their mail must be accounted for. */
  const addresses = new Set<string>();
  const checked = new Set<string>();
  const api = <T = Record<string, unknown>>(method: string, path: string, cookie?: string, body?: unknown) =>
    world.api.call<T>(method, path, { cookie, ...(body !== undefined ? { body } : {}) });

  const organisation = async (name: string): Promise<Organisation> => {
    const created = await verifiedOrganisation(world.api, firmRegistration({ name: `${name} ${ulid().slice(-6)}` }), world.people.staff.cookie);
    addresses.add(created.email);
    return created;
  };
  const published = async (overrides: Partial<CreateChallenge> = {}) =>
    storedChallenge(world.people.commissioner.organisationId, 'published', { title: `Walk ${ulid().slice(-10)}`, ...overrides });
  const startBid = async (challengeId: string, cookie: string, criteria = 3) =>
    (await api<Bid>('POST', `/api/challenges/${challengeId}/bids`, cookie, bidContent(criteria, `walk ${ulid()}`))).body;
  const submitBid = async (challengeId: string, cookie: string) => {
    const draft = await startBid(challengeId, cookie);
    const sealed = await api<Bid>('POST', `/api/bids/${draft.id}/submit`, cookie, { version: draft.version });
    expect(sealed.status).toBe(200);
    return sealed.body;
  };
  const versionOf = async (challengeId: string) => (await api<ChallengeAnswer>('GET', `/api/challenges/${challengeId}`, world.people.commissioner.cookie)).body.version;
  const closedWithBids = async (...cookies: string[]) => {
    const challenge = await published();
    const bids = [];
    for (const cookie of cookies) bids.push(await submitBid(challenge.challengeId, cookie));
    await passDeadline(challenge.challengeId);
    return { challengeId: challenge.challengeId, bids };
  };
  const scoredByEveryone = async (challengeId: string, bids: Bid[]) => {
    for (const bid of bids) {
      const scores = [7, 6, 8].map((score) => ({ score, comment: 'Clear and grounded in residents' }));
      expect((await api('PUT', `/api/challenges/${challengeId}/bids/${bid.id}/scores`, world.people.commissioner.cookie, { scores })).status).toBe(200);
    }
  };
  const draftChallenge = async (overrides: Partial<CreateChallenge> = {}) => {
    const { commissioner } = world.people;
    const created = await api<ChallengeAnswer>('POST', '/api/challenges', commissioner.cookie, challengeTerms({ title: `Walk ${ulid().slice(-10)}`, ...overrides }));
    expect(created.status).toBe(201);
    return created.body;
  };
  const submittedChallenge = async (overrides: Partial<CreateChallenge> = {}) => {
    const draft = await draftChallenge(overrides);
    const submitted = await api<ChallengeAnswer>('POST', `/api/challenges/${draft.id}/submit`, world.people.commissioner.cookie, { version: draft.version });
    expect(submitted.status).toBe(200);
    return submitted.body;
  };
  const consortiumBid = async () => {
    const challenge = await published();
    const partner = await organisation('Klankwerk');
    const draft = await startBid(challenge.challengeId, world.people.firm.cookie);
    const invited = await api<Bid>('POST', `/api/bids/${draft.id}/partners`, world.people.firm.cookie, {
      version: draft.version,
      organisationId: partner.organisationId,
      role: 'Sound design',
      sharePercent: 30,
    });
    expect(invited.status).toBe(200);
    return { bid: invited.body, partner };
  };

  /** Alert preferences that hear only of sound challenges, as the account page saves them. */
  const soundOnly = { disciplines: ['sound'], sectors: [], types: [], funding: [], minBudgetCents: null, municipalities: [], language: 'en', version: 0 };

  /** For each kind of email, a scenario that makes Crossover send it (and, where it matters, to people who may not read everything). */
  const scenarios: Record<string, () => Promise<void>> = {
    'organisation.verified': async () => {
      await organisation('Verified');
    },
    'organisation.rejected': async () => {
      const owner = await registeredBy(world.api, firmRegistration({ name: `Rejected ${ulid().slice(-6)}` }));
      addresses.add(owner.email);
      expect(
        (await api('POST', `/api/staff/organisations/${owner.organisationId}/reject`, world.people.staff.cookie, { reason: 'The KvK number belongs to another company.' })).status,
      ).toBe(200);
    },
    'organisation.suspended': async () => {
      const suspended = await organisation('Suspended');
      expect(
        (await api('POST', `/api/staff/organisations/${suspended.organisationId}/suspend`, world.people.staff.cookie, { reason: 'Reported for unpaid subcontractors.' })).status,
      ).toBe(200);
    },
    'organisation.invitation': async () => {
      const inviter = await organisation('Inviting');
      const colleague = uniqueEmail('colleague');
      addresses.add(colleague);
      expect((await api('POST', `/api/organisations/${inviter.organisationId}/invitations`, inviter.cookie, { email: colleague })).status).toBe(201);
    },
    'challenge.submitted': async () => {
      await submittedChallenge();
    },
    'challenge.approved': async () => {
      const submitted = await submittedChallenge();
      expect((await api('POST', `/api/staff/challenges/${submitted.id}/approve`, world.people.staff.cookie, { version: submitted.version })).status).toBe(200);
    },
    'challenge.changes_requested': async () => {
      const submitted = await submittedChallenge();
      const body = { version: submitted.version, comment: 'Name the budget and make the second criterion concrete.' };
      expect((await api('POST', `/api/staff/challenges/${submitted.id}/request-changes`, world.people.staff.cookie, body)).status).toBe(200);
    },
    'challenge.rejected': async () => {
      const submitted = await submittedChallenge();
      const body = { version: submitted.version, reason: 'This is an ordinary print tender, not an innovation question.' };
      expect((await api('POST', `/api/staff/challenges/${submitted.id}/reject`, world.people.staff.cookie, body)).status).toBe(200);
    },
    'challenge.cancelled': async () => {
      // For verified firms only: a firm suspended since it followed may no longer read it.
      const challenge = await published({ visibility: 'verified_firms' });
      const suspended = await organisation('Suspended follower');
      for (const cookie of [world.people.firm.cookie, suspended.cookie]) await api('PUT', `/api/challenges/${challenge.challengeId}/follow`, cookie);
      await api('POST', `/api/staff/organisations/${suspended.organisationId}/suspend`, world.people.staff.cookie, { reason: 'Reported for unpaid subcontractors.' });
      const body = { version: challenge.version, reason: 'The council froze the budget for this project.' };
      expect((await api('POST', `/api/challenges/${challenge.challengeId}/cancel`, world.people.commissioner.cookie, body)).status).toBe(200);
    },
    'challenge.amended': async () => {
      // Behind an NDA: one firm accepted it, another only follows.
      const challenge = await published({ ndaRequired: true });
      const { firm, otherFirm, commissioner } = world.people;
      await api('POST', `/api/challenges/${challenge.challengeId}/nda`, firm.cookie);
      for (const cookie of [firm.cookie, otherFirm.cookie]) await api('PUT', `/api/challenges/${challenge.challengeId}/follow`, cookie);
      const body = { version: challenge.version, bidDeadline: daysFromNow(28), addAttachments: [{ title: 'Resident survey 2024', url: 'https://waterschap.example/survey.pdf' }] };
      expect((await api('POST', `/api/challenges/${challenge.challengeId}/amendments`, commissioner.cookie, body)).status).toBe(200);
    },
    'question.answered': async () => {
      // Behind an NDA: the asker accepted it, one firm only follows, and one that accepted it has been suspended since.
      const challenge = await published({ ndaRequired: true });
      const { firm, otherFirm, commissioner, staff } = world.people;
      const suspended = await organisation('Suspended reader');
      for (const cookie of [firm.cookie, suspended.cookie]) await api('POST', `/api/challenges/${challenge.challengeId}/nda`, cookie);
      for (const cookie of [otherFirm.cookie, suspended.cookie]) await api('PUT', `/api/challenges/${challenge.challengeId}/follow`, cookie);
      const asked = await api<ChallengeAnswer>('POST', `/api/challenges/${challenge.challengeId}/questions`, firm.cookie, {
        question: `May the pilot start in one district only? ${ulid()}`,
      });
      expect(asked.status).toBe(201);
      await api('POST', `/api/staff/organisations/${suspended.organisationId}/suspend`, staff.cookie, { reason: 'Reported for unpaid subcontractors.' });
      const question = asked.body.questions[0]!;
      const answered = await api('POST', `/api/challenges/${challenge.challengeId}/questions/${question.id}/answer`, commissioner.cookie, {
        answer: 'Yes, if the approach can spread to other districts later.',
      });
      expect(answered.status).toBe(200);
    },
    'challenge.closed': async () => {
      await closedWithBids(world.people.firm.cookie);
      await closeChallengesPastDeadline(wiring().challengePorts);
    },
    'bid.submitted': async () => {
      await submitBid((await published()).challengeId, world.people.firm.cookie);
    },
    'bid.deadline_reminder': async () => {
      const challenge = await published({ questionDeadline: daysFromNow(0.5), bidDeadline: daysFromNow(1) });
      await startBid(challenge.challengeId, world.people.firm.cookie);
      await remindDraftBidders(wiring().bidPorts);
    },
    'bid.help_requested': async () => {
      const draft = await startBid((await published()).challengeId, world.people.firm.cookie);
      expect((await api('POST', `/api/bids/${draft.id}/help`, world.people.firm.cookie, { message: `Does our price fit the budget? ${ulid()}` })).status).toBe(200);
    },
    'consortium.invited': async () => {
      await consortiumBid();
    },
    'consortium.confirmed': async () => {
      const { bid, partner } = await consortiumBid();
      expect((await api('POST', `/api/bids/${bid.id}/partners/${partner.organisationId}/confirm`, partner.cookie)).status).toBe(200);
    },
    'consortium.declined': async () => {
      const { bid, partner } = await consortiumBid();
      expect((await api('POST', `/api/bids/${bid.id}/partners/${partner.organisationId}/decline`, partner.cookie)).status).toBe(204);
    },
    'bid.shortlisted': async () => {
      const { challengeId, bids } = await closedWithBids(world.people.firm.cookie);
      expect((await api('POST', `/api/challenges/${challengeId}/bids/${bids[0]!.id}/shortlist`, world.people.commissioner.cookie)).status).toBe(200);
    },
    'bid.awarded': async () => {
      const { challengeId, bids } = await closedWithBids(world.people.firm.cookie, world.people.otherFirm.cookie);
      await scoredByEveryone(challengeId, bids);
      const body = { version: await versionOf(challengeId), bidId: bids[0]!.id, feedback: 'The chosen bid started closest to residents who speak little Dutch.' };
      expect((await api('POST', `/api/challenges/${challengeId}/award`, world.people.commissioner.cookie, body)).status).toBe(200);
    },
    'bid.not_selected': async () => {
      await scenarios['bid.awarded']!();
    },
    'challenge.alert': async () => {
      // Follows sound: a firms-only challenge reaches the verified firm's owner; the suspended one's hears nothing.
      const [alerted, suspended] = [await organisation('Alerted'), await organisation('Alerted suspended')];
      for (const { cookie } of [alerted, suspended]) expect((await api('PUT', '/api/me/alerts', cookie, { ...soundOnly, frequency: 'immediately' })).status).toBe(200);
      await api('POST', `/api/staff/organisations/${suspended.organisationId}/suspend`, world.people.staff.cookie, { reason: 'Reported for unpaid subcontractors.' });
      const submitted = await submittedChallenge({ disciplines: ['sound'], visibility: 'verified_firms', ndaRequired: true });
      expect((await api('POST', `/api/staff/challenges/${submitted.id}/approve`, world.people.staff.cookie, { version: submitted.version })).status).toBe(200);
    },
    'alerts.digest': async () => {
      const weekly = await organisation('Digested');
      expect((await api('PUT', '/api/me/alerts', weekly.cookie, { ...soundOnly, disciplines: ['film_video'], frequency: 'weekly' })).status).toBe(200);
      const submitted = await submittedChallenge({ disciplines: ['film_video'] });
      expect((await api('POST', `/api/staff/challenges/${submitted.id}/approve`, world.people.staff.cookie, { version: submitted.version })).status).toBe(200);
      await startWeeklyDigest({ ...wiring().digestPorts, now: () => new Date(Date.now() + 7 * DAY) });
    },
    'question.deadline_reminder': async () => {
      const submitted = await submittedChallenge({ questionDeadline: daysFromNow(1), bidDeadline: daysFromNow(10) });
      expect((await api('POST', `/api/staff/challenges/${submitted.id}/approve`, world.people.staff.cookie, { version: submitted.version })).status).toBe(200);
      await api('PUT', `/api/challenges/${submitted.id}/follow`, world.people.firm.cookie);
      await remindFollowersOfQuestionDeadline(wiring().challengePorts);
    },
    'challenge.no_award': async () => {
      const { challengeId } = await closedWithBids(world.people.firm.cookie);
      const body = { version: await versionOf(challengeId), reason: 'None of the bids fitted the budget we have left.' };
      expect((await api('POST', `/api/challenges/${challengeId}/no-award`, world.people.commissioner.cookie, body)).status).toBe(200);
    },
  };

  const allEvents = async (): Promise<OutboxEvent[]> => {
    const outboxEvents = storedOutboxEvents();
    const lists = await Promise.all((['pending', 'delivered', 'failed'] as const).map((status) => outboxEvents.query.byStatus({ status }).go({ pages: 'all' })));
    return lists.flatMap(({ data }) => data) as unknown as OutboxEvent[];
  };

  /** What the recipient's own pages show them, read as them: who they are, their organisation, its bids, and the challenge and bid the email is about. */
  async function pagesOf(address: string, data: Record<string, unknown>): Promise<unknown[]> {
    const { cookie } = await signedInAs(address);
    const me = await api<{ organisation: { id: string } | null }>('GET', '/api/me', cookie);
    const organisationId = me.body.organisation?.id;
    const paths = [
      '/api/me/invitations',
      ...(organisationId ? [`/api/organisations/${organisationId}`, `/api/organisations/${organisationId}/consortium-invitations`] : []),
      ...(typeof data['challengeId'] === 'string' ? [`/api/challenges/${data['challengeId']}`] : []),
      ...(typeof data['bidId'] === 'string' ? [`/api/bids/${data['bidId']}`] : []),
    ];
    const answers = [me, ...(await Promise.all(paths.map((path) => api('GET', path, cookie))))];
    // The firm's own bids on the challenge, as its dashboard lists them and opens them.
    if (organisationId) {
      const dashboard = await api<{ items: { id: string; challengeId: string }[] }>('GET', `/api/organisations/${organisationId}/bids`, cookie);
      answers.push(dashboard);
      const own = (dashboard.body.items ?? []).filter((item) => item.challengeId === data['challengeId']);
      answers.push(...(await Promise.all(own.flatMap((item) => [api('GET', `/api/bids/${item.id}`, cookie), api('GET', `/api/bids/${item.id}/debrief`, cookie)]))));
    }
    return answers.filter((answer) => answer.status === 200).flatMap((answer) => [...walk(answer.body)]);
  }

  /** The email of this event to this recipient, once it has arrived in the SES stand-in. */
  async function arrived(event: OutboxEvent, recipient: OutboxEvent['recipients'][number]): Promise<InboxEmail> {
    const template = mailTemplates.get(event.type)!;
    const { subject } = template.compose(template.data.parse(event.data), recipient.language, { siteUrl: '' }, recipient.personal);
    return inbox.waitFor((email) => email.subject === subject && recipients(email).includes(recipient.email.toLowerCase()));
  }

  /** Every email of these events arrived, and its recipient's pages show each piece of content it carries. */
  async function judge(events: OutboxEvent[]): Promise<void> {
    for (const event of events) {
      expect(event.status, `${event.type} ${event.eventId}`).not.toBe('failed');
      for (const recipient of event.recipients) {
        const email = await arrived(event, recipient);
        checked.add(email.messageId);
        // An alert or digest quotes the challenges that fit its recipient: each is judged against that challenge's page.
        const { challenges: alerted, ...data } = event.data as { challenges?: Record<string, unknown>[] };
        const quoted = ((recipient.personal?.['matches'] ?? []) as { challenge: number }[]).map(({ challenge }) => alerted![challenge]!);
        for (const challenge of quoted) await seenOnPages(`${event.type} to ${recipient.email}`, recipient.email, challenge);
        await seenOnPages(`${event.type} to ${recipient.email}`, recipient.email, data);
      }
    }
  }

  /** Each piece of content in `data` is on a page its recipient may read (the challenge's or bid's the data names, if any). */
  async function seenOnPages(what: string, address: string, data: Record<string, unknown>): Promise<void> {
    const shown = await pagesOf(address, data);
    const texts = shown.filter((item): item is string => typeof item === 'string');
    for (const [field, value] of Object.entries(data)) {
      // A flag (remote, NDA) is said in words the page puts otherwise; reading the challenge's page at all is the check.
      if (linkOnly.has(field) || typeof value === 'boolean') continue;
      const seen =
        typeof value === 'string'
          ? texts.some((text) => text.includes(value))
          : typeof value === 'number'
            ? (shownAs[field]?.(value, shown) ?? shown.includes(value))
            : Array.isArray(value) && value.every((item) => typeof item === 'string' && texts.includes(item));
      expect(seen, `${what}: its ${field} (${JSON.stringify(value)}) is not on any page they may read`).toBe(true);
    }
  }

  // The marketplace's own emails (its organisations verified) are judged like the walk's.
  beforeAll(async () => {
    await world.deliver();
    await judge(await allEvents());
  });

  for (const type of mailTemplates.keys()) {
    it(`${type}: every email of it tells its recipients only what their own pages show them`, async () => {
      const scenario = scenarios[type];
      expect(scenario, `no scenario produces ${type}: add one to this walk`).toBeDefined();
      const before = new Set((await allEvents()).map((event) => event.eventId));
      await scenario!();
      await world.deliver();
      const events = (await allEvents()).filter((event) => !before.has(event.eventId));
      expect(
        events.map((event) => event.type),
        `the scenario sent no ${type}`,
      ).toContain(type);
      await judge(events);
    });
  }

  it('has no scenario for a kind of email Crossover no longer sends', () => {
    expect(Object.keys(scenarios).filter((type) => !mailTemplates.has(type))).toEqual([]);
  });

  it('accounts for every email that reached the people of this walk', async () => {
    const { commissioner, firm, otherFirm } = world.people;
    for (const address of [commissioner.email, firm.email, otherFirm.email, ...addresses]) {
      for (const email of await inbox.to(address)) expect(checked.has(email.messageId), `${address}: “${email.subject}”`).toBe(true);
    }
  });
});

describe('Emails about an NDA or a firms-only challenge reach only those who may read it', { timeout: 120_000 }, () => {
  const api = <T = Record<string, unknown>>(method: string, path: string, cookie?: string, body?: unknown) =>
    world.api.call<T>(method, path, { cookie, ...(body !== undefined ? { body } : {}) });
  const firm = (name: string) => verifiedOrganisation(world.api, firmRegistration({ name: `${name} ${ulid().slice(-6)}` }), world.people.staff.cookie);
  const suspend = async (organisationId: string) =>
    expect((await api('POST', `/api/staff/organisations/${organisationId}/suspend`, world.people.staff.cookie, { reason: 'Reported for unpaid subcontractors.' })).status).toBe(
      200,
    );
  const titled = (overrides: Partial<CreateChallenge> = {}) =>
    storedChallenge(world.people.commissioner.organisationId, 'published', { title: `Guarded ${ulid().slice(-10)}`, ...overrides });
  /** The subjects of the mail this address got about the challenge with this title. */
  const mailAbout = async (address: string, title: string) => (await inbox.to(address)).filter((email) => email.subject.includes(title));

  it('sends the answer to a question on an NDA challenge only to firms that accepted the NDA: not to a firm that only follows it, nor to one suspended since it accepted', async () => {
    const challenge = await titled({ ndaRequired: true });
    const [asker, follower, suspended] = await Promise.all([firm('Asker'), firm('Follower'), firm('Suspended')]);
    for (const reader of [asker, suspended]) await api('POST', `/api/challenges/${challenge.challengeId}/nda`, reader.cookie);
    for (const reader of [follower, suspended]) await api('PUT', `/api/challenges/${challenge.challengeId}/follow`, reader.cookie);
    const asked = await api<ChallengeAnswer>('POST', `/api/challenges/${challenge.challengeId}/questions`, asker.cookie, { question: 'Is the resident panel ours to recruit?' });
    await suspend(suspended.organisationId);
    const answer = `Yes: the panel is yours ${ulid()}`;
    expect(
      (await api('POST', `/api/challenges/${challenge.challengeId}/questions/${asked.body.questions[0]!.id}/answer`, world.people.commissioner.cookie, { answer })).status,
    ).toBe(200);
    await world.deliver();

    expect((await mailAbout(asker.email, challenge.title)).map((email) => email.body.text ?? '').join()).toContain(answer);
    expect(await mailAbout(follower.email, challenge.title)).toEqual([]);
    expect(await mailAbout(suspended.email, challenge.title)).toEqual([]);
  });

  it('tells a firm that follows an NDA challenge without accepting it of a later deadline but not of added attachments, and nothing when only attachments were added', async () => {
    const challenge = await titled({ ndaRequired: true });
    const [reader, follower] = await Promise.all([firm('Reader'), firm('Follower')]);
    await api('POST', `/api/challenges/${challenge.challengeId}/nda`, reader.cookie);
    for (const each of [reader, follower]) await api('PUT', `/api/challenges/${challenge.challengeId}/follow`, each.cookie);
    const attachment = { title: 'Resident survey', url: 'https://waterschap.example/survey.pdf' };
    const extended = await api<ChallengeAnswer>('POST', `/api/challenges/${challenge.challengeId}/amendments`, world.people.commissioner.cookie, {
      version: challenge.version,
      bidDeadline: daysFromNow(30),
      addAttachments: [attachment],
    });
    await api('POST', `/api/challenges/${challenge.challengeId}/amendments`, world.people.commissioner.cookie, {
      version: extended.body.version,
      addAttachments: [{ ...attachment, title: 'Second survey' }],
    });
    await world.deliver();

    const toReader = await mailAbout(reader.email, challenge.title);
    const toFollower = await mailAbout(follower.email, challenge.title);
    expect(toReader).toHaveLength(2);
    expect(toReader.map((email) => email.body.text ?? '').join()).toContain('1 attachment was added');
    expect(toFollower).toHaveLength(1);
    expect(toFollower[0]!.body.text).not.toContain('attachment');
  });

  it('tells nobody whose firm is suspended that a challenge for verified firms only was cancelled or closes soon', async () => {
    const [drafting, suspended] = await Promise.all([firm('Drafting'), firm('Suspended')]);
    const closingSoon = await titled({ visibility: 'verified_firms', questionDeadline: daysFromNow(0.5), bidDeadline: daysFromNow(1) });
    const cancelled = await titled({ visibility: 'verified_firms' });
    for (const each of [drafting, suspended]) {
      expect((await api('POST', `/api/challenges/${closingSoon.challengeId}/bids`, each.cookie, {})).status).toBe(201);
      await api('PUT', `/api/challenges/${cancelled.challengeId}/follow`, each.cookie);
    }
    await suspend(suspended.organisationId);
    await remindDraftBidders(wiring().bidPorts);
    await api('POST', `/api/challenges/${cancelled.challengeId}/cancel`, world.people.commissioner.cookie, { version: cancelled.version, reason: 'The council froze the budget.' });
    await world.deliver();

    expect(await mailAbout(drafting.email, closingSoon.title)).toHaveLength(1);
    expect(await mailAbout(drafting.email, cancelled.title)).toHaveLength(1);
    expect(await mailAbout(suspended.email, closingSoon.title)).toEqual([]);
    expect(await mailAbout(suspended.email, cancelled.title)).toEqual([]);
  });

  it('tells a consortium partner suspended since it confirmed nothing of the outcome, as its bid page no longer shows it the bid', async () => {
    const challenge = await titled();
    const partner = await firm('Partner');
    const { firm: lead, commissioner } = world.people;
    const draft = (await api<Bid>('POST', `/api/challenges/${challenge.challengeId}/bids`, lead.cookie, bidContent(challenge.criteria.length, 'consortium'))).body;
    const invited = (
      await api<Bid>('POST', `/api/bids/${draft.id}/partners`, lead.cookie, {
        version: draft.version,
        organisationId: partner.organisationId,
        role: 'Sound design',
        sharePercent: 20,
      })
    ).body;
    await api('POST', `/api/bids/${draft.id}/partners/${partner.organisationId}/confirm`, partner.cookie);
    const current = (await api<Bid>('GET', `/api/bids/${invited.id}`, lead.cookie)).body;
    expect((await api('POST', `/api/bids/${draft.id}/submit`, lead.cookie, { version: current.version })).status).toBe(200);
    await passDeadline(challenge.challengeId);
    await suspend(partner.organisationId);
    expect((await api('POST', `/api/challenges/${challenge.challengeId}/bids/${draft.id}/shortlist`, commissioner.cookie)).status).toBe(200);
    await world.deliver();

    expect((await mailAbout(lead.email, challenge.title)).map((email) => email.subject)).toContainEqual(expect.stringContaining('shortlist'));
    // It was invited, and told of nothing after that.
    expect((await mailAbout(partner.email, challenge.title)).map((email) => email.subject)).toEqual([expect.stringContaining('invites you')]);
  });
});
