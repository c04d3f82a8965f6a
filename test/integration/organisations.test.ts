import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegisterOrganisation } from '#shared/organisation.ts';
import { acceptInvitation } from '#functions/domain/organisations/personal-invitations.ts';
import { updateOrganisation } from '#functions/domain/organisations/update-organisation.ts';
import { wiring } from '#functions/wiring.ts';
import { signedInAs, startTestApi, uniqueEmail, type TestApi } from '../helpers/api.ts';
import { createInbox } from '../helpers/inbox.ts';
import { commissionerRegistration, firmRegistration, outboxDelivery, registeredBy } from '../helpers/organisations.ts';
import { createTestTable } from '../helpers/table.ts';
import { storedUsers } from '../helpers/stored-items.ts';

type Problem = { status: number; detail?: string; errors?: { field: string; message: string }[] };
const fieldsOf = (body: unknown) => ((body as Problem).errors ?? []).map((error) => error.field);

describe('Organisations: registration, the profile and its members', () => {
  const inbox = createInbox();
  let api: TestApi;
  let deliver: () => Promise<number>;

  beforeAll(async () => {
    const { tableName } = await createTestTable();
    api = await startTestApi();
    deliver = outboxDelivery(tableName);
  });
  afterAll(() => api?.stop());

  describe('registering', () => {
    it('makes a pending organisation at version 1 with the registering person as its owner', async () => {
      const { organisationId, organisation, cookie } = await registeredBy(api, firmRegistration({ name: 'Studio Noord' }));

      expect(organisation).toMatchObject({ kind: 'creative', name: 'Studio Noord', status: 'pending', version: 1 });
      const me = await api.call<{ organisation: unknown }>('GET', '/api/me', { cookie });
      expect(me.body.organisation).toEqual({ id: organisationId, name: 'Studio Noord', kind: 'creative', status: 'pending', role: 'owner' });
      expect((await api.call('GET', `/api/organisations/${organisationId}`, { cookie })).body).toEqual(organisation);
    });

    it('refuses a person who already belongs to an organisation (409)', async () => {
      const { cookie } = await registeredBy(api, commissionerRegistration());

      const registration = commissionerRegistration();
      const second = await api.call('POST', '/api/organisations', { body: registration, cookie });

      expect(second.status).toBe(409);
      expect((second.body as Problem).detail).toBe('You already belong to an organisation.');
      // Nothing of the refused registration stays behind: its KvK number is still free.
      expect((await registeredBy(api, registration)).organisation.kvkNumber).toBe(registration.kvkNumber);
    });

    it('refuses a KvK number that is taken (409 naming body.kvkNumber) and writes nothing of the second registration', async () => {
      const first = await registeredBy(api, commissionerRegistration());
      const { kvkNumber } = (await api.call<{ kvkNumber: string }>('GET', `/api/organisations/${first.organisationId}`, { cookie: first.cookie })).body;
      const latecomer = await signedInAs(uniqueEmail('latecomer'));

      const answer = await api.call('POST', '/api/organisations', { body: firmRegistration({ kvkNumber }), cookie: latecomer.cookie });

      expect(answer.status).toBe(409);
      expect(fieldsOf(answer.body)).toEqual(['body.kvkNumber']);
      expect((await api.call<{ organisation: unknown }>('GET', '/api/me', { cookie: latecomer.cookie })).body.organisation).toBeNull();
      const pending = await wiring().organisationPorts.store.byStatus('pending', { limit: 100 });
      expect(pending.items.filter((organisation) => organisation.kvkNumber === kvkNumber)).toHaveLength(1);
    });

    it('names every invalid field (422) and asks anonymous callers to sign in (401)', async () => {
      const { cookie } = await signedInAs(uniqueEmail('careless'));

      const answer = await api.call('POST', '/api/organisations', {
        body: firmRegistration({ kvkNumber: '1234', municipality: 'GM9999', disciplines: [] }),
        cookie,
      });
      const anonymous = await api.call('POST', '/api/organisations', { body: firmRegistration() });

      expect(answer.status).toBe(422);
      expect(fieldsOf(answer.body).sort()).toEqual(['body.disciplines', 'body.kvkNumber', 'body.municipality']);
      expect(anonymous.status).toBe(401);
    });
  });

  describe('editing', () => {
    it('lets the owner change fields, raising the version, and keeps the KvK number', async () => {
      const { organisationId, organisation, cookie } = await registeredBy(api, firmRegistration());

      const answer = await api.call('PATCH', `/api/organisations/${organisationId}`, {
        body: { kind: 'creative', version: 1, name: 'Studio Noord-West', sectorsServed: [] },
        cookie,
      });

      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ name: 'Studio Noord-West', sectorsServed: [], version: 2, kvkNumber: organisation.kvkNumber });
      expect((await api.call('GET', `/api/organisations/${organisationId}`, { cookie })).body).toEqual(answer.body);
    });

    it('refuses an edit made on a stale version (409), a change of kind (422 body.kind) and a KvK number (422)', async () => {
      const { organisationId, cookie } = await registeredBy(api, commissionerRegistration());
      await api.call('PATCH', `/api/organisations/${organisationId}`, { body: { kind: 'commissioner', version: 1, sizeBand: '50-249' }, cookie });

      const stale = await api.call('PATCH', `/api/organisations/${organisationId}`, { body: { kind: 'commissioner', version: 1, name: 'Overwritten' }, cookie });
      const kind = await api.call('PATCH', `/api/organisations/${organisationId}`, { body: { kind: 'creative', version: 2 }, cookie });
      const kvk = await api.call('PATCH', `/api/organisations/${organisationId}`, { body: { kind: 'commissioner', version: 2, kvkNumber: '12345678' }, cookie });

      expect(stale.status).toBe(409);
      expect(fieldsOf(stale.body)).toEqual(['body.version']);
      expect(kind.status).toBe(422);
      expect(fieldsOf(kind.body)).toEqual(['body.kind']);
      expect(kvk.status).toBe(422);
      expect((await api.call('GET', `/api/organisations/${organisationId}`, { cookie })).body).toMatchObject({ name: 'Gemeente Havenstad', sizeBand: '50-249', version: 2 });
    });

    it('refuses (409) an edit whose version was current when read but was overtaken before the write', async () => {
      const { organisationId, cookie } = await registeredBy(api, commissionerRegistration());
      const { store } = wiring().organisationPorts;
      const readBeforeTheOtherEdit = await store.organisation(organisationId);
      await api.call('PATCH', `/api/organisations/${organisationId}`, { body: { kind: 'commissioner', version: 1, name: 'First' }, cookie });

      const late = updateOrganisation(organisationId, { kind: 'commissioner', version: 1, name: 'Second' }, { ...store, organisation: async () => readBeforeTheOtherEdit });

      await expect(late).rejects.toMatchObject({ kind: 'conflict', field: 'body.version' });
      expect(await store.organisation(organisationId)).toMatchObject({ name: 'First', version: 2 });
    });
  });

  describe('members and invitations', () => {
    /** A verified organisation's owner: only a verified organisation invites. */
    async function verifiedBy(registration: RegisterOrganisation) {
      const owner = await registeredBy(api, registration);
      const staff = await signedInAs(wiring().config.STAFF_EMAILS[0]!);
      expect((await api.call('POST', `/api/staff/organisations/${owner.organisationId}/verify`, { cookie: staff.cookie })).status).toBe(200);
      return owner;
    }
    const accept = (organisationId: string, cookie: string) => api.call('POST', `/api/me/invitations/${organisationId}/accept`, { cookie });

    it('invites by email in the inviter’s language, once; the invitee joins by accepting and the invitation is used up', async () => {
      const owner = await verifiedBy(firmRegistration({ name: 'Pixelhaven' }));
      await storedUsers().patch({ userId: owner.userId }).set({ language: 'nl', name: 'Ravi Kumar' }).go();
      const invitee = uniqueEmail('colleague');

      const invited = await api.call('POST', `/api/organisations/${owner.organisationId}/invitations`, { body: { email: invitee }, cookie: owner.cookie });
      await deliver();
      await deliver();

      expect(invited.status).toBe(201);
      expect(invited.body).toMatchObject({ members: [{ userId: owner.userId, role: 'owner' }], invitations: [{ email: invitee }] });
      const mails = await inbox.to(invitee);
      expect(mails).toHaveLength(1);
      expect(mails[0]?.subject).toBe('Ravi Kumar nodigt u uit voor Pixelhaven op Crossover');
      expect(mails[0]?.body.text).toContain(`(${invitee})`);
      expect(mails[0]?.body.text).toContain('http://localhost:3000/sign-in');

      const colleague = await signedInAs(invitee);
      expect((await accept(owner.organisationId, colleague.cookie)).status).toBe(200);

      const members = await api.call('GET', `/api/organisations/${owner.organisationId}/members`, { cookie: colleague.cookie });
      expect(members.status).toBe(200);
      expect(members.body).toEqual({
        members: [
          { userId: owner.userId, email: owner.email, name: 'Ravi Kumar', role: 'owner' },
          { userId: colleague.userId, email: invitee, role: 'member' },
        ],
        invitations: [],
      });
    });

    it('keeps an open invitation as it is when sent again, and refuses to invite a member (409 naming body.email)', async () => {
      const owner = await verifiedBy(commissionerRegistration());
      const invitee = uniqueEmail('twice');
      const first = await api.call<{ invitations: { invitedAt: string }[] }>('POST', `/api/organisations/${owner.organisationId}/invitations`, {
        body: { email: invitee },
        cookie: owner.cookie,
      });

      const again = await api.call<{ invitations: { invitedAt: string }[] }>('POST', `/api/organisations/${owner.organisationId}/invitations`, {
        body: { email: invitee.toUpperCase() },
        cookie: owner.cookie,
      });
      const self = await api.call('POST', `/api/organisations/${owner.organisationId}/invitations`, { body: { email: owner.email }, cookie: owner.cookie });

      expect(again.status).toBe(201);
      expect(again.body.invitations).toEqual(first.body.invitations);
      expect(self.status).toBe(409);
      expect(fieldsOf(self.body)).toEqual(['body.email']);
    });

    it('lets an invitation lapse after 30 days: accepting it later is refused (404) and joins nothing', async () => {
      const owner = await verifiedBy(commissionerRegistration());
      const email = uniqueEmail('late');
      await api.call('POST', `/api/organisations/${owner.organisationId}/invitations`, { body: { email }, cookie: owner.cookie });
      const late = await signedInAs(email);
      const in31Days = new Date(Date.now() + 31 * 24 * 60 * 60 * 1000);

      const accepting = acceptInvitation({ userId: late.userId, email }, owner.organisationId, { ...wiring().organisationPorts, now: () => in31Days });

      await expect(accepting).rejects.toMatchObject({ kind: 'notFound' });
      expect((await wiring().organisationPorts.store.person(late.userId))?.organisationId).toBeUndefined();
    });

    it('lets the owner remove a member, who loses access at once; never the owner (409); a stranger is not found (404)', async () => {
      const owner = await verifiedBy(firmRegistration());
      const email = uniqueEmail('leaving');
      await api.call('POST', `/api/organisations/${owner.organisationId}/invitations`, { body: { email }, cookie: owner.cookie });
      const member = await signedInAs(email);
      await accept(owner.organisationId, member.cookie);
      const stranger = await signedInAs(uniqueEmail('stranger'));
      expect((await api.call('GET', `/api/organisations/${owner.organisationId}`, { cookie: member.cookie })).status).toBe(200);
      expect((await api.call('POST', `/api/organisations/${owner.organisationId}/invitations`, { body: { email: uniqueEmail('x') }, cookie: member.cookie })).status).toBe(404);

      const removed = await api.call('DELETE', `/api/organisations/${owner.organisationId}/members/${member.userId}`, { cookie: owner.cookie });
      const ownerItself = await api.call('DELETE', `/api/organisations/${owner.organisationId}/members/${owner.userId}`, { cookie: owner.cookie });
      const notAMember = await api.call('DELETE', `/api/organisations/${owner.organisationId}/members/${stranger.userId}`, { cookie: owner.cookie });

      expect(removed.status).toBe(204);
      expect((await api.call('GET', `/api/organisations/${owner.organisationId}`, { cookie: member.cookie })).status).toBe(404);
      expect((await api.call<{ organisation: unknown }>('GET', '/api/me', { cookie: member.cookie })).body.organisation).toBeNull();
      expect(ownerItself.status).toBe(409);
      expect(notAMember.status).toBe(404);
      expect((await api.call<{ members: unknown[] }>('GET', `/api/organisations/${owner.organisationId}/members`, { cookie: owner.cookie })).body.members).toHaveLength(1);
    });
  });
});
