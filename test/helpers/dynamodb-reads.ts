import { wiring, type Wiring } from '#functions/wiring.ts';

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
 * Counts what a wiring's DynamoDB client sends, as the SDK answers it (by default this process's,
 * the one every handler uses in-process); `reset` starts a new count and answers the one that ended.
 */
export function countDynamoDbReads(observe: Wiring['observeDynamoDbRequests'] = wiring().observeDynamoDbRequests) {
  const reads: DynamoDbReads = { requests: 0, items: 0, commands: [], unbounded: [] };
  observe(({ commandName: command, input: asked, output: answered }) => {
    const input = asked as { Limit?: number; IndexName?: string; ExpressionAttributeValues?: Record<string, unknown> };
    if (command === 'ScanCommand' || (command === 'QueryCommand' && input.Limit === undefined)) {
      // ElectroDB names a Query's partition `:pk` and the sort key's prefix `:sk1`.
      const values = input.ExpressionAttributeValues ?? {};
      reads.unbounded.push({ command, index: input.IndexName ?? 'table', partition: String(values[':pk'] ?? ''), sortKeyBeginsWith: String(values[':sk1'] ?? '') });
    }
    const output = answered as { ScannedCount?: number; Item?: unknown; Responses?: Record<string, unknown[]> };
    reads.requests += 1;
    reads.commands.push(command);
    reads.items += output.ScannedCount ?? (output.Item ? 1 : 0) + Object.values(output.Responses ?? {}).reduce((sum, items) => sum + (Array.isArray(items) ? items.length : 0), 0);
  });
  return {
    reads,
    reset(): DynamoDbReads {
      const ended = { ...reads, commands: [...reads.commands], unbounded: [...reads.unbounded] };
      Object.assign(reads, { requests: 0, items: 0, commands: [], unbounded: [] });
      return ended;
    },
  };
}
