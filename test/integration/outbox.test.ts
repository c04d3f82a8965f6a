import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '#functions/config.ts';
import { createOutboxDispatcher } from '#functions/events/outbox-dispatcher.ts';
import { findFreePorts } from '#functions/local/tcp-ports.ts';
import { createStreamPoller } from '#functions/local/stream-poller.ts';
import { createMailWiring, type MailWiring } from '#functions/mail-wiring.ts';
import { createInbox } from '../helpers/inbox.ts';
import { createTestTable } from '../helpers/table.ts';
import { storedOutboxEvents, testDocumentClient } from '../helpers/stored-items.ts';

describe('Outbox: events written with a change become emails, each sent exactly once', () => {
  const inbox = createInbox();
  let live: MailWiring;
  let sesDown: MailWiring;
  let endpoints: Awaited<ReturnType<typeof createTestTable>>;
  const checkpoints = mkdtempSync(join(tmpdir(), 'crossover-outbox-'));

  const poller = (wired: MailWiring, checkpoint = 'stream.json') =>
    createStreamPoller({
      dynamoDbEndpoint: endpoints.dynamoDbEndpoint,
      tableName: endpoints.tableName,
      handler: createOutboxDispatcher(() => wired),
      checkpointFile: join(checkpoints, checkpoint),
    });

  const writeEvent = async (event: { type: string; recipients: { email: string; language: 'nl' | 'en' }[]; data: object }) => {
    const eventId = ulid();
    await storedOutboxEvents()
      .create({ eventId, ...event, createdAt: new Date().toISOString() })
      .go();
    return eventId;
  };

  beforeAll(async () => {
    // Prepare: a fresh table; one wiring to the real SES stand-in, one to a port nobody listens on.
    endpoints = await createTestTable();
    live = createMailWiring(parseConfig(process.env));
    const [closedPort] = await findFreePorts(1);
    sesDown = createMailWiring(parseConfig({ ...process.env, SES_ENDPOINT: `http://127.0.0.1:${closedPort}` }));
  });

  it('mails every recipient in their own language and marks the event delivered', async () => {
    const anna = `anna-${ulid()}@studio-noord.nl`;
    const ben = `ben-${ulid()}@havenbedrijf.nl`;
    const eventId = await writeEvent({
      type: 'organisation.verified',
      recipients: [
        { email: anna, language: 'nl' },
        { email: ben, language: 'en' },
      ],
      data: { organisationName: 'Studio Noord' },
    });

    await poller(live).drain();

    const [toAnna] = await inbox.to(anna);
    const [toBen] = await inbox.to(ben);
    expect(toAnna?.subject).toBe('Studio Noord is geverifieerd op Crossover');
    expect(toAnna?.body.text).toContain('Het clusterteam heeft Studio Noord geverifieerd.');
    expect(toAnna?.body.html).toContain('<html lang="nl">');
    expect(toBen?.subject).toBe('Studio Noord is verified on Crossover');
    const { data: stored } = await storedOutboxEvents().get({ eventId }).go();
    expect(stored).toMatchObject({ status: 'delivered', deliveredAt: expect.any(String) });
  });

  it('keeps the event pending while SES is down, then delivers it once when SES is back', async () => {
    const cas = `cas-${ulid()}@waternet.nl`;
    const eventId = await writeEvent({
      type: 'organisation.verified',
      recipients: [{ email: cas, language: 'en' }],
      data: { organisationName: 'Waternet' },
    });

    // Act: SES unreachable.
    const outage = await poller(sesDown).pollOnce();

    expect(outage.failure).toBeDefined();
    expect(await inbox.to(cas)).toHaveLength(0);
    expect((await storedOutboxEvents().get({ eventId }).go()).data?.status).toBe('pending');

    // Act: SES back; the same stream position is tried again, then the stream is read once more from its start.
    await poller(live).drain();
    await poller(live, 'from-the-start.json').drain();

    expect(await inbox.to(cas)).toHaveLength(1);
    expect((await storedOutboxEvents().get({ eventId }).go()).data?.status).toBe('delivered');
  });

  it('sets an event without a template aside as failed and still delivers the events behind it', async () => {
    const dee = `dee-${ulid()}@tudelft.nl`;
    const broken = await writeEvent({ type: 'no.such.email', recipients: [{ email: dee, language: 'nl' }], data: {} });
    const good = await writeEvent({
      type: 'organisation.verified',
      recipients: [{ email: dee, language: 'nl' }],
      data: { organisationName: 'TU Delft' },
    });

    await poller(live).drain();

    expect((await storedOutboxEvents().get({ eventId: broken }).go()).data).toMatchObject({
      status: 'failed',
      failure: expect.stringContaining('no.such.email'),
    });
    expect((await storedOutboxEvents().get({ eventId: good }).go()).data?.status).toBe('delivered');
    expect(await inbox.to(dee)).toHaveLength(1);
  });

  it('writes no event, and sends nothing, when the change it belongs to fails', async () => {
    const eve = `eve-${ulid()}@gemeente.amsterdam.nl`;
    const { Item: event } = storedOutboxEvents()
      .create({
        eventId: ulid(),
        type: 'organisation.verified',
        recipients: [{ email: eve, language: 'nl' }],
        data: { organisationName: 'Gemeente Amsterdam' },
        createdAt: new Date().toISOString(),
      })
      .params<{ Item: Record<string, unknown> }>();

    // The change's condition fails (the organisation does not exist), so the whole transaction fails.
    const write = testDocumentClient().send(
      new TransactWriteCommand({
        TransactItems: [
          { ConditionCheck: { TableName: endpoints.tableName, Key: { pk: 'ORG#missing', sk: 'ORG' }, ConditionExpression: 'attribute_exists(pk)' } },
          { Put: { TableName: endpoints.tableName, Item: event } },
        ],
      }),
    );

    await expect(write).rejects.toThrow(/cancel/i);
    await poller(live).drain();
    expect(await inbox.to(eve)).toHaveLength(0);
    expect((await storedOutboxEvents().query.byStatus({ status: 'pending' }).go()).data).toHaveLength(0);
  });
});
