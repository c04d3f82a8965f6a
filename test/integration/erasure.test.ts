import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '#functions/config.ts';
import { invitationEntity } from '#functions/data/invitation.entity.ts';
import { outboxRecipientEntity } from '#functions/data/outbox-recipient.entity.ts';
import { findFreePorts } from '#functions/local/tcp-ports.ts';
import { createMailWiring } from '#functions/mail-wiring.ts';
import { wiring } from '#functions/wiring.ts';
import { signedInAs, startTestApi, uniqueEmail, type TestApi } from '../helpers/api.ts';
import { createInbox } from '../helpers/inbox.ts';
import { outboxDelivery } from '../helpers/organisations.ts';
import { createTestTable } from '../helpers/table.ts';
import { testDocumentClient, storedOutboxEvents } from '../helpers/stored-items.ts';

describe('Erasure: a person erased is gone from the outbox and from invitations', () => {
  const inbox = createInbox();
  const world = {} as { api: TestApi; deliver: () => Promise<number>; deliverWhileSesIsDown: () => Promise<number> };

  const writeEvent = async (recipients: string[], organisationName: string) => {
    const eventId = ulid();
    await storedOutboxEvents()
      .create({
        eventId,
        type: 'organisation.verified',
        recipients: recipients.map((email) => ({ email, language: 'en' as const, name: 'Erika Wissel' })),
        data: { organisationName },
        createdAt: new Date().toISOString(),
      })
      .go();
    return eventId;
  };
  const stored = async (eventId: string) => (await storedOutboxEvents().get({ eventId }).go()).data;

  beforeAll(async () => {
    const { tableName } = await createTestTable();
    world.api = await startTestApi();
    world.deliver = outboxDelivery(tableName);
    const [closedPort] = await findFreePorts(1);
    world.deliverWhileSesIsDown = outboxDelivery(tableName, createMailWiring(parseConfig({ ...process.env, SES_ENDPOINT: `http://127.0.0.1:${closedPort}` })));
  });
  afterAll(() => world.api?.stop());

  it('takes the address and name out of delivered and pending outbox events, never sends the pending one to them, and deletes their invitations', async () => {
    // Prepare: Erika, named, with a delivered event, a pending one (SES was down) shared with a colleague, and an invitation.
    const erika = uniqueEmail('erika');
    const colleague = uniqueEmail('colleague');
    const { cookie } = await signedInAs(erika);
    expect((await world.api.call('PATCH', '/api/me', { body: { name: 'Erika Wissel' }, cookie })).status).toBe(200);
    const delivered = await writeEvent([erika], `Studio of ${erika}`);
    await world.deliver();
    const pending = await writeEvent([erika, colleague], 'Erika Wissel Design');
    await expect(world.deliverWhileSesIsDown()).rejects.toThrow();
    const { config } = wiring();
    const documentClient = testDocumentClient();
    const invitations = invitationEntity(documentClient, config.TABLE_NAME);
    await invitations
      .put({ email: erika, organisationId: ulid(), invitedByUserId: ulid(), invitedAt: new Date().toISOString(), expiresAt: Math.floor(Date.now() / 1000) + 86_400 })
      .go();
    expect(await stored(pending)).toMatchObject({ status: 'pending' });

    // Act
    const erased = await world.api.call('DELETE', '/api/me', { cookie });
    await world.deliver();

    // Assess: nothing names Erika; the colleague still gets the pending email, Erika does not get it.
    expect(erased.status).toBe(204);
    for (const eventId of [delivered, pending]) {
      const text = JSON.stringify(await stored(eventId));
      expect(text).not.toContain(erika);
      expect(text).not.toMatch(/Erika Wissel/);
    }
    expect((await stored(pending))?.recipients.map(({ email }) => email)).toEqual([colleague]);
    expect(await inbox.to(colleague)).toHaveLength(1);
    expect(await inbox.to(erika)).toHaveLength(1);
    expect((await invitations.query.byEmail({ email: erika }).go()).data).toEqual([]);
    expect((await outboxRecipientEntity(documentClient, config.TABLE_NAME).query.byRecipient({ email: erika }).go()).data).toEqual([]);
  });

  it('lets a delivered event, and the note of whom it went to, expire after 30 days', async () => {
    // Prepare
    const ann = uniqueEmail('ann');
    const eventId = await writeEvent([ann], 'Studio Expiry');

    // Act
    await world.deliver();

    // Assess: both carry the same TTL, 30 days out; DynamoDB deletes them after it.
    const { config } = wiring();
    const documentClient = testDocumentClient();
    const event = await stored(eventId);
    const [note] = (await outboxRecipientEntity(documentClient, config.TABLE_NAME).query.byRecipient({ email: ann }).go()).data;
    expect(event?.status).toBe('delivered');
    expect((event!.expiresAt! - Date.now() / 1000) / 86_400).toBeCloseTo(30, 1);
    expect(note?.expiresAt).toBe(event?.expiresAt);
  });
});
