import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '#functions/config.ts';
import { findFreePorts } from '#functions/local/tcp-ports.ts';
import { createMailWiring } from '#functions/mail-wiring.ts';
import { wiring } from '#functions/wiring.ts';
import { signedInAs, startTestApi, type TestApi } from '../helpers/api.ts';
import { createInbox } from '../helpers/inbox.ts';
import { outboxDelivery } from '../helpers/organisations.ts';
import { sesRejections } from '../helpers/ses-rejections.ts';
import { createTestTable } from '../helpers/table.ts';
import { storedOutboxEvents } from '../helpers/stored-items.ts';

type EventAnswer = { id: string; status: string; recipientCount: number; failure?: string; rejected: { email: string; reason: string }[] };

describe('Outbox: a refused recipient is recorded and skipped, and staff re-drive what is missing', () => {
  const inbox = createInbox();
  const world = {} as {
    api: TestApi;
    ses: Awaited<ReturnType<typeof sesRejections>>;
    staffCookie: string;
    deliver: () => Promise<number>;
    deliverWhileSesIsDown: () => Promise<number>;
  };

  const writeEvent = async (recipients: string[], organisationName: string) => {
    const eventId = ulid();
    await storedOutboxEvents()
      .create({
        eventId,
        type: 'organisation.verified',
        recipients: recipients.map((email) => ({ email, language: 'en' as const })),
        data: { organisationName },
        createdAt: new Date().toISOString(),
      })
      .go();
    return eventId;
  };
  const staff = (method: string, path: string) => world.api.call<EventAnswer & { items: EventAnswer[] }>(method, path, { cookie: world.staffCookie });
  const stored = async (eventId: string) => (await storedOutboxEvents().get({ eventId }).go()).data;

  beforeAll(async () => {
    // Prepare: a fresh table; SES reached through a stand-in that can refuse addresses; one wiring to a port nobody listens on.
    const { tableName, sesEndpoint } = await createTestTable();
    world.ses = await sesRejections(sesEndpoint);
    process.env['SES_ENDPOINT'] = world.ses.endpoint;
    world.api = await startTestApi();
    world.staffCookie = (await signedInAs(wiring().config.STAFF_EMAILS[0]!)).cookie;
    world.deliver = outboxDelivery(tableName);
    const [closedPort] = await findFreePorts(1);
    world.deliverWhileSesIsDown = outboxDelivery(tableName, createMailWiring(parseConfig({ ...process.env, SES_ENDPOINT: `http://127.0.0.1:${closedPort}` })));
  });
  afterAll(async () => {
    await world.api?.stop();
    await world.ses?.stop();
  });

  it('still mails every other recipient of an event when SES refuses one address, and records the refused one', async () => {
    // Prepare: the refused address sits between two good ones.
    const [anna, refused, ben] = ['anna', 'nobody', 'ben'].map((who) => `${who}-${ulid()}@example.nl`) as [string, string, string];
    world.ses.refuse(refused);
    const eventId = await writeEvent([anna, refused, ben], 'Studio Refused');

    // Act
    await world.deliver();

    // Assess
    expect(await inbox.to(anna)).toHaveLength(1);
    expect(await inbox.to(ben)).toHaveLength(1);
    expect(await inbox.to(refused)).toHaveLength(0);
    expect(await stored(eventId)).toMatchObject({ status: 'failed', rejected: [{ email: refused, reason: expect.stringContaining('MessageRejected') }] });
  });

  it('skips no one when SES refuses because of the account (sending paused): the event stays pending and is sent once sending resumes', async () => {
    // Prepare
    const [anna, ben] = ['anna', 'ben'].map((who) => `${who}-${ulid()}@example.nl`) as [string, string];
    const eventId = await writeEvent([anna, ben], 'Studio Paused');
    world.ses.pause();

    // Act: the dispatcher tries while the account is paused; staff re-drive once it is not.
    await expect(world.deliver()).rejects.toThrow();
    const whilePaused = await stored(eventId);
    world.ses.resume();
    const redriven = await staff('POST', `/api/staff/outbox/${eventId}/redrive`);

    // Assess
    expect(whilePaused).toMatchObject({ status: 'pending' });
    expect(whilePaused?.rejected).toBeUndefined();
    expect(redriven.body).toMatchObject({ status: 'delivered', rejected: [] });
    expect(await inbox.to(anna)).toHaveLength(1);
    expect(await inbox.to(ben)).toHaveLength(1);
  });

  it('lists failed events to staff and, on a re-drive, sends only the email that was missing', async () => {
    // Prepare: an event with one refused address, delivered to the others.
    const [anna, refused] = ['anna', 'corrected'].map((who) => `${who}-${ulid()}@example.nl`) as [string, string];
    world.ses.refuse(refused);
    const eventId = await writeEvent([anna, refused], 'Studio Redrive');
    await world.deliver();
    const listed = await staff('GET', '/api/staff/outbox?status=failed');

    // Act: the address is taken again, and staff re-drive the event twice.
    world.ses.accept(refused);
    const redriven = await staff('POST', `/api/staff/outbox/${eventId}/redrive`);
    const again = await staff('POST', `/api/staff/outbox/${eventId}/redrive`);

    // Assess: each recipient has exactly one email; the delivered event cannot be re-driven and expires in 30 days.
    expect(listed.body.items.find(({ id }) => id === eventId)).toMatchObject({ status: 'failed', recipientCount: 2, rejected: [{ email: refused }] });
    expect(redriven.status).toBe(200);
    expect(redriven.body).toMatchObject({ id: eventId, status: 'delivered', rejected: [] });
    expect(again.status).toBe(409);
    expect(await inbox.to(anna)).toHaveLength(1);
    expect(await inbox.to(refused)).toHaveLength(1);
    const expiresInDays = ((await stored(eventId))!.expiresAt! - Date.now() / 1000) / 86_400;
    expect(expiresInDays).toBeGreaterThan(29);
    expect(expiresInDays).toBeLessThanOrEqual(30);
  });

  it('lists an event left pending while SES was down and re-drives it once SES is back', async () => {
    // Prepare: SES unreachable when the dispatcher tries.
    const cas = `cas-${ulid()}@example.nl`;
    const eventId = await writeEvent([cas], 'Studio Outage');
    await expect(world.deliverWhileSesIsDown()).rejects.toThrow();
    const pending = await staff('GET', '/api/staff/outbox?status=pending&limit=100');

    // Act
    const redriven = await staff('POST', `/api/staff/outbox/${eventId}/redrive`);

    // Assess
    expect(pending.body.items.map(({ id }) => id)).toContain(eventId);
    expect(redriven.body).toMatchObject({ status: 'delivered' });
    expect(await inbox.to(cas)).toHaveLength(1);
    expect((await staff('GET', '/api/staff/outbox?status=pending&limit=100')).body.items.map(({ id }) => id)).not.toContain(eventId);
  });

  it('answers 404 for an event that does not exist, and to anyone but staff, as every staff route does', async () => {
    const someone = await signedInAs(`someone-${ulid()}@example.nl`);

    expect((await staff('POST', `/api/staff/outbox/${ulid()}/redrive`)).status).toBe(404);
    expect((await world.api.call('GET', '/api/staff/outbox', { cookie: someone.cookie })).status).toBe(404);
  });
});
