import { describe, expect, it } from 'vitest';
import type { PersonalInvitation } from '#shared/organisation.ts';
import { invitationEntity } from '#functions/data/invitation.entity.ts';
import { secondsUntilTomorrow } from '#functions/domain/daily-allowance.ts';
import { inviteMember } from '#functions/domain/organisations/invite-member.ts';
import { wiring } from '#functions/wiring.ts';
import { signedInAs, uniqueEmail } from '../helpers/api.ts';
import { useMarketplace, verifiedOrganisation, type Problem } from '../helpers/challenges.ts';
import { createInbox, recipients, type InboxEmail } from '../helpers/inbox.ts';
import { firmRegistration, registeredBy } from '../helpers/organisations.ts';
import { testDocumentClient, storedUsers } from '../helpers/stored-items.ts';

type Owner = Awaited<ReturnType<typeof registeredBy>>;
const codeIn = (email: InboxEmail) => /\b(\d{6})\b/.exec(email.subject)?.[1] ?? '';

/**
 * Issue 10, items 2 and 3: an invitation is an email from Crossover's domain, so only a verified
 * organisation sends one, an open invitation is never sent twice and each organisation sends a
 * daily number at most; the invited person decides, after signing in, whether to join, and a
 * member can leave.
 */
describe('Member invitations: who may send them, how many, and the invited person’s choice', { timeout: 120_000 }, () => {
  const world = useMarketplace();
  const inbox = createInbox();

  const invite = (owner: { organisationId: string; cookie: string }, email: string) =>
    world.api.call<{ invitations: { email: string; invitedAt: string }[] } & Problem>('POST', `/api/organisations/${owner.organisationId}/invitations`, {
      body: { email },
      cookie: owner.cookie,
    });
  const verifiedFirm = (name: string) => verifiedOrganisation(world.api, firmRegistration({ name }), world.people.staff.cookie);
  const invitationsOf = (cookie: string) => world.api.call<{ items: PersonalInvitation[] }>('GET', '/api/me/invitations', { cookie });
  const accept = (organisationId: string, cookie: string) => world.api.call<Problem & { id: string }>('POST', `/api/me/invitations/${organisationId}/accept`, { cookie });
  const membershipOf = async (cookie: string) => (await world.api.call<{ organisation: { id: string; role: string } | null }>('GET', '/api/me', { cookie })).body.organisation;

  /** An invited person who has signed in (an account and a session), not yet a member of anything. */
  async function invitedPerson(owner: Owner, who: string) {
    const email = uniqueEmail(who);
    expect((await invite(owner, email)).status).toBe(201);
    return { email, ...(await signedInAs(email)) };
  }

  describe('sending', () => {
    it('refuses a pending organisation’s owner: 403 problem+json saying why, no invitation and no email', async () => {
      const pending: Owner = await registeredBy(world.api, firmRegistration({ name: 'Wachtkamer' }));
      const target = uniqueEmail('target');

      const answer = await invite(pending, target);
      await world.deliver();

      expect(answer.status).toBe(403);
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(answer.body.detail).toMatch(/waiting for verification/);
      expect(await inbox.to(target)).toEqual([]);
      expect(await wiring().organisationPorts.store.invitationsFor(target)).toEqual([]);
    });

    it('refuses (409, naming the status) an organisation suspended after it was read: the invitation’s transaction checks it is verified', async () => {
      const owner = await verifiedFirm('Geschorst Ontwerp');
      const store = wiring().organisationPorts.store;
      const readBeforeSuspension = await store.organisation(owner.organisationId);
      await world.api.call('POST', `/api/staff/organisations/${owner.organisationId}/suspend`, { body: { reason: 'Complaints about spam.' }, cookie: world.people.staff.cookie });
      const target = uniqueEmail('after-suspension');

      const late = inviteMember(owner.organisationId, { userId: owner.userId, email: owner.email, language: 'en' }, target, {
        ...wiring().organisationPorts,
        store: { ...store, organisation: async (id) => (id === owner.organisationId ? readBeforeSuspension : store.organisation(id)) },
      });

      await expect(late).rejects.toMatchObject({ kind: 'conflict', message: expect.stringMatching(/only a verified organisation/) });
      await world.deliver();
      expect(await inbox.to(target)).toEqual([]);
    });

    it('sends an open invitation once: inviting the address again, even 5 times at once, answers 201 with the same invitation and sends no second email', async () => {
      const owner = await verifiedFirm('Eenmalig');
      const invitee = uniqueEmail('once');
      const first = await invite(owner, invitee);

      const again = await Promise.all(Array.from({ length: 5 }, () => invite(owner, invitee.toUpperCase())));
      await world.deliver();
      await world.deliver();

      expect(first.status).toBe(201);
      expect(again.map((answer) => answer.status)).toEqual([201, 201, 201, 201, 201]);
      for (const answer of again) expect(answer.body.invitations).toEqual(first.body.invitations);
      expect(await inbox.to(invitee)).toHaveLength(1);
    });

    it('sends at most 20 invitations per organisation per day: of 30 at once to different addresses exactly 20 get 201 and 20 emails, the rest 429 with Retry-After at midnight UTC', async () => {
      const owner = await verifiedFirm('Veelzender');
      const cap = wiring().config.MEMBER_INVITATIONS_PER_ORGANISATION_PER_DAY;
      const addresses = Array.from({ length: 30 }, (_, index) => uniqueEmail(`burst${index}`));

      const answers = await Promise.all(addresses.map((address) => invite(owner, address)));
      await world.deliver();
      await world.deliver();

      const refused = answers.filter((answer) => answer.status === 429);
      expect(cap).toBe(20);
      expect(answers.filter((answer) => answer.status === 201)).toHaveLength(cap);
      expect(refused).toHaveLength(30 - cap);
      for (const answer of refused) {
        expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(answer.body.detail).toMatch(/20 invitations today/);
        const retryAfter = Number(answer.headers.get('retry-after'));
        expect(Math.abs(retryAfter - secondsUntilTomorrow(new Date()))).toBeLessThan(60);
      }
      const mailed = (await Promise.all(addresses.map((address) => inbox.to(address)))).flat();
      expect(mailed).toHaveLength(cap);
      const listed = await world.api.call<{ invitations: unknown[] }>('GET', `/api/organisations/${owner.organisationId}/members`, { cookie: owner.cookie });
      expect(listed.body.invitations).toHaveLength(cap);
      // Another organisation's allowance is its own.
      expect((await invite(await verifiedFirm('Buurman'), uniqueEmail('neighbour'))).status).toBe(201);
    });
  });

  describe('the invited person decides', () => {
    it('signing in joins nothing: the invited person sees the invitation with the organisation’s name, KvK number, kind and status, who invited and until when', async () => {
      const owner = await verifiedFirm('Pixelhaven');
      await storedUsers().patch({ userId: owner.userId }).set({ name: 'Ravi Kumar' }).go();
      const email = uniqueEmail('invitee');
      const invited = await invite(owner, email);

      await world.api.call('POST', '/api/auth/code', { body: { email } });
      const code = codeIn(await inbox.waitFor((mail) => recipients(mail).includes(email) && /\b\d{6}\b/.test(mail.subject)));
      const signedIn = await world.api.call<{ organisation: unknown }>('POST', '/api/auth/verify', { body: { email, code } });
      const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0]!;
      const listed = await invitationsOf(cookie);

      expect(signedIn.status).toBe(200);
      expect(signedIn.body.organisation).toBeNull();
      expect(await membershipOf(cookie)).toBeNull();
      expect(listed.status).toBe(200);
      const invitedAt = invited.body.invitations[0]!.invitedAt;
      expect(listed.body.items).toEqual([
        {
          organisation: { id: owner.organisationId, name: 'Pixelhaven', kvkNumber: owner.organisation.kvkNumber, kind: 'creative', status: 'verified' },
          invitedBy: { name: 'Ravi Kumar', email: owner.email },
          invitedAt,
          expiresAt: new Date(Date.parse(invitedAt) + 30 * 24 * 60 * 60 * 1000).toISOString().replace(/\.\d{3}Z$/, '.000Z'),
        },
      ]);
    });

    it('accepting joins the organisation as a member in one step and uses the invitation up; the owner sees the member', async () => {
      const owner = await verifiedFirm('Draadwerk');
      const person = await invitedPerson(owner, 'joiner');

      const accepted = await accept(owner.organisationId, person.cookie);
      const again = await accept(owner.organisationId, person.cookie);

      expect(accepted.status).toBe(200);
      expect(accepted.body).toMatchObject({ id: owner.organisationId, name: 'Draadwerk', status: 'verified' });
      expect(await membershipOf(person.cookie)).toMatchObject({ id: owner.organisationId, role: 'member' });
      expect((await invitationsOf(person.cookie)).body.items).toEqual([]);
      expect(again.status).toBe(404);
      const members = await world.api.call<{ members: { userId: string; role: string }[]; invitations: unknown[] }>('GET', `/api/organisations/${owner.organisationId}/members`, {
        cookie: owner.cookie,
      });
      expect(members.body.members.map(({ userId, role }) => [userId, role])).toEqual([
        [owner.userId, 'owner'],
        [person.userId, 'member'],
      ]);
      expect(members.body.invitations).toEqual([]);
    });

    it('refuses to accept: 409 for a person who belongs to an organisation, 404 without an invitation or after it lapsed, 409 once the organisation is suspended', async () => {
      const owner = await verifiedFirm('Weigeraar');
      const busy = await verifiedFirm('Al Bezet');
      await invite(owner, busy.email);
      const stranger = await signedInAs(uniqueEmail('stranger'));
      const lapsing = await invitedPerson(owner, 'lapsing');
      // Lapsed a second ago; DynamoDB's TTL may not have removed it yet.
      await invitationEntity(testDocumentClient(), wiring().config.TABLE_NAME)
        .patch({ email: lapsing.email, organisationId: owner.organisationId })
        .set({ expiresAt: Math.floor(Date.now() / 1000) - 1 })
        .go();
      const suspendedOwner = await verifiedFirm('Geschorst');
      const late = await invitedPerson(suspendedOwner, 'late');
      await world.api.call('POST', `/api/staff/organisations/${suspendedOwner.organisationId}/suspend`, {
        body: { reason: 'Under investigation.' },
        cookie: world.people.staff.cookie,
      });

      const hasOrganisation = await accept(owner.organisationId, busy.cookie);
      const uninvited = await accept(owner.organisationId, stranger.cookie);
      const lapsed = await accept(owner.organisationId, lapsing.cookie);
      const suspended = await accept(suspendedOwner.organisationId, late.cookie);

      expect(hasOrganisation.status).toBe(409);
      expect(hasOrganisation.body.detail).toMatch(/belong to an organisation already/);
      expect(await membershipOf(busy.cookie)).toMatchObject({ id: busy.organisationId, role: 'owner' });
      expect(uninvited.status).toBe(404);
      expect(lapsed.status).toBe(404);
      expect((await invitationsOf(lapsing.cookie)).body.items).toEqual([]);
      expect(suspended.status).toBe(409);
      expect(suspended.body.detail).toMatch(/suspended/);
      expect(await membershipOf(late.cookie)).toBeNull();
    });

    it('joins exactly one organisation when a person accepts two invitations at once', async () => {
      const [first, second] = await Promise.all([verifiedFirm('Eerste'), verifiedFirm('Tweede')]);
      const email = uniqueEmail('torn');
      await invite(first, email);
      await invite(second, email);
      const person = await signedInAs(email);

      const answers = await Promise.all([accept(first.organisationId, person.cookie), accept(second.organisationId, person.cookie)]);

      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
      const joined = answers.find((answer) => answer.status === 200)!.body.id;
      expect(await membershipOf(person.cookie)).toMatchObject({ id: joined, role: 'member' });
    });

    it('declining deletes the invitation: the organisation no longer lists it and it cannot be accepted (404)', async () => {
      const owner = await verifiedFirm('Nee Dank');
      const person = await invitedPerson(owner, 'decliner');

      const declined = await world.api.call('POST', `/api/me/invitations/${owner.organisationId}/decline`, { cookie: person.cookie });
      const twice = await world.api.call('POST', `/api/me/invitations/${owner.organisationId}/decline`, { cookie: person.cookie });

      expect(declined.status).toBe(204);
      expect(twice.status).toBe(404);
      expect((await invitationsOf(person.cookie)).body.items).toEqual([]);
      expect((await accept(owner.organisationId, person.cookie)).status).toBe(404);
      const members = await world.api.call<{ invitations: unknown[] }>('GET', `/api/organisations/${owner.organisationId}/members`, { cookie: owner.cookie });
      expect(members.body.invitations).toEqual([]);
    });
  });

  describe('leaving', () => {
    it('lets a member leave (204), after which they lose access at once and may join another; the owner cannot leave (409 saying so)', async () => {
      const owner = await verifiedFirm('Vertrekhal');
      const member = await invitedPerson(owner, 'leaver');
      await accept(owner.organisationId, member.cookie);
      const next = await verifiedFirm('Volgende');
      await invite(next, member.email);

      const left = await world.api.call('POST', `/api/organisations/${owner.organisationId}/leave`, { cookie: member.cookie });
      const ownerLeaves = await world.api.call<Problem>('POST', `/api/organisations/${owner.organisationId}/leave`, { cookie: owner.cookie });

      expect(left.status).toBe(204);
      expect(await membershipOf(member.cookie)).toBeNull();
      expect((await world.api.call('GET', `/api/organisations/${owner.organisationId}`, { cookie: member.cookie })).status).toBe(404);
      expect((await world.api.call('POST', `/api/organisations/${owner.organisationId}/leave`, { cookie: member.cookie })).status).toBe(404);
      expect(ownerLeaves.status).toBe(409);
      expect(ownerLeaves.body.detail).toMatch(/cannot leave/);
      expect(await membershipOf(owner.cookie)).toMatchObject({ id: owner.organisationId, role: 'owner' });
      expect((await accept(next.organisationId, member.cookie)).status).toBe(200);
    });
  });
});
