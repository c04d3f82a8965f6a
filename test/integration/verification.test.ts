import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wiring } from '#functions/wiring.ts';
import { signedInAs, startTestApi, uniqueEmail, type TestApi } from '../helpers/api.ts';
import { createInbox } from '../helpers/inbox.ts';
import { commissionerRegistration, firmRegistration, outboxDelivery, registeredBy } from '../helpers/organisations.ts';
import { createTestTable } from '../helpers/table.ts';
import { storedUsers } from '../helpers/stored-items.ts';

type Problem = { detail?: string; errors?: { field: string }[] };
type Listed = { items: { id: string; createdAt: string }[]; cursor: string | null };

describe('Verification: staff verify, reject and suspend organisations from a queue', () => {
  const inbox = createInbox();
  let api: TestApi;
  let deliver: () => Promise<number>;
  let staff: string;

  beforeAll(async () => {
    const { tableName } = await createTestTable();
    api = await startTestApi();
    deliver = outboxDelivery(tableName);
    staff = (await signedInAs(wiring().config.STAFF_EMAILS[0]!)).cookie;
  });
  afterAll(() => api?.stop());

  const decide = (organisationId: string, action: 'verify' | 'reject' | 'suspend', reason?: string) =>
    api.call('POST', `/api/staff/organisations/${organisationId}/${action}`, { cookie: staff, ...(action === 'verify' ? {} : { body: { reason } }) });
  const statusOf = async (organisationId: string) => (await wiring().organisationPorts.store.organisation(organisationId))?.status;

  it('lists organisations by status, oldest first, one page at a time until the last page says so', async () => {
    const registered: string[] = [];
    for (const name of ['Eerste', 'Tweede', 'Derde']) registered.push((await registeredBy(api, commissionerRegistration({ name }))).organisationId);

    const seen: Listed['items'] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: Listed } = await api.call<Listed>('GET', `/api/staff/organisations?status=pending&limit=2${cursor ? `&cursor=${cursor}` : ''}`, {
        cookie: staff,
      });
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeGreaterThan(0);
      seen.push(...page.body.items);
      cursor = page.body.cursor;
    } while (cursor);

    const ids = seen.map((organisation) => organisation.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => registered.includes(id))).toEqual(registered);
    expect(seen.map((organisation) => organisation.createdAt)).toEqual(seen.map((organisation) => organisation.createdAt).sort());
  });

  it('verifies a pending firm: verifiedAt, the directory, and one email to the owner in their language', async () => {
    const owner = await registeredBy(api, firmRegistration({ name: 'Beeldtaal' }));
    await storedUsers().patch({ userId: owner.userId }).set({ language: 'nl' }).go();

    const verified = await decide(owner.organisationId, 'verify');
    await deliver();
    await deliver();

    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ status: 'verified', version: 2, verifiedAt: expect.any(String) });
    expect((await api.call('GET', `/api/firms/${owner.organisationId}`)).status).toBe(200);
    const mails = await inbox.to(owner.email);
    expect(mails.map((mail) => mail.subject)).toEqual(['Beeldtaal is geverifieerd op Crossover']);
    expect((await api.call('GET', `/api/staff/organisations?status=verified`, { cookie: staff })).body).toMatchObject({
      items: expect.arrayContaining([expect.objectContaining({ id: owner.organisationId })]),
    });
  });

  it('rejects a pending organisation with a reason, which the owner is emailed', async () => {
    const owner = await registeredBy(api, commissionerRegistration({ name: 'Nepbedrijf' }));

    const rejected = await decide(owner.organisationId, 'reject', 'The KvK number belongs to another company.');
    await deliver();

    expect(rejected.body).toMatchObject({ status: 'rejected', statusReason: 'The KvK number belongs to another company.' });
    const [mail] = await inbox.to(owner.email);
    expect(mail?.subject).toBe('The registration of Nepbedrijf on Crossover was rejected');
    expect(mail?.body.text).toContain('The KvK number belongs to another company.');
  });

  it('suspends a verified firm, taking it out of the directory, and verifies it again later', async () => {
    const owner = await registeredBy(api, firmRegistration({ name: 'Draadwerk' }));
    await decide(owner.organisationId, 'verify');

    const suspended = await decide(owner.organisationId, 'suspend', 'Unpaid subcontractors were reported.');
    await deliver();

    expect(suspended.body).toMatchObject({ status: 'suspended', statusReason: 'Unpaid subcontractors were reported.' });
    expect((await api.call('GET', `/api/firms/${owner.organisationId}`)).status).toBe(404);
    expect((await api.call<Listed>('GET', '/api/firms')).body.items.map((firm) => firm.id)).not.toContain(owner.organisationId);
    expect((await api.call('GET', '/api/me', { cookie: owner.cookie })).status).toBe(401);
    const signedInAgain = await signedInAs(owner.email);
    expect((await api.call<{ organisation: { status: string } }>('GET', '/api/me', { cookie: signedInAgain.cookie })).body.organisation.status).toBe('suspended');
    const suspensionMail = (await inbox.to(owner.email)).find((mail) => mail.subject === 'Draadwerk is suspended on Crossover');
    expect(suspensionMail?.body.text).toContain('Unpaid subcontractors were reported.');

    const again = await decide(owner.organisationId, 'verify');

    expect(again.body).not.toHaveProperty('statusReason');
    expect(again.body).toMatchObject({ status: 'verified', version: 4 });
    expect((await api.call('GET', `/api/firms/${owner.organisationId}`)).status).toBe(200);
  });

  it('refuses every decision its status does not allow (409 naming the status) and changes nothing', async () => {
    const pending = (await registeredBy(api, firmRegistration())).organisationId;
    const verified = (await registeredBy(api, firmRegistration())).organisationId;
    const rejected = (await registeredBy(api, firmRegistration())).organisationId;
    await decide(verified, 'verify');
    await decide(rejected, 'reject', 'Not a company of the region.');

    const refusals = [
      [pending, 'suspend', 'pending'],
      [verified, 'verify', 'verified'],
      [verified, 'reject', 'verified'],
      [rejected, 'verify', 'rejected'],
      [rejected, 'reject', 'rejected'],
      [rejected, 'suspend', 'rejected'],
    ] as const;
    for (const [organisationId, action, status] of refusals) {
      const answer = await decide(organisationId, action, 'A reason long enough.');
      expect(answer.status, `${action} of a ${status} organisation`).toBe(409);
      expect((answer.body as Problem).detail).toContain(`is ${status}`);
      expect(await statusOf(organisationId)).toBe(status);
    }
  });

  it('names a missing reason (422 body.reason), a bad cursor (422 query.cursor), an unknown organisation (404) and refuses non-staff (404)', async () => {
    const owner = await registeredBy(api, commissionerRegistration());
    const foreignCursor = Buffer.from(JSON.stringify({ gsi1pk: 'ORGSTATUS#verified', gsi1sk: 'x', pk: 'x', sk: 'x' })).toString('base64url');

    const noReason = await api.call('POST', `/api/staff/organisations/${owner.organisationId}/reject`, { cookie: staff, body: { reason: '' } });
    const badCursor = await api.call('GET', `/api/staff/organisations?status=pending&cursor=${foreignCursor}`, { cookie: staff });
    const unknown = await decide('01ARZ3NDEKTSV4RRFFQ69G5FAV', 'verify');
    const byOwner = await api.call('POST', `/api/staff/organisations/${owner.organisationId}/verify`, { cookie: owner.cookie });
    const member = await signedInAs(uniqueEmail('nosy'));
    const queue = await api.call('GET', '/api/staff/organisations', { cookie: member.cookie });

    expect(noReason.status).toBe(422);
    expect((noReason.body as Problem).errors?.map((error) => error.field)).toEqual(['body.reason']);
    expect(badCursor.status).toBe(422);
    expect((badCursor.body as Problem).errors?.map((error) => error.field)).toEqual(['query.cursor']);
    expect(unknown.status).toBe(404);
    expect(byOwner.status).toBe(404);
    expect(queue.status).toBe(404);
    expect(await statusOf(owner.organisationId)).toBe('pending');
  });
});
