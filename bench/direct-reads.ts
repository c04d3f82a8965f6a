import { BatchGetItemCommand, GetItemCommand, QueryCommand, ScanCommand, TransactGetItemsCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { MeteredRequest } from './dynamodb-meter.ts';

// The input of each read exactly as it went over the wire is the low-level command's input (DynamoDB JSON).
const commands = {
  GetItem: GetItemCommand,
  Query: QueryCommand,
  Scan: ScanCommand,
  BatchGetItem: BatchGetItemCommand,
  TransactGetItems: TransactGetItemsCommand,
} as const;

/**
 * The DynamoDB reads a route made, as a function that issues them again straight through the SDK:
 * the floor a handler's time is compared with. A read waits for the reads that had ended before it
 * started in the recording, so reads the handler made side by side go side by side here too.
 */
export function directReads(recorded: MeteredRequest[]): (client: DynamoDBClient) => Promise<void> {
  const reads = recorded.filter((request) => request.operation in commands);
  const after = reads.map((read) => reads.flatMap((other, index) => (other.endedAt !== undefined && other.endedAt <= read.startedAt ? [index] : [])));
  return async (client) => {
    const done: Promise<unknown>[] = [];
    for (const [index, read] of reads.entries()) {
      const Command = commands[read.operation as keyof typeof commands] as typeof GetItemCommand;
      done[index] = Promise.all(after[index]!.map((earlier) => done[earlier])).then(() => client.send(new Command(read.input as never)));
    }
    await Promise.all(done);
  };
}
