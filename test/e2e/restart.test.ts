import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { localClientConfig } from '#functions/local/local-aws.ts';
import { startLocalStack, stopEveryLocalStack } from '../helpers/local-stack.ts';

describe('End to end: npm start keeps its data across a restart', () => {
  const dataDirectory = mkdtempSync(join(tmpdir(), 'crossover-restart-'));

  afterAll(async () => {
    // Also a start this test's timeout interrupted: it is still under way when this runs.
    await stopEveryLocalStack();
    rmSync(dataDirectory, { recursive: true, force: true });
  });

  const table = (endpoint: string) => DynamoDBDocumentClient.from(new DynamoDBClient(localClientConfig(endpoint)));

  it('finds what was written before a stop after the next start', async () => {
    let stack = await startLocalStack(dataDirectory);
    const item = { pk: 'RESTART#probe', sk: 'RESTART', writtenAt: new Date().toISOString() };
    await table(stack.dynamoDbEndpoint).send(new PutCommand({ TableName: 'crossover', Item: item }));
    await stack.stop();

    stack = await startLocalStack(dataDirectory);
    const { Item } = await table(stack.dynamoDbEndpoint).send(new GetCommand({ TableName: 'crossover', Key: { pk: item.pk, sk: item.sk } }));

    expect(Item).toEqual(item);
    expect(stack.output()).toContain('Table crossover is there');
  }, 240_000); // Two starts, each given up (and stopped) after 100 s, fit inside it.
});
