import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowanceEntity } from '#functions/data/allowance.entity.ts';
import { wiring } from '#functions/wiring.ts';
import { startTestApi, uniqueEmail, type TestApi } from '../helpers/api.ts';
import { marketplace, type Problem } from '../helpers/challenges.ts';
import { createInbox } from '../helpers/inbox.ts';
import { outboxDelivery } from '../helpers/organisations.ts';
import { createTestTable } from '../helpers/table.ts';
import { transactionConflicts } from '../helpers/transaction-conflicts.ts';
import { testDocumentClient } from '../helpers/stored-items.ts';

/**
 * Every use of a daily allowance writes its one item, so under load DynamoDB cancels some of those
 * transactions for each other (`TransactionConflict`), which DynamoDB Local never does. Such a loss
 * is tried again, so that only the cap refuses an invitation; one that keeps losing gets 409.
 */
describe('Daily allowance under contention: member invitations lost to concurrent transactions', { timeout: 120_000 }, () => {
  const inbox = createInbox();
  const world = {} as {
    api: TestApi;
    deliver: () => Promise<number>;
    conflicts: Awaited<ReturnType<typeof transactionConflicts>>;
    people: Awaited<ReturnType<typeof marketplace>>;
  };
  beforeAll(async () => {
    // Prepare: the API talks to DynamoDB Local through a stand-in that cancels transactions as DynamoDB does under contention.
    const { dynamoDbEndpoint, tableName } = await createTestTable();
    world.conflicts = await transactionConflicts(dynamoDbEndpoint);
    process.env['DYNAMODB_ENDPOINT'] = world.conflicts.endpoint;
    world.api = await startTestApi();
    world.deliver = outboxDelivery(tableName);
    world.people = await marketplace(world.api);
  });
  afterAll(async () => {
    await world.api?.stop();
    await world.conflicts?.stop();
  });

  const invite = (email: string) =>
    world.api.call<Problem>('POST', `/api/organisations/${world.people.firm.organisationId}/invitations`, { body: { email }, cookie: world.people.firm.cookie });
  const usedToday = async () => {
    const day = new Date().toISOString().slice(0, 10);
    const { data } = await allowanceEntity(testDocumentClient(), wiring().config.TABLE_NAME)
      .get({ scope: `member-invitations#${world.people.firm.organisationId}`, day })
      .go();
    return data?.used ?? 0;
  };

  it('tries an invitation again that lost three times to a concurrent use of the allowance: 201, one email, one use counted', async () => {
    const email = uniqueEmail('contended');
    const before = world.conflicts.conflicted;
    // The invitation's transaction: organisation check, invitation, allowance (position 2), outbox event.
    for (let loss = 0; loss < 3; loss++) world.conflicts.conflictNext(2);

    const answer = await invite(email);
    await world.deliver();

    expect(answer.status).toBe(201);
    expect(world.conflicts.conflicted - before).toBe(3);
    expect(await inbox.to(email)).toHaveLength(1);
    expect(await usedToday()).toBe(1);
  });

  it('answers 409 (try again), never a 500, when the invitation keeps losing, and writes and sends nothing', async () => {
    const email = uniqueEmail('starved');
    for (let loss = 0; loss < 10; loss++) world.conflicts.conflictNext(2);

    const answer = await invite(email);
    await world.deliver();

    expect(answer.status).toBe(409);
    expect(answer.body.detail).toMatch(/try again/);
    expect(await inbox.to(email)).toEqual([]);
    expect(await usedToday()).toBe(1);
    expect((await invite(email)).status).toBe(201);
  });
});
