import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { wiring } from '#functions/wiring.ts';
import { SESSION_COOKIE } from '#functions/http/session-cookie.ts';
import { useMarketplace, verifiedOrganisation } from '../helpers/challenges.ts';
import { signedInAs, uniqueEmail } from '../helpers/api.ts';
import { firmRegistration, registeredBy } from '../helpers/organisations.ts';

type Me = { user: { id: string }; organisation: { id: string; name: string; status: string; role: string } | null };

const world = useMarketplace();

/** Every DynamoDB request this process sends, by command name, as the SDK issues it (retries not counted). */
const sent: string[] = [];
beforeAll(() => {
  wiring().observeDynamoDbRequests(({ commandName }) => sent.push(commandName));
});
afterEach(() => {
  sent.length = 0;
});

/** GET /api/me as this cookie, with the DynamoDB requests it made. */
async function me(cookie: string) {
  sent.length = 0;
  const answer = await world.api.call<Me>('GET', '/api/me', { cookie });
  const renewed = answer.headers.get('set-cookie')?.match(new RegExp(`${SESSION_COOKIE}=[^;]+`))?.[0];
  return { status: answer.status, body: answer.body, requests: [...sent], renewed };
}

/** A firm with its owner and a member who joined by invitation, each signed in afresh (so their cookies name the firm). */
async function firmWithMember(name: string) {
  const { organisationId, email: ownerEmail } = await verifiedOrganisation(world.api, firmRegistration({ name }), world.people.staff.cookie);
  const owner = await signedInAs(ownerEmail);
  const memberEmail = uniqueEmail('member');
  expect((await world.api.call('POST', `/api/organisations/${organisationId}/invitations`, { cookie: owner.cookie, body: { email: memberEmail } })).status).toBe(201);
  const joining = await signedInAs(memberEmail);
  expect((await world.api.call('POST', `/api/me/invitations/${organisationId}/accept`, { cookie: joining.cookie })).status).toBe(200);
  return { organisationId, owner, member: await signedInAs(memberEmail) };
}

describe('Caller: a request knows who calls in one DynamoDB request, and every revocation bites on the next request', () => {
  it('reads the session, the user and their organisation in exactly one consistent BatchGetItem', async () => {
    const { owner } = await firmWithMember('Eén Verzoek');

    const answer = await me(owner.cookie);

    expect(answer.status).toBe(200);
    expect(answer.body.organisation).toMatchObject({ name: 'Eén Verzoek', status: 'verified', role: 'owner' });
    expect(answer.requests).toEqual(['BatchGetItemCommand']);
    expect(answer.renewed).toBeUndefined();
  });

  it('reads nothing for a request without a session cookie, or with one not signed by Crossover', async () => {
    expect((await me('')).requests).toEqual([]);
    expect(await me(`${SESSION_COOKIE}=eyJhbGciOiJIUzI1NiJ9.eyJzaWQiOiJ4IiwidWlkIjoieSJ9.forged`)).toMatchObject({ status: 401, requests: [] });
  });

  it('reads a newly joined organisation once more and renews the cookie, so the next request is one again', async () => {
    const joining = await signedInAs(uniqueEmail('founder'));
    const registered = await world.api.call<{ id: string }>('POST', '/api/organisations', { cookie: joining.cookie, body: firmRegistration({ name: 'Net Opgericht' }) });
    expect(registered.status).toBe(201);

    const first = await me(joining.cookie);
    expect(first.body.organisation).toMatchObject({ id: registered.body.id, name: 'Net Opgericht', status: 'pending', role: 'owner' });
    expect(first.requests).toEqual(['BatchGetItemCommand', 'GetItemCommand']);
    expect(first.renewed).toBeDefined();

    const next = await me(first.renewed!);
    expect(next.body.organisation).toMatchObject({ id: registered.body.id, name: 'Net Opgericht' });
    expect(next.requests).toEqual(['BatchGetItemCommand']);
  });

  it('ends the session at sign-out: the same cookie gets 401 next', async () => {
    const person = await signedInAs(uniqueEmail('leaving'));
    expect((await world.api.call('POST', '/api/auth/logout', { cookie: person.cookie })).status).toBe(204);
    expect((await me(person.cookie)).status).toBe(401);
  });

  it('ends every session at erasure: another device’s cookie gets 401 next', async () => {
    const email = uniqueEmail('erased');
    const [phone, laptop] = [await signedInAs(email), await signedInAs(email)];
    expect((await world.api.call('DELETE', '/api/me', { cookie: phone.cookie })).status).toBe(204);
    expect((await me(laptop.cookie)).status).toBe(401);
    expect((await me(phone.cookie)).status).toBe(401);
  });

  it('ends every member’s session at suspension: their cookies get 401 next', async () => {
    const { organisationId, owner, member } = await firmWithMember('Geschorst');
    const suspended = await world.api.call('POST', `/api/staff/organisations/${organisationId}/suspend`, {
      cookie: world.people.staff.cookie,
      body: { reason: 'Fraud reported.' },
    });
    expect(suspended.status).toBe(200);
    expect((await me(owner.cookie)).status).toBe(401);
    expect((await me(member.cookie)).status).toBe(401);
  });

  it('takes the organisation from a removed member at once: no membership, and its member pages no longer open to them', async () => {
    const { organisationId, owner, member } = await firmWithMember('Verwijderd');
    expect((await world.api.call('DELETE', `/api/organisations/${organisationId}/members/${member.userId}`, { cookie: owner.cookie })).status).toBe(204);

    const next = await me(member.cookie);
    expect(next.body.organisation).toBeNull();
    expect(next.requests).toEqual(['BatchGetItemCommand']);
    expect(next.renewed).toBeDefined();
    expect((await world.api.call('GET', `/api/organisations/${organisationId}/members`, { cookie: member.cookie })).status).toBe(404);
  });

  it('takes the organisation from a member who leaves at once', async () => {
    const { organisationId, member } = await firmWithMember('Vertrokken');
    expect((await world.api.call('POST', `/api/organisations/${organisationId}/leave`, { cookie: member.cookie })).status).toBe(204);
    expect((await me(member.cookie)).body.organisation).toBeNull();
    expect((await world.api.call('GET', `/api/organisations/${organisationId}/members`, { cookie: member.cookie })).status).toBe(404);
  });

  it('shows a verification and a new name on the next request of a cookie signed before them', async () => {
    const { organisationId, email } = await registeredBy(world.api, firmRegistration({ name: 'Wachtkamer' }));
    const { cookie } = await signedInAs(email);
    expect((await me(cookie)).body.organisation).toMatchObject({ status: 'pending' });

    expect((await world.api.call('POST', `/api/staff/organisations/${organisationId}/verify`, { cookie: world.people.staff.cookie })).status).toBe(200);
    expect((await me(cookie)).body.organisation).toMatchObject({ status: 'verified', name: 'Wachtkamer' });

    const organisation = await world.api.call<{ version: number }>('GET', `/api/organisations/${organisationId}`, { cookie });
    const renamed = await world.api.call('PATCH', `/api/organisations/${organisationId}`, {
      cookie,
      body: { kind: 'creative', version: organisation.body.version, name: 'Ontwerpkamer' },
    });
    expect(renamed.status).toBe(200);
    const next = await me(cookie);
    expect(next.body.organisation).toMatchObject({ name: 'Ontwerpkamer' });
    expect(next.requests).toEqual(['BatchGetItemCommand']);
  });

  it('takes the organisation from its owner on the next request after a rejection', async () => {
    const { organisationId, email } = await registeredBy(world.api, firmRegistration({ name: 'Afgewezen' }));
    const { cookie } = await signedInAs(email);
    expect(
      (await world.api.call('POST', `/api/staff/organisations/${organisationId}/reject`, { cookie: world.people.staff.cookie, body: { reason: 'Not a creative firm.' } })).status,
    ).toBe(200);
    expect((await me(cookie)).body.organisation).toBeNull();
    expect((await world.api.call('GET', `/api/organisations/${organisationId}`, { cookie })).status).toBe(404);
  });
});
