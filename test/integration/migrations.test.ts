import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChallengeListQuery } from '#shared/challenge.ts';
import type { subsectors } from '#shared/organisation.ts';
import { challengeEntity } from '#functions/data/challenge.entity.ts';
import { migrate } from '#functions/data/migrations/index.ts';
import { organisationEntity } from '#functions/data/organisation.entity.ts';
import { listOpenChallenges } from '#functions/domain/challenges/list-challenges.ts';
import { listFirms } from '#functions/domain/directory/firms.ts';
import { localClientConfig } from '#functions/local/local-aws.ts';
import { createWiring } from '#functions/wiring.ts';
import { seededChallenge, seededFirm } from '../helpers/seeded-items.ts';
import { createTestTable } from '../helpers/table.ts';

describe('Migrating a table written before the lists read entries', () => {
  let wired: ReturnType<typeof createWiring>;
  let tableName: string;
  let client: DynamoDBDocumentClient;
  // 130 open challenges and 130 verified firms (more than one step of 100) as an older Crossover left them: no entries.
  const open = Array.from({ length: 130 }, (_, n) => seededChallenge(n, 'published'));
  const drafts = Array.from({ length: 5 }, (_, n) => seededChallenge(200 + n, 'draft'));
  const firms = Array.from({ length: 130 }, (_, n) => seededFirm(n, 'verified'));
  const pending = Array.from({ length: 5 }, (_, n) => seededFirm(200 + n, 'pending'));

  const everyOpenChallenge = async () => {
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listOpenChallenges(
        { sort: 'newest', limit: 50, ...(cursor ? { cursor } : {}) } as ChallengeListQuery,
        { staff: false, organisationVerified: false },
        wired.challengePorts,
      );
      ids.push(...page.items.map(({ id }) => id));
      cursor = page.cursor ?? undefined;
    } while (cursor);
    return ids.sort();
  };
  const firmsIn = async (subsector: (typeof subsectors)[number]) =>
    (await listFirms({ subsector }, { limit: 100 }, wired.organisationPorts.store)).items.map(({ id }) => id).sort();

  beforeAll(async () => {
    const endpoints = await createTestTable();
    tableName = endpoints.tableName;
    client = DynamoDBDocumentClient.from(new DynamoDBClient(localClientConfig(endpoints.dynamoDbEndpoint)), { marshallOptions: { removeUndefinedValues: true } });
    await challengeEntity(client, tableName)
      .put([...open, ...drafts])
      .go();
    await organisationEntity(client, tableName)
      .put([...firms, ...pending])
      .go();
    wired = createWiring();
  });

  it('lists nothing by key before the migration, then every open challenge and every verified firm of a facet, and no draft or pending firm', async () => {
    expect(await everyOpenChallenge()).toEqual([]);
    expect(await firmsIn('games')).toEqual([]);

    const ran = await migrate(client, tableName);
    expect(ran.map(({ name }) => name)).toEqual(['2026-12-listing-entries', '2026-12-question-deadlines']);

    const publicOpen = open
      .filter(({ visibility }) => visibility === 'public')
      .map(({ challengeId }) => challengeId)
      .sort();
    expect(await everyOpenChallenge()).toEqual(publicOpen);
    expect(await firmsIn('games')).toEqual(
      firms
        .filter(({ subsector }) => subsector === 'games')
        .map(({ organisationId }) => organisationId)
        .sort(),
    );
  });

  it("files the question deadline of every published challenge whose questions are still open, for the followers' reminder", async () => {
    const filed = await wired.challengePorts.challenges.questionDeadlinesBefore('9999-12-31T00:00:00.000Z', 1_000);
    const stillAsking = open.filter(({ questionDeadline }) => questionDeadline > new Date().toISOString());
    expect(stillAsking.length).toBeGreaterThan(0);
    expect(filed.map(({ challengeId }) => challengeId).sort()).toEqual(stillAsking.map(({ challengeId }) => challengeId).sort());
  });

  it('runs each migration once per table: a second run writes nothing', async () => {
    expect(await migrate(client, tableName)).toEqual([]);
  });
});
