import { wiring } from '#functions/wiring.ts';

/** What the API's DynamoDB client sent since the count began. */
export interface DynamoDbReads {
  /** Requests of every kind, writes included. */
  requests: number;
  /** Items read: a Query's ScannedCount (before any filter), a GetItem's item, a BatchGetItem's items. */
  items: number;
  commands: string[];
  /** Every Scan, and each Query sent without a Limit: the index, partition and sort key prefix it read. */
  unbounded: { command: string; index: string; partition: string; sortKeyBeginsWith: string }[];
}

/**
 * Counts what a DynamoDB client sends, as the SDK answers it (by default this process's API client,
 * the one every handler uses in-process); `reset` starts a new count and answers the one that ended.
 */
export function countDynamoDbReads(client = wiring().dynamodb) {
  const reads: DynamoDbReads = { requests: 0, items: 0, commands: [], unbounded: [] };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const command = context.commandName ?? 'unknown';
      const input = args.input as { Limit?: number; IndexName?: string; ExpressionAttributeValues?: Record<string, unknown> };
      if (command === 'ScanCommand' || (command === 'QueryCommand' && input.Limit === undefined)) {
        // ElectroDB names a Query's partition `:pk` and the sort key's prefix `:sk1`.
        const values = input.ExpressionAttributeValues ?? {};
        reads.unbounded.push({ command, index: input.IndexName ?? 'table', partition: String(values[':pk'] ?? ''), sortKeyBeginsWith: String(values[':sk1'] ?? '') });
      }
      const answer = await next(args);
      const output = answer.output as { ScannedCount?: number; Item?: unknown; Responses?: Record<string, unknown[]> };
      reads.requests += 1;
      reads.commands.push(command);
      reads.items += output.ScannedCount ?? (output.Item ? 1 : 0) + Object.values(output.Responses ?? {}).reduce((sum, items) => sum + (Array.isArray(items) ? items.length : 0), 0);
      return answer;
    },
    { step: 'initialize', name: 'countDynamoDbReads' },
  );
  return {
    reads,
    reset(): DynamoDbReads {
      const ended = { ...reads, commands: [...reads.commands], unbounded: [...reads.unbounded] };
      Object.assign(reads, { requests: 0, items: 0, commands: [], unbounded: [] });
      return ended;
    },
  };
}
