import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { handler as runDeadlineJobs } from '#functions/events/close-challenges.ts';
import { createLambdaContext } from '#functions/local/lambda-context.ts';
import { wiring } from '#functions/wiring.ts';
import { daysFromNow, storedChallenge, useMarketplace } from '../helpers/challenges.ts';

describe('Deadline jobs: one challenge that fails stops neither the other closes nor the reminders', () => {
  const world = useMarketplace();

  /** Spoils a stored challenge so that any change of it fails (its version is no longer a number), as corrupt data would. */
  const spoil = async (challengeId: string) => {
    const { config } = wiring();
    const client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: config.AWS_REGION, endpoint: config.DYNAMODB_ENDPOINT! }));
    await client.send(
      new UpdateCommand({
        TableName: config.TABLE_NAME,
        Key: { pk: `CHALLENGE#${challengeId}`, sk: 'CHALLENGE' },
        UpdateExpression: 'SET version = :spoilt',
        ExpressionAttributeValues: { ':spoilt': 'spoilt' },
      }),
    );
    client.destroy();
  };

  it('closes every other challenge past its deadline, still reminds draft bidders, and counts the challenge whose close failed', async () => {
    // Prepare: the challenge due first cannot be changed; another is due after it; a third closes tomorrow and has a draft bid.
    const { commissioner, firm } = world.people;
    const spoilt = await storedChallenge(commissioner.organisationId, 'published', { title: 'Spoilt', questionDeadline: daysFromNow(-3), bidDeadline: daysFromNow(-2) });
    const due = await storedChallenge(commissioner.organisationId, 'published', { title: 'Due', questionDeadline: daysFromNow(-2), bidDeadline: daysFromNow(-1) });
    const closingSoon = await storedChallenge(commissioner.organisationId, 'published', { title: 'Closing soon', questionDeadline: daysFromNow(0.5), bidDeadline: daysFromNow(1) });
    await spoil(spoilt.challengeId);
    const draft = await world.api.call('POST', `/api/challenges/${closingSoon.challengeId}/bids`, { cookie: firm.cookie, body: {} });
    expect(draft.status).toBe(201);

    // Act
    const run = await runDeadlineJobs({}, createLambdaContext('crossover-close-challenges', 60_000));

    // Assess: the failure is counted, everything else done.
    const { challenges } = wiring().challengePorts;
    expect(run).toEqual({ closed: 1, reminded: 1, questionReminders: 0, failed: 1 });
    expect((await challenges.challenge(due.challengeId))?.status).toBe('closed');
    expect((await challenges.challenge(spoilt.challengeId))?.status).toBe('published');
    expect((await challenges.challenge(closingSoon.challengeId))?.bidReminderSentAt).toEqual(expect.any(String));
  });
});
