import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import type { AlertPreferences } from '#shared/alerts.ts';
import { organisationEntity } from '#functions/data/organisation.entity.ts';
import { parseConfig } from '#functions/config.ts';
import { verifyUnsubscribeToken } from '#functions/domain/unsubscribe/token.ts';
import { createMailWiring } from '#functions/mail-wiring.ts';
import { wiring } from '#functions/wiring.ts';
import { uniqueEmail } from '../helpers/api.ts';
import { everything, writeSubscribers, type BulkSubscriber } from '../helpers/alerts.ts';
import { marketplace, publishedChallenge, type ChallengeAnswer } from '../helpers/challenges.ts';
import { createInbox, recipients } from '../helpers/inbox.ts';
import { outboxDelivery } from '../helpers/organisations.ts';
import { seededFirm, seedingClient } from '../helpers/seeded-items.ts';
import { startTestApi, type TestApi } from '../helpers/api.ts';
import { createTableOnOwnDynamoDb } from '../helpers/table.ts';

/**
 * Issue 13's proof: a challenge that 2,000 subscribers' partitions hold, published through the API
 * on a DynamoDB Local of this file's own, reaches exactly those it fits, once each.
 */
describe('Alert fan-out to 2,000 subscribers', { timeout: 600_000 }, () => {
  const inbox = createInbox();
  const world = {} as { api: TestApi; deliver: () => Promise<number>; people: Awaited<ReturnType<typeof marketplace>>; stop: () => Promise<void> };
  const expected = new Set<string>();
  const notExpected = new Set<string>();
  let challenge: ChallengeAnswer;

  beforeAll(async () => {
    const own = await createTableOnOwnDynamoDb();
    // Thousands of emails: the local SES takes them as fast as they come (SES's own rate is a setting, 14 a second by default).
    process.env.SES_MAX_SEND_RATE = '1000';
    world.stop = own.stop;
    world.api = await startTestApi();
    world.deliver = outboxDelivery(own.tableName, createMailWiring(parseConfig(process.env)), own.dynamoDbEndpoint);
    world.people = await marketplace(world.api);

    const client = seedingClient(own.dynamoDbEndpoint);
    const verifiedFirm = seededFirm(1, 'verified');
    const pendingFirm = seededFirm(2, 'pending');
    await organisationEntity(client, own.tableName).put([verifiedFirm, pendingFirm]).go();
    const people: BulkSubscriber[] = [];
    const add = (count: number, who: string, preferences: Partial<AlertPreferences>, organisationId: string | undefined, reaches: boolean) => {
      for (let n = 0; n < count; n++) {
        const email = uniqueEmail(`${who}-${n}`);
        people.push({ userId: ulid(), email, ...(organisationId ? { organisationId } : {}), preferences: { ...everything, ...preferences } });
        (reaches ? expected : notExpected).add(email);
      }
    };
    const firm = verifiedFirm.organisationId;
    add(700, 'service-design', { disciplines: ['service_design'] }, firm, true);
    add(300, 'both', { disciplines: ['service_design', 'data_visualisation'] }, firm, true);
    add(200, 'any', {}, firm, true);
    add(100, 'weekly', { disciplines: ['service_design'], frequency: 'weekly' }, firm, false);
    add(100, 'off', { disciplines: ['service_design'], frequency: 'off' }, firm, false);
    add(200, 'sound', { disciplines: ['sound'] }, firm, false);
    add(100, 'too-small', { disciplines: ['service_design'], minBudgetCents: 10_000_000 }, firm, false);
    add(100, 'elsewhere', { municipalities: ['GM0358'] }, firm, false);
    add(100, 'unverified', { disciplines: ['service_design'] }, pendingFirm.organisationId, false);
    add(100, 'freelancer', { disciplines: ['data_visualisation'] }, undefined, false);
    add(100, 'suppressed', { disciplines: ['service_design'] }, firm, false);
    await writeSubscribers(client, own.tableName, people);
    // Their addresses bounced for good: they match, and get nothing.
    const bounced = people
      .filter(({ email }) => email.startsWith('suppressed-'))
      .map(({ email }) => ({ email, reason: 'bounce' as const, detail: 'Permanent/General', suppressedAt: new Date().toISOString(), sesMessageId: 'bounce' }));
    await wiring().suppressions.suppress(bounced);

    // For verified firms only, in Amsterdam (not remote): freelancers and unverified firms' members may not see it.
    challenge = await publishedChallenge(world, {
      title: `Citywide wayfinding ${ulid()}`,
      visibility: 'verified_firms',
      workplace: 'hybrid',
      municipality: 'GM0363',
      disciplines: ['service_design', 'data_visualisation'],
    });
    await world.deliver();
  });

  afterAll(async () => {
    await world.api?.stop();
    await world.stop?.();
  });

  it('emails every subscriber it fits exactly once, and none of the others', async () => {
    const alerts = (await inbox.all()).filter((email) => email.subject === `New challenge: “${challenge.title}”`);
    const received = new Map<string, number>();
    for (const email of alerts) for (const address of recipients(email)) received.set(address, (received.get(address) ?? 0) + 1);
    expect(expected.size).toBe(1_200);
    expect([...expected].filter((address) => received.get(address) !== 1)).toEqual([]);
    expect([...notExpected].filter((address) => received.has(address))).toEqual([]);
    expect(alerts).toHaveLength(1_200);
    expect(await wiring().alertRuns.run(`challenge-${challenge.id}`)).toMatchObject({ status: 'matched', matched: 1_300, sent: 1_200, suppressed: 100, failed: 0 });
  });

  it("gives every alert a link to its own one-click unsubscribe, which stops that person's alerts", async () => {
    const alerts = (await inbox.all()).filter((email) => email.subject === `New challenge: “${challenge.title}”`);
    const links = alerts.map((email) => ({ to: recipients(email)[0]!, token: /\/unsubscribe\?token=([\w.-]+)/.exec(email.body.text ?? '')?.[1] }));
    expect(links.filter(({ token }) => !token)).toEqual([]);
    const key = new TextEncoder().encode(process.env.SESSION_KEY);
    const named = await Promise.all(links.map(async ({ to, token }) => [to, (await verifyUnsubscribeToken(token!, key)).email] as const));
    expect(named.filter(([to, email]) => to !== email)).toEqual([]);

    // One in twenty-four clicks, as a mail service does: a form body, no Origin, no cookie.
    for (const { to, token } of links.filter((_, n) => n % 24 === 0)) {
      const clicked = await world.api.call('POST', `/api/unsubscribe/${token}`, { form: { 'List-Unsubscribe': 'One-Click' }, origin: null });
      expect(clicked.status, to).toBe(200);
      const person = (await wiring().organisationPorts.store.personByEmail(to))!;
      expect((await wiring().alertPorts.alerts.preferences(person.userId))?.frequency, to).toBe('off');
    }
  });
});
