import { once } from 'node:events';
import { createReadStream, createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { BatchWriteItemCommand, ScanCommand, type AttributeValue, type DynamoDBClient, type WriteRequest } from '@aws-sdk/client-dynamodb';
import { createTableIfMissing } from './create-table.ts';

type Item = Record<string, AttributeValue>;

/**
 * Writes every item of the table to `file`, one item per line in DynamoDB's own JSON (so numbers,
 * sets and binary values come back exactly), and returns how many. A Scan reads the whole table:
 * fine for an admin tool on the local install, never on a request's path.
 */
export async function backupTable(client: DynamoDBClient, tableName: string, file: string): Promise<number> {
  mkdirSync(dirname(file), { recursive: true });
  const out = createWriteStream(file, { encoding: 'utf8', mode: 0o600 });
  let count = 0;
  let startKey: Item | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: tableName, ConsistentRead: true, ExclusiveStartKey: startKey }));
    for (const item of page.Items ?? []) {
      if (!out.write(`${JSON.stringify(item, binaryAsBase64)}\n`)) await once(out, 'drain');
      count += 1;
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  out.end();
  await once(out, 'finish');
  return count;
}

export interface RestoreOptions {
  /** Restore into a table that holds items already: each item of the backup replaces the one with its key, the others stay. */
  intoNonEmpty?: boolean;
}

const batchSize = 25;

/**
 * Reads a backup written by backupTable into the table (made first if missing), in batch writes,
 * and returns how many items it wrote. Refuses a table that holds items unless told, so a restore
 * never mixes two states of the marketplace by accident; told, it is idempotent (a second run
 * writes the same items over themselves).
 */
export async function restoreTable(client: DynamoDBClient, tableName: string, file: string, { intoNonEmpty = false }: RestoreOptions = {}): Promise<number> {
  await createTableIfMissing(client, tableName);
  if (!intoNonEmpty) {
    const { Items } = await client.send(new ScanCommand({ TableName: tableName, Limit: 1 }));
    if (Items?.length) throw new Error(`Table ${tableName} is not empty; restore into it anyway with --into-non-empty (items of the backup replace those with the same key).`);
  }
  let count = 0;
  let batch: WriteRequest[] = [];
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    batch.push({ PutRequest: { Item: JSON.parse(line, base64AsBinary) as Item } });
    if (batch.length === batchSize) {
      count += await writeBatch(client, tableName, batch);
      batch = [];
    }
  }
  if (batch.length > 0) count += await writeBatch(client, tableName, batch);
  return count;
}

/** One BatchWriteItem, sending again what the table left unprocessed (it may, under load) until all is in. */
async function writeBatch(client: DynamoDBClient, tableName: string, requests: WriteRequest[]): Promise<number> {
  let pending = requests;
  for (let attempt = 0; pending.length > 0; attempt += 1) {
    if (attempt > 0) await sleep(Math.min(5_000, 100 * 2 ** attempt));
    const { UnprocessedItems } = await client.send(new BatchWriteItemCommand({ RequestItems: { [tableName]: pending } }));
    pending = UnprocessedItems?.[tableName] ?? [];
  }
  return requests.length;
}

/** `B` (and each of `BS`) arrive as bytes; JSON keeps them as base64 text. */
function binaryAsBase64(key: string, value: unknown): unknown {
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (key === 'BS' && Array.isArray(value)) return value.map((bytes: Uint8Array) => Buffer.from(bytes).toString('base64'));
  return value;
}

function base64AsBinary(key: string, value: unknown): unknown {
  if (key === 'B' && typeof value === 'string') return Buffer.from(value, 'base64');
  if (key === 'BS' && Array.isArray(value)) return value.map((text: string) => Buffer.from(text, 'base64'));
  return value;
}
