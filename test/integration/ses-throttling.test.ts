import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInbox } from '../helpers/inbox.ts';
import { outboxDelivery } from '../helpers/organisations.ts';
import { sesRejections } from '../helpers/ses-rejections.ts';
import { storedOutboxEvents } from '../helpers/stored-items.ts';
import { createTestTable } from '../helpers/table.ts';

describe('Sending over SES’s rate', () => {
  const inbox = createInbox();
  const world = {} as { ses: Awaited<ReturnType<typeof sesRejections>>; deliver: () => Promise<number> };

  beforeAll(async () => {
    const { tableName, sesEndpoint } = await createTestTable();
    world.ses = await sesRejections(sesEndpoint);
    process.env['SES_ENDPOINT'] = world.ses.endpoint;
    world.deliver = outboxDelivery(tableName);
  });
  afterAll(() => world.ses?.stop());

  it('backs off when SES answers Throttling and still sends each email exactly once, with the event delivered', async () => {
    const emails = Array.from({ length: 5 }, (_, n) => `paced-${n}-${ulid()}@example.nl`);
    const eventId = ulid();
    await storedOutboxEvents()
      .create({
        eventId,
        type: 'organisation.verified',
        recipients: emails.map((email) => ({ email, language: 'en' as const })),
        data: { organisationName: 'Studio Paced' },
        createdAt: new Date().toISOString(),
      })
      .go();
    world.ses.throttleNext(4);

    await world.deliver();

    expect(world.ses.throttledAnswers()).toBe(4);
    for (const email of emails) expect(await inbox.to(email), email).toHaveLength(1);
    expect((await storedOutboxEvents().get({ eventId }).go()).data?.status).toBe('delivered');
  });
});
