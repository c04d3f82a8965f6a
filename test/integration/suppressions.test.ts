import { readFileSync } from 'node:fs';
import type { SNSEvent } from 'aws-lambda';
import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '#functions/config.ts';
import { createSuppressionStore } from '#functions/data/suppression-store.ts';
import { documentClientOf, dynamoDbClient } from '#functions/dynamodb-client.ts';
import { createSesNotificationHandler } from '#functions/events/ses-notifications.ts';
import { createLambdaContext } from '#functions/local/lambda-context.ts';
import { wiring } from '#functions/wiring.ts';
import { signedInAs, uniqueEmail } from '../helpers/api.ts';
import { storedChallenge, useMarketplace } from '../helpers/challenges.ts';
import { createInbox } from '../helpers/inbox.ts';
import { storedOutboxEvents, storedUsers } from '../helpers/stored-items.ts';

/** An SES record from test/fixtures/ses (the shapes the SES guide documents), its example addresses swapped for these. */
const sesRecord = (fixture: string, addresses: Record<string, string> = {}) =>
  Object.entries(addresses).reduce(
    (text, [example, address]) => text.replaceAll(example, address),
    readFileSync(new URL(`../fixtures/ses/${fixture}.json`, import.meta.url), 'utf8'),
  );

/** SNS's event for a Lambda subscriber, one record per message, as the Lambda guide shows it. */
const snsEventOf = (...messages: string[]): SNSEvent => ({
  Records: messages.map((Message) => ({
    EventSource: 'aws:sns',
    EventVersion: '1.0',
    EventSubscriptionArn: 'arn:aws:sns:eu-west-1:123456789012:CrossoverMailFeedback:2bcfbf39-05c3-41de-beaa-fcfcc21c8f55',
    Sns: {
      Type: 'Notification',
      MessageId: ulid(),
      TopicArn: 'arn:aws:sns:eu-west-1:123456789012:CrossoverMailFeedback',
      Subject: null as unknown as string,
      Message,
      Timestamp: new Date().toISOString(),
      SignatureVersion: '1',
      Signature: 'EXAMPLE',
      SigningCertUrl: 'https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-example.pem',
      UnsubscribeUrl: 'https://sns.eu-west-1.amazonaws.com/?Action=Unsubscribe',
      MessageAttributes: {},
    },
  })),
});

const world = useMarketplace();
const inbox = createInbox();
const handler = createSesNotificationHandler(() => wiring().suppressions);
const notify = (...messages: string[]) => handler(snsEventOf(...messages), createLambdaContext('ses-notifications', 10_000));
const isSuppressed = async (email: string) => (await wiring().suppressions.suppressedAmong([email])).has(email);

describe('Suppression list: addresses that bounce for good or complain get no more email, until staff lift them', () => {
  it('suppresses the recipient of a permanent bounce, from event publishing and from identity notifications', async () => {
    const bounced = uniqueEmail('bounced');
    const jane = uniqueEmail('jane');
    const richard = uniqueEmail('richard');

    await notify(
      sesRecord('event-publishing-bounce', { 'recipient@example.com': bounced }),
      sesRecord('identity-bounce', { 'jane@example.com': jane, 'richard@example.com': richard }),
    );

    expect([await isSuppressed(bounced), await isSuppressed(jane), await isSuppressed(richard)]).toEqual([true, true, true]);
  });

  it('suppresses nobody for a transient bounce or a delivery', async () => {
    const full = uniqueEmail('mailbox-full');
    const delivered = uniqueEmail('delivered');

    await notify(sesRecord('event-publishing-transient-bounce', { 'recipient@example.com': full }), sesRecord('event-publishing-delivery', { 'recipient@example.com': delivered }));

    expect([await isSuppressed(full), await isSuppressed(delivered)]).toEqual([false, false]);
  });

  it('suppresses the recipient of a complaint, lower-cased', async () => {
    const annoyed = uniqueEmail('Annoyed');

    await notify(sesRecord('event-publishing-complaint', { 'recipient@example.com': annoyed.toUpperCase() }));

    expect(await isSuppressed(annoyed.toLowerCase())).toBe(true);
  });

  it('drops a malformed message instead of failing (SNS would retry it for nothing), and still reads the records after it', async () => {
    const after = uniqueEmail('after');

    await expect(
      notify('not json', JSON.stringify({ eventType: 'Bounce', bounce: { bounceType: 'Permanent' } }), sesRecord('event-publishing-bounce', { 'recipient@example.com': after })),
    ).resolves.toBeUndefined();

    expect(await isSuppressed(after)).toBe(true);
  });

  it('fails when the list cannot be written, so that SNS delivers the notification again', async () => {
    const settings = parseConfig(process.env);
    const nowhere = createSuppressionStore(documentClientOf(dynamoDbClient(settings)), `no-such-table-${ulid()}`);
    const failing = createSesNotificationHandler(() => nowhere);

    await expect(
      failing(snsEventOf(sesRecord('event-publishing-bounce', { 'recipient@example.com': uniqueEmail('lost') })), createLambdaContext('ses-notifications', 10_000)),
    ).rejects.toThrow();
  });

  it('sends an outbox email to every recipient but the suppressed one, notes whom it skipped, and sends again once staff lift the address', async () => {
    // Prepare: the commissioner has a colleague whose address bounced for good.
    const { commissioner, staff } = world.people;
    const colleagueEmail = uniqueEmail('colleague');
    const colleague = await signedInAs(colleagueEmail);
    await storedUsers().patch({ userId: colleague.userId }).set({ organisationId: commissioner.organisationId, role: 'member' }).go();
    await notify(sesRecord('event-publishing-bounce', { 'recipient@example.com': colleagueEmail }));
    const approve = async () => {
      const challenge = await storedChallenge(commissioner.organisationId, 'submitted', { title: `Suppressed ${ulid().slice(-8)}` });
      const approved = await world.api.call('POST', `/api/staff/challenges/${challenge.challengeId}/approve`, { cookie: staff.cookie, body: { version: challenge.version } });
      expect(approved.status).toBe(200);
      await world.deliver();
      return challenge.title;
    };

    // Act: staff approve a challenge; its email goes to the commissioner's members.
    const title = await approve();

    // Assess: the owner has it, the colleague has not; the event is delivered, with the colleague noted as suppressed.
    expect((await inbox.to(commissioner.email)).filter((email) => email.subject.includes(title))).toHaveLength(1);
    expect(await inbox.to(colleagueEmail)).toHaveLength(0);
    const { data: events } = await storedOutboxEvents()
      .scan.where(({ type }, { eq }) => eq(type, 'challenge.approved'))
      .go({ pages: 'all' });
    const event = events.find((stored) => JSON.stringify(stored.data).includes(title));
    expect(event).toMatchObject({ status: 'delivered', suppressed: [colleagueEmail] });

    // Act: staff see the address on the list and lift it.
    const listed = await world.api.call<{ items: { email: string; reason: string; detail: string }[] }>('GET', '/api/staff/suppressions', { cookie: staff.cookie });
    expect(listed.status).toBe(200);
    expect(listed.body.items).toContainEqual(expect.objectContaining({ email: colleagueEmail, reason: 'bounce', detail: 'Permanent/General: smtp; 550 5.1.1 user unknown' }));
    expect((await world.api.call('DELETE', `/api/staff/suppressions/${encodeURIComponent(colleagueEmail)}`, { cookie: staff.cookie })).status).toBe(204);
    const again = await world.api.call<{ status: number }>('DELETE', `/api/staff/suppressions/${encodeURIComponent(colleagueEmail)}`, { cookie: staff.cookie });
    expect(again.status).toBe(404);
    expect(again.headers.get('content-type')).toContain('application/problem+json');

    // Assess: the next email reaches the colleague.
    const next = await approve();
    expect((await inbox.to(colleagueEmail)).filter((email) => email.subject.includes(next))).toHaveLength(1);
  });

  it('lists the addresses newest first, a page at a time, to staff only', async () => {
    const { staff, commissioner } = world.people;
    const older = uniqueEmail('older');
    const newer = uniqueEmail('newer');
    await wiring().suppressions.suppress([
      { email: older, reason: 'complaint', detail: 'abuse', suppressedAt: '2030-01-01T00:00:00.000Z', sesMessageId: 'a' },
      { email: newer, reason: 'bounce', detail: 'Permanent/General', suppressedAt: '2030-01-02T00:00:00.000Z', sesMessageId: 'b' },
    ]);

    const first = await world.api.call<{ items: { email: string }[]; cursor: string | null }>('GET', '/api/staff/suppressions?limit=1', { cookie: staff.cookie });
    const second = await world.api.call<{ items: { email: string }[] }>('GET', `/api/staff/suppressions?limit=1&cursor=${first.body.cursor}`, { cookie: staff.cookie });
    const byMember = await world.api.call('GET', '/api/staff/suppressions', { cookie: commissioner.cookie });

    expect(first.body.items.map(({ email }) => email)).toEqual([newer]);
    expect(second.body.items.map(({ email }) => email)).toEqual([older]);
    expect(byMember.status).toBe(404);
  });

  it('sends no sign-in code to a suppressed address, and answers as for any other', async () => {
    const suppressed = uniqueEmail('no-code');
    const other = uniqueEmail('code');
    await notify(sesRecord('event-publishing-complaint', { 'recipient@example.com': suppressed }));

    const answers = await Promise.all([suppressed, other].map((email) => world.api.call('POST', '/api/auth/code', { body: { email } })));

    expect(answers[0]!.status).toBe(answers[1]!.status);
    await inbox.waitFor((email) => email.destination.to.some((to) => to.includes(other)));
    expect(await inbox.to(suppressed)).toHaveLength(0);
  });
});
