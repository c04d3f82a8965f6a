import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { localClientConfig } from '#functions/local/local-aws.ts';
import { startLocalStack, type LocalStack } from '../helpers/local-stack.ts';

describe('End to end: npm start keeps its data across a restart', () => {
  const dataDirectory = mkdtempSync(join(tmpdir(), 'crossover-restart-'));
  let stack: LocalStack | undefined;

  afterAll(async () => {
    await stack?.stop();
    rmSync(dataDirectory, { recursive: true, force: true });
  });

  const table = (endpoint: string) => DynamoDBDocumentClient.from(new DynamoDBClient(localClientConfig(endpoint)));

  it('finds what was written before a stop after the next start', async () => {
    stack = await startLocalStack(dataDirectory);
    const item = { pk: 'RESTART#probe', sk: 'RESTART', writtenAt: new Date().toISOString() };
    await table(stack.dynamoDbEndpoint).send(new PutCommand({ TableName: 'crossover', Item: item }));
    await stack.stop();

    stack = await startLocalStack(dataDirectory);
    const { Item } = await table(stack.dynamoDbEndpoint).send(
      new GetCommand({ TableName: 'crossover', Key: { pk: item.pk, sk: item.sk } }),
    );

    expect(Item).toEqual(item);
    expect(stack.output()).toContain('Table crossover is there');
  }, 240_000);
});
