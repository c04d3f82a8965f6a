import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DeleteItemCommand, DescribeTableCommand, DynamoDBClient, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestTable } from '../../helpers/table.ts';
import { localClientConfig } from '#functions/local/local-aws.ts';
import { createStreamPoller, type StreamHandler, type StreamPoller } from '#functions/local/stream-poller.ts';

describe('Outbox stream poller: createStreamPoller', () => {
  let tableName: string;
  let dynamoDbEndpoint: string;
  let client: DynamoDBClient;
  let checkpointDirectory: string;
  const pollers: StreamPoller[] = [];

  beforeEach(async () => {
    ({ tableName, dynamoDbEndpoint } = await createTestTable());
    client = new DynamoDBClient(localClientConfig(dynamoDbEndpoint));
    checkpointDirectory = mkdtempSync(join(tmpdir(), 'crossover-poller-'));
  });

  afterEach(async () => {
    await Promise.all(pollers.splice(0).map((poller) => poller.stop()));
    client.destroy();
  });

  function poller(handler: StreamHandler, checkpoint = 'checkpoint.json'): StreamPoller {
    const created = createStreamPoller({
      dynamoDbEndpoint,
      tableName,
      handler,
      checkpointFile: join(checkpointDirectory, checkpoint),
      intervalMs: 50,
    });
    pollers.push(created);
    return created;
  }

  /** A handler that remembers each batch by the items' keys, and answers as told. */
  function recordingHandler(answer: (call: number, batch: DynamoDBRecord[]) => DynamoDBBatchResponse | Error = () => ({ batchItemFailures: [] })) {
    const batches: string[][] = [];
    const handler: StreamHandler = async (event) => {
      batches.push(event.Records.map((record) => record.dynamodb?.Keys?.pk?.S ?? '?'));
      const outcome = answer(batches.length, event.Records);
      if (outcome instanceof Error) throw outcome;
      return outcome;
    };
    return { handler, batches };
  }

  const putItem = (pk: string, extra: Record<string, { S: string }> = {}) =>
    client.send(new PutItemCommand({ TableName: tableName, Item: { pk: { S: pk }, sk: { S: 'ITEM' }, ...extra } }));

  const sequenceNumberOf = (records: DynamoDBRecord[], pk: string): string => records.find((record) => record.dynamodb?.Keys?.pk?.S === pk)?.dynamodb?.SequenceNumber ?? '';

  it('hands over only INSERTs of outbox events, shaped as Lambda delivers them', async () => {
    await putItem('EVENT#01', { type: { S: 'organisation.verified' } });
    await putItem('FIRM#01');
    await client.send(
      new UpdateItemCommand({
        TableName: tableName,
        Key: { pk: { S: 'EVENT#01' }, sk: { S: 'ITEM' } },
        UpdateExpression: 'SET #status = :delivered',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':delivered': { S: 'delivered' } },
      }),
    );
    await client.send(new DeleteItemCommand({ TableName: tableName, Key: { pk: { S: 'FIRM#01' }, sk: { S: 'ITEM' } } }));
    const seen: DynamoDBRecord[] = [];
    const outbox = poller(async (event) => {
      seen.push(...event.Records);
      return { batchItemFailures: [] };
    });

    const outcome = await outbox.pollOnce();

    expect(outcome).toEqual({ delivered: 1 });
    expect(seen).toHaveLength(1);
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    expect(seen[0]).toMatchObject({
      eventName: 'INSERT',
      eventSource: 'aws:dynamodb',
      eventSourceARN: Table?.LatestStreamArn,
      dynamodb: {
        Keys: { pk: { S: 'EVENT#01' }, sk: { S: 'ITEM' } },
        NewImage: { pk: { S: 'EVENT#01' }, sk: { S: 'ITEM' }, type: { S: 'organisation.verified' } },
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
    });
    expect(seen[0]?.dynamodb?.SequenceNumber).toMatch(/^\d+$/);
    expect(typeof seen[0]?.dynamodb?.ApproximateCreationDateTime).toBe('number');
    expect(await outbox.pollOnce()).toEqual({ delivered: 0 });
    expect(seen).toHaveLength(1);
  });

  it('gives a failing handler the same records again, from the first failed one, and skips none', async () => {
    await putItem('EVENT#01');
    await putItem('FIRM#01');
    await putItem('EVENT#02');
    await putItem('EVENT#03');
    const { handler, batches } = recordingHandler((call, batch) => {
      if (call === 1) return new Error('SES is down');
      if (call === 2) return { batchItemFailures: [{ itemIdentifier: sequenceNumberOf(batch, 'EVENT#02') }] };
      return { batchItemFailures: [] };
    });
    const outbox = poller(handler);

    const thrown = await outbox.pollOnce();
    const reported = await outbox.pollOnce();
    const recovered = await outbox.pollOnce();

    expect(thrown).toMatchObject({ delivered: 0, failure: { reason: 'the dispatcher threw: SES is down' } });
    expect(reported).toMatchObject({ delivered: 1, failure: { reason: 'the dispatcher reported 1 of 3 records failed' } });
    expect(recovered).toEqual({ delivered: 2 });
    expect(batches).toEqual([
      ['EVENT#01', 'EVENT#02', 'EVENT#03'],
      ['EVENT#01', 'EVENT#02', 'EVENT#03'],
      ['EVENT#02', 'EVENT#03'],
    ]);
    expect(await outbox.pollOnce()).toEqual({ delivered: 0 });
  });

  it('hands over many events in order, ten at a time', async () => {
    const keys = Array.from({ length: 25 }, (_, index) => `EVENT#${String(index).padStart(2, '0')}`);
    for (const key of keys) await putItem(key);
    const { handler, batches } = recordingHandler();

    expect(await poller(handler).drain()).toBe(25);

    expect(batches.map((batch) => batch.length)).toEqual([10, 10, 5]);
    expect(batches.flat()).toEqual(keys);
  });

  it('resumes where the previous poller stopped, through the checkpoint file', async () => {
    await putItem('EVENT#01');
    const first = recordingHandler();
    await poller(first.handler).drain();
    await putItem('EVENT#02');

    const afterRestart = recordingHandler();
    await poller(afterRestart.handler).drain();
    const withoutCheckpoint = recordingHandler();
    await poller(withoutCheckpoint.handler, 'another-checkpoint.json').drain();

    expect(first.batches.flat()).toEqual(['EVENT#01']);
    expect(afterRestart.batches.flat()).toEqual(['EVENT#02']);
    expect(withoutCheckpoint.batches.flat()).toEqual(['EVENT#01', 'EVENT#02']);
  });

  it('rejects drain() when the handler fails, naming the record', async () => {
    await putItem('EVENT#01');
    const { handler } = recordingHandler(() => new Error('SES is down'));

    await expect(poller(handler).drain()).rejects.toThrow(/^Outbox record \d+ not delivered: the dispatcher threw: SES is down$/);
  });

  it('delivers in the background once started, until stopped', async () => {
    const { handler, batches } = recordingHandler();
    const outbox = poller(handler);
    outbox.start();

    await putItem('EVENT#01');
    for (let waited = 0; batches.length === 0 && waited < 5_000; waited += 50) await sleep(50);
    await outbox.stop();
    await putItem('EVENT#02');
    await sleep(200);

    expect(batches.flat()).toEqual(['EVENT#01']);
  });
});
