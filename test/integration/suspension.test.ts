import { describe, expect, it } from 'vitest';
import { wiring } from '#functions/wiring.ts';
import { bidContent, passDeadline } from '../helpers/bids.ts';
import { storedChallenge, useMarketplace, verifiedOrganisation, type Problem } from '../helpers/challenges.ts';
import { signedInAs, uniqueEmail } from '../helpers/api.ts';
import { createInbox } from '../helpers/inbox.ts';
import { commissionerRegistration, firmRegistration, registeredBy } from '../helpers/organisations.ts';
import { storedUsers } from '../helpers/stored-items.ts';

type Organisation = { id: string; status: string; statusReason?: string; version: number; kvkNumber: string };

// One table and marketplace for the file: the wiring reads the table's name once.
const world = useMarketplace();
const inbox = createInbox();
const staffCall = (organisationId: string, action: string, reason?: string) =>
  world.api.call<Organisation & Problem>('POST', `/api/staff/organisations/${organisationId}/${action}`, {
    cookie: world.people.staff.cookie,
    ...(reason ? { body: { reason } } : {}),
  });

describe('Suspension: a suspended organisation changes nothing, its sessions end and it sees no one else’s data', () => {
  const suspend = (organisationId: string) => staffCall(organisationId, 'suspend', 'Complaints about unpaid subcontractors.');

  it('ends every session of every member at once, however many: their old cookies get 401, while others stay signed in', async () => {
    const owner = await verifiedOrganisation(world.api, firmRegistration({ name: 'Sessie Studio' }), world.people.staff.cookie);
    const colleague = await signedInAs(uniqueEmail('colleague'));
    await storedUsers().patch({ userId: colleague.userId }).set({ organisationId: owner.organisationId, role: 'member' }).go();
    // More sessions than one page of the session query holds, so every page must be read.
    const devices = await Promise.all(Array.from({ length: 30 }, () => signedInAs(owner.email)));
    expect((await world.api.call('GET', '/api/me', { cookie: colleague.cookie })).status).toBe(200);

    expect((await suspend(owner.organisationId)).status).toBe(200);

    const cookies = [owner.cookie, colleague.cookie, ...devices.map((device) => device.cookie)];
    expect(await Promise.all(cookies.map(async (cookie) => (await world.api.call('GET', '/api/me', { cookie })).status))).toEqual(cookies.map(() => 401));
    expect((await world.api.call('GET', '/api/me', { cookie: world.people.firm.cookie })).status).toBe(200);
  });

  it('lets a suspended firm’s owner sign in again and read their own data (not an NDA brief), but refuses every change with 403 naming the status', async () => {
    const owner = await verifiedOrganisation(world.api, firmRegistration({ name: 'Leesrecht' }), world.people.staff.cookie);
    const challenge = await storedChallenge(world.people.commissioner.organisationId, 'published');
    const bid = await world.api.call<{ id: string; version: number }>('POST', `/api/challenges/${challenge.challengeId}/bids`, {
      cookie: owner.cookie,
      body: bidContent(challenge.criteria.length),
    });
    expect(bid.status).toBe(201);
    const confidential = await storedChallenge(world.people.commissioner.organisationId, 'published', { ndaRequired: true });
    expect((await world.api.call('POST', `/api/challenges/${confidential.challengeId}/nda`, { cookie: owner.cookie })).body).toMatchObject({ briefAccess: 'full' });
    await suspend(owner.organisationId);
    const { cookie } = await signedInAs(owner.email);
    const organisationPath = `/api/organisations/${owner.organisationId}`;

    expect((await world.api.call('GET', '/api/me', { cookie })).body).toMatchObject({ organisation: { id: owner.organisationId, status: 'suspended' } });
    expect((await world.api.call('GET', organisationPath, { cookie })).body).toMatchObject({ status: 'suspended', statusReason: 'Complaints about unpaid subcontractors.' });
    expect((await world.api.call('GET', `${organisationPath}/bids`, { cookie })).status).toBe(200);
    expect((await world.api.call('GET', `/api/bids/${bid.body.id}`, { cookie })).status).toBe(200);
    expect((await world.api.call('GET', '/api/me/export', { cookie })).status).toBe(200);
    // Another organisation's confidential brief is not its own data: the NDA it accepted no longer opens it.
    expect((await world.api.call('GET', `/api/challenges/${confidential.challengeId}`, { cookie })).body).toMatchObject({ briefAccess: 'nda' });

    const changes = [
      world.api.call('PATCH', organisationPath, { cookie, body: { kind: 'creative', version: 3, description: 'We are still here, honestly.' } }),
      world.api.call('POST', `${organisationPath}/invitations`, { cookie, body: { email: uniqueEmail('friend') } }),
      world.api.call('PATCH', `/api/bids/${bid.body.id}`, { cookie, body: { version: bid.body.version, timeline: 'Six weeks.' } }),
      world.api.call('POST', `/api/challenges/${challenge.challengeId}/questions`, { cookie, body: { question: 'Is the deadline firm?' } }),
      world.api.call('PUT', `/api/challenges/${challenge.challengeId}/follow`, { cookie }),
    ];
    for (const answer of await Promise.all(changes)) {
      expect(answer.status).toBe(403);
      expect((answer.body as Problem).detail).toContain('Leesrecht is suspended');
    }
    // Nor can the owner slip out of the suspension under a new registration: they belong to one already.
    const elsewhere = await world.api.call('POST', '/api/organisations', { cookie, body: firmRegistration() });
    expect(elsewhere.status).toBe(409);
    expect((elsewhere.body as Problem).detail).toBe('You already belong to an organisation.');
    expect((await world.api.call('GET', organisationPath, { cookie })).body).toMatchObject({ version: 3, status: 'suspended' });
    expect((await world.api.call('PATCH', '/api/me', { cookie, body: { name: 'Sanne' } })).status).toBe(200);
    expect((await world.api.call('POST', '/api/auth/logout', { cookie })).status).toBe(204);
  });

  it('shows a suspended commissioner no sealed bid, bid list or evaluation, though it still reads its own challenge', async () => {
    const commissioner = await verifiedOrganisation(world.api, commissionerRegistration({ name: 'Gemeente Schorsing' }), world.people.staff.cookie);
    const challenge = await storedChallenge(commissioner.organisationId, 'published');
    const { cookie: firm } = world.people.firm;
    const bid = await world.api.call<{ id: string; version: number }>('POST', `/api/challenges/${challenge.challengeId}/bids`, {
      cookie: firm,
      body: bidContent(challenge.criteria.length),
    });
    expect((await world.api.call('POST', `/api/bids/${bid.body.id}/submit`, { cookie: firm, body: { version: bid.body.version } })).status).toBe(200);
    await passDeadline(challenge.challengeId);
    expect((await world.api.call('GET', `/api/bids/${bid.body.id}`, { cookie: commissioner.cookie })).status).toBe(200);

    await suspend(commissioner.organisationId);
    const { cookie } = await signedInAs(commissioner.email);

    expect((await world.api.call('GET', `/api/bids/${bid.body.id}`, { cookie })).status).toBe(404);
    expect((await world.api.call('GET', `/api/challenges/${challenge.challengeId}/bids`, { cookie })).status).toBe(404);
    expect((await world.api.call('GET', `/api/challenges/${challenge.challengeId}/evaluation`, { cookie })).status).toBe(404);
    expect((await world.api.call('GET', `/api/challenges/${challenge.challengeId}`, { cookie })).status).toBe(200);
    expect((await world.api.call('GET', `/api/bids/${bid.body.id}`, { cookie: firm })).status).toBe(200);
  });

  it('lifting a suspension lists the firm in the directory again and lets its members change things', async () => {
    const owner = await verifiedOrganisation(world.api, firmRegistration({ name: 'Terug Studio' }), world.people.staff.cookie);
    await suspend(owner.organisationId);
    expect((await world.api.call('GET', `/api/firms/${owner.organisationId}`)).status).toBe(404);

    expect((await staffCall(owner.organisationId, 'verify')).body).toMatchObject({ status: 'verified' });
    const { cookie } = await signedInAs(owner.email);

    expect((await world.api.call('GET', `/api/firms/${owner.organisationId}`)).status).toBe(200);
    const edited = await world.api.call('PATCH', `/api/organisations/${owner.organisationId}`, {
      cookie,
      body: { kind: 'creative', version: 4, description: 'Back at work after the suspension.' },
    });
    expect(edited.status).toBe(200);
  });

  it('lets a pending organisation’s owner correct the registration but not invite anyone (403 naming the status)', async () => {
    const owner = await registeredBy(world.api, commissionerRegistration({ name: 'Wachtkamer BV' }));
    const path = `/api/organisations/${owner.organisationId}`;

    expect((await world.api.call('PATCH', path, { cookie: owner.cookie, body: { kind: 'commissioner', version: 1, website: 'https://wachtkamer.example' } })).status).toBe(200);
    const invited = await world.api.call<Problem>('POST', `${path}/invitations`, { cookie: owner.cookie, body: { email: uniqueEmail('colleague') } });
    expect(invited.status).toBe(403);
    expect(invited.body.detail).toContain('Wachtkamer BV is waiting for verification');
  });
});

describe('KvK numbers: a rejected or disputed registration frees its number for the rightful company', () => {
  const register = (cookie: string, registration: ReturnType<typeof firmRegistration>) =>
    world.api.call<Organisation & Problem>('POST', '/api/organisations', { cookie, body: registration });

  it('rejection frees the number for the rightful company and the rejected owner to register anew; the rejected organisation stays as a record', async () => {
    const registration = firmRegistration({ name: 'Kaper BV' });
    const squatter = await registeredBy(world.api, registration);
    expect((await staffCall(squatter.organisationId, 'reject', 'This KvK number belongs to another company.')).status).toBe(200);

    const rightful = await signedInAs(uniqueEmail('rightful'));
    expect((await register(rightful.cookie, firmRegistration({ name: 'Echte Studio', kvkNumber: registration.kvkNumber }))).status).toBe(201);
    expect((await world.api.call('GET', '/api/me', { cookie: squatter.cookie })).body).toMatchObject({ organisation: null });
    expect((await register(squatter.cookie, firmRegistration({ name: 'Kaper Eigen Studio' }))).status).toBe(201);
    expect(await wiring().organisationPorts.store.organisation(squatter.organisationId)).toMatchObject({ status: 'rejected', kvkNumber: registration.kvkNumber });
  });

  it('tells the rejected owner on their own page which registration was rejected, when and why, until they register again, staff reopen it or they erase themselves', async () => {
    const reason = 'The KvK extract names another company.';
    const me = async (cookie: string) => (await world.api.call<{ rejectedRegistration: unknown }>('GET', '/api/me', { cookie })).body;
    const reregistering = await registeredBy(world.api, firmRegistration({ name: 'Afgewezen Atelier' }));
    const reopened = await registeredBy(world.api, commissionerRegistration({ name: 'Heropend Bureau' }));
    const erasing = await registeredBy(world.api, firmRegistration({ name: 'Vergeten Vormgeving' }));
    const colleague = await signedInAs(uniqueEmail('colleague'));
    await storedUsers().patch({ userId: colleague.userId }).set({ organisationId: reregistering.organisationId, role: 'member' }).go();
    const before = Date.now();

    expect((await staffCall(reregistering.organisationId, 'reject', reason)).status).toBe(200);
    expect((await staffCall(reopened.organisationId, 'release-kvk', 'Registered by someone outside the company.')).status).toBe(200);
    expect((await staffCall(erasing.organisationId, 'reject', reason)).status).toBe(200);

    const told = await me(reregistering.cookie);
    expect(told).toMatchObject({ organisation: null, rejectedRegistration: { organisationName: 'Afgewezen Atelier', reason } });
    const rejectedAt = Date.parse((told.rejectedRegistration as { rejectedAt: string }).rejectedAt);
    expect(rejectedAt).toBeGreaterThanOrEqual(before - 1000);
    expect(rejectedAt).toBeLessThanOrEqual(Date.now());
    expect(await me(reopened.cookie)).toMatchObject({ rejectedRegistration: { organisationName: 'Heropend Bureau', reason: 'Registered by someone outside the company.' } });
    // Only the owner registered it; a member who merely belonged is simply free again.
    expect(await me(colleague.cookie)).toMatchObject({ organisation: null, rejectedRegistration: null });

    expect((await register(reregistering.cookie, firmRegistration({ name: 'Afgewezen Atelier' }))).status).toBe(201);
    expect(await me(reregistering.cookie)).toMatchObject({ organisation: { role: 'owner', status: 'pending' }, rejectedRegistration: null });
    expect((await staffCall(reopened.organisationId, 'reopen')).status).toBe(200);
    expect(await me(reopened.cookie)).toMatchObject({ organisation: { id: reopened.organisationId, status: 'pending' }, rejectedRegistration: null });
    expect(await me(erasing.cookie)).toMatchObject({ rejectedRegistration: { organisationName: 'Vergeten Vormgeving' } });
    expect((await world.api.call('DELETE', '/api/me', { cookie: erasing.cookie })).status).toBe(204);
    expect((await storedUsers().get({ userId: erasing.userId }).go({ consistent: true })).data).not.toHaveProperty('rejectedRegistration');
  });

  it('staff reopen a rejected registration: pending again with its number and its owner; of two reopen requests at once one wins, the other gets 409', async () => {
    const registration = commissionerRegistration({ name: 'Tweede Kans' });
    const owner = await registeredBy(world.api, registration);
    await staffCall(owner.organisationId, 'reject', 'Please send the extract of the KvK register.');

    const answers = await Promise.all([staffCall(owner.organisationId, 'reopen'), staffCall(owner.organisationId, 'reopen')]);

    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    expect(answers.find((answer) => answer.status === 200)?.body).toMatchObject({ status: 'pending' });
    expect((await world.api.call('GET', '/api/me', { cookie: owner.cookie })).body).toMatchObject({ organisation: { id: owner.organisationId, status: 'pending', role: 'owner' } });
    const other = await signedInAs(uniqueEmail('other'));
    const taken = await register(other.cookie, commissionerRegistration({ kvkNumber: registration.kvkNumber }));
    expect(taken.status).toBe(409);
  });

  it('refuses to reopen a registration whose number another organisation took meanwhile (409 naming the number), changing nothing', async () => {
    const registration = firmRegistration({ name: 'Te Laat' });
    const owner = await registeredBy(world.api, registration);
    await staffCall(owner.organisationId, 'reject', 'This KvK number belongs to another company.');
    const rightful = await signedInAs(uniqueEmail('rightful'));
    await register(rightful.cookie, firmRegistration({ kvkNumber: registration.kvkNumber }));

    const reopened = await staffCall(owner.organisationId, 'reopen');

    expect(reopened.status).toBe(409);
    expect(reopened.body.detail).toContain(registration.kvkNumber);
    expect(await wiring().organisationPorts.store.organisation(owner.organisationId)).toMatchObject({ status: 'rejected', version: 2 });
    expect((await world.api.call('GET', '/api/me', { cookie: owner.cookie })).body).toMatchObject({ organisation: null });
  });

  it('releasing a verified firm’s disputed number suspends it with the reason, emails its owner and ends its sessions; the rightful company registers, and lifting the suspension then gets 409 naming the number', async () => {
    const registration = firmRegistration({ name: 'Naamkaper' });
    const squatter = await verifiedOrganisation(world.api, registration, world.people.staff.cookie);

    const released = await staffCall(squatter.organisationId, 'release-kvk', 'The KvK number is that of Studio Echt.');

    expect(released.body).toMatchObject({ status: 'suspended', statusReason: 'The KvK number is that of Studio Echt.' });
    expect((await world.api.call('GET', '/api/me', { cookie: squatter.cookie })).status).toBe(401);
    await world.deliver();
    const mail = (await inbox.to(squatter.email)).find((email) => email.body.text?.includes('The KvK number is that of Studio Echt.'));
    expect(mail?.subject).toBe('Naamkaper is suspended on Crossover');
    const rightful = await signedInAs(uniqueEmail('rightful'));
    expect((await register(rightful.cookie, firmRegistration({ name: 'Studio Echt', kvkNumber: registration.kvkNumber }))).status).toBe(201);
    const lifted = await staffCall(squatter.organisationId, 'verify');
    expect(lifted.status).toBe(409);
    expect(lifted.body.detail).toContain(registration.kvkNumber);
  });

  it('releasing a pending registration’s number rejects it and frees its owner; a rejected one has nothing left to release (409)', async () => {
    const registration = commissionerRegistration({ name: 'Voorbarig' });
    const owner = await registeredBy(world.api, registration);

    expect((await staffCall(owner.organisationId, 'release-kvk', 'Registered by someone outside the company.')).body).toMatchObject({ status: 'rejected' });

    expect((await world.api.call('GET', '/api/me', { cookie: owner.cookie })).body).toMatchObject({ organisation: null });
    const rightful = await signedInAs(uniqueEmail('rightful'));
    expect((await register(rightful.cookie, commissionerRegistration({ kvkNumber: registration.kvkNumber }))).status).toBe(201);
    expect((await staffCall(owner.organisationId, 'release-kvk', 'Registered by someone outside the company.')).status).toBe(409);
  });
});
