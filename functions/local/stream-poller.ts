import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand, type Shard } from '@aws-sdk/client-dynamodb-streams';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { createLambdaContext } from './lambda-context.ts';
import { localClientConfig } from './local-aws.ts';
import { localLog } from './log.ts';
import { matchesOutboxFilter } from './outbox-filter.ts';
import { loadCheckpoint, saveCheckpoint, type StreamCheckpoint } from './stream-checkpoint.ts';
import { toLambdaRecord } from './stream-records.ts';

/** The outbox dispatcher's Lambda entry point (functions/events/outbox-dispatcher.ts), or a test's stand-in. */
export type StreamHandler = (event: DynamoDBStreamEvent, context: Context) => Promise<DynamoDBBatchResponse | void>;

export interface StreamPollerOptions {
  dynamoDbEndpoint: string;
  tableName: string;
  handler: StreamHandler;
  /** Where the progress is kept, so a restart neither resends nor skips records. */
  checkpointFile: string;
  intervalMs?: number;
}

export interface PollOutcome {
  /** Records the handler took without reporting them failed. */
  delivered: number;
  /** Set when the handler failed; the next poll starts again at this record. */
  failure?: { sequenceNumber: string; reason: string; cause?: unknown };
}

export interface StreamPoller {
  /** Reads every shard to its current end once, handing matching records to the handler in batches. */
  pollOnce(): Promise<PollOutcome>;
  /** Polls until a poll finds nothing more to deliver; rejects when the handler fails. Returns how many were delivered. */
  drain(): Promise<number>;
  /** Keeps polling in the background; after a failure, waits longer each time (up to 30 s) before retrying. */
  start(): void;
  stop(): Promise<void>;
}

// As the event source mapping in infra/constructs/outbox-dispatcher.ts.
const batchSize = 10;
const dispatcherFunction = { name: 'crossover-outbox-dispatcher', timeoutMs: 60_000 };
const log = localLog('outbox');

/**
 * The local stand-in for Lambda's DynamoDB event source mapping: reads the table's stream on
 * DynamoDB Local, applies the same filter (INSERTs of `EVENT#` items), and calls the dispatcher
 * with Lambda-shaped events. A failed record is retried — it and everything after it, in order —
 * until the handler takes it; records are never skipped.
 */
export function createStreamPoller(options: StreamPollerOptions): StreamPoller {
  const dynamodb = new DynamoDBClient(localClientConfig(options.dynamoDbEndpoint));
  const streams = new DynamoDBStreamsClient(localClientConfig(options.dynamoDbEndpoint));
  let checkpoint: StreamCheckpoint | undefined;

  async function poll(): Promise<PollOutcome> {
    const streamArn = await latestStreamArn();
    if (checkpoint?.streamArn !== streamArn) checkpoint = loadCheckpoint(options.checkpointFile, streamArn);
    let delivered = 0;
    const shards = await listShards(streamArn);
    const shardIds = new Set(shards.map((shard) => shard.ShardId));
    for (const shard of shards) {
      const shardId = shard.ShardId;
      if (!shardId || checkpoint.shards[shardId]?.finished) continue;
      // A child shard waits until its parent is read to the end, so records stay in order.
      const parent = shard.ParentShardId;
      if (parent && shardIds.has(parent) && !checkpoint.shards[parent]?.finished) continue;
      const outcome = await pollShard(streamArn, shardId, checkpoint);
      delivered += outcome.delivered;
      if (outcome.failure) return { delivered, failure: outcome.failure };
    }
    return { delivered };
  }

  async function latestStreamArn(): Promise<string> {
    const { Table } = await dynamodb.send(new DescribeTableCommand({ TableName: options.tableName }));
    if (!Table?.LatestStreamArn) throw new Error(`Table ${options.tableName} has no stream`);
    return Table.LatestStreamArn;
  }

  async function listShards(streamArn: string): Promise<Shard[]> {
    const shards: Shard[] = [];
    let exclusiveStartShardId: string | undefined;
    do {
      const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: exclusiveStartShardId }));
      shards.push(...(StreamDescription?.Shards ?? []));
      exclusiveStartShardId = StreamDescription?.LastEvaluatedShardId;
    } while (exclusiveStartShardId);
    return shards;
  }

  async function pollShard(streamArn: string, shardId: string, progress: StreamCheckpoint): Promise<PollOutcome> {
    const shard = (progress.shards[shardId] ??= {});
    const { ShardIterator } = await streams.send(
      new GetShardIteratorCommand({
        StreamArn: streamArn,
        ShardId: shardId,
        ...(shard.lastSequenceNumber ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: shard.lastSequenceNumber } : { ShardIteratorType: 'TRIM_HORIZON' }),
      }),
    );
    let iterator = ShardIterator;
    let delivered = 0;
    while (iterator) {
      const page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
      const records = (page.Records ?? []).map((record) => toLambdaRecord(record, streamArn));
      if (records.length === 0) {
        // No next iterator on an empty page: the shard is closed and read to its end.
        if (!page.NextShardIterator) {
          shard.finished = true;
          saveCheckpoint(options.checkpointFile, progress);
        }
        break;
      }
      const outcome = await deliverPage(records, (sequenceNumber) => {
        shard.lastSequenceNumber = sequenceNumber;
        saveCheckpoint(options.checkpointFile, progress);
      });
      delivered += outcome.delivered;
      if (outcome.failure) return { delivered, failure: outcome.failure };
      iterator = page.NextShardIterator;
    }
    return { delivered };
  }

  /** Hands the page's matching records over in batches; `advance` records how far the page is done. */
  async function deliverPage(records: DynamoDBRecord[], advance: (sequenceNumber: string) => void): Promise<PollOutcome> {
    let delivered = 0;
    let next = 0;
    while (next < records.length) {
      const batch: DynamoDBRecord[] = [];
      let end = next;
      for (; end < records.length && batch.length < batchSize; end++) {
        const record = records[end];
        if (record && matchesOutboxFilter(record)) batch.push(record);
      }
      if (batch.length > 0) {
        const failed = await invokeHandler(batch);
        if (failed) {
          const failedAt = records.indexOf(batch[failed.index] as DynamoDBRecord);
          if (failedAt > next) advance(sequenceNumberOf(records[failedAt - 1]));
          return {
            delivered: delivered + failed.index,
            failure: { sequenceNumber: sequenceNumberOf(records[failedAt]), reason: failed.reason, cause: failed.cause },
          };
        }
        delivered += batch.length;
      }
      advance(sequenceNumberOf(records[end - 1]));
      next = end;
    }
    return { delivered };
  }

  /** Undefined when the whole batch was taken; otherwise the first record Lambda would retry from. */
  async function invokeHandler(batch: DynamoDBRecord[]) {
    const context = createLambdaContext(dispatcherFunction.name, dispatcherFunction.timeoutMs);
    let response: DynamoDBBatchResponse | void;
    try {
      response = await options.handler({ Records: batch }, context);
    } catch (cause) {
      return { index: 0, reason: `the dispatcher threw: ${(cause as Error).message}`, cause };
    }
    const failures = response?.batchItemFailures ?? [];
    if (failures.length === 0) return undefined;
    const positions = failures.map((failure) => batch.findIndex((record) => record.dynamodb?.SequenceNumber === failure.itemIdentifier));
    // Lambda treats an identifier it cannot place as a failure of the whole batch.
    const index = positions.some((position) => position < 0) ? 0 : Math.min(...positions);
    return { index, reason: `the dispatcher reported ${failures.length} of ${batch.length} records failed` };
  }

  // One poll at a time, whether from the background loop or a test's drain().
  let queue: Promise<unknown> = Promise.resolve();
  const pollOnce = (): Promise<PollOutcome> => {
    const outcome = queue.then(poll, poll);
    queue = outcome.catch(() => undefined);
    return outcome;
  };

  let running = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> | undefined;
  let failuresInARow = 0;

  async function tick(): Promise<void> {
    let delayMs = options.intervalMs ?? 500;
    try {
      const outcome = await pollOnce();
      if (outcome.failure) {
        failuresInARow += 1;
        delayMs = backoffMs(failuresInARow);
        log.error(`Record ${outcome.failure.sequenceNumber} not delivered: ${outcome.failure.reason}; retrying in ${delayMs / 1000} s`, outcome.failure.cause);
      } else {
        if (failuresInARow > 0) log.info('Delivering again');
        failuresInARow = 0;
        if (outcome.delivered > 0) log.info(`${outcome.delivered} outbox event(s) delivered`);
      }
    } catch (error) {
      failuresInARow += 1;
      delayMs = backoffMs(failuresInARow);
      log.error(`Reading the stream failed; retrying in ${delayMs / 1000} s`, error);
    }
    if (running)
      timer = setTimeout(() => {
        current = tick();
      }, delayMs);
  }

  return {
    pollOnce,
    async drain() {
      let total = 0;
      for (;;) {
        const outcome = await pollOnce();
        total += outcome.delivered;
        if (outcome.failure) {
          throw new Error(`Outbox record ${outcome.failure.sequenceNumber} not delivered: ${outcome.failure.reason}`, {
            cause: outcome.failure.cause,
          });
        }
        if (outcome.delivered === 0) return total;
      }
    },
    start() {
      if (running) return;
      running = true;
      current = tick();
    },
    async stop() {
      running = false;
      clearTimeout(timer);
      await current;
      dynamodb.destroy();
      streams.destroy();
    },
  };
}

/** 1 s, 2 s, 4 s, … up to 30 s. */
function backoffMs(failuresInARow: number): number {
  return Math.min(30_000, 1000 * 2 ** (failuresInARow - 1));
}

function sequenceNumberOf(record: DynamoDBRecord | undefined): string {
  const sequenceNumber = record?.dynamodb?.SequenceNumber;
  if (!sequenceNumber) throw new Error('A stream record without a sequence number');
  return sequenceNumber;
}
