import { BatchWriteCommand, ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { firmTemplateName, type Templates } from './templates.ts';

type Item = Record<string, unknown>;

/** Per template: every item the use cases wrote that names it, and the strings a copy replaces. */
interface Template {
  items: Item[];
  /** Strings of the template (ids, KvK number, email, name) and how the n-th copy spells each. */
  replacements: (copy: number) => [string, string][];
}

export interface RecordTemplates {
  challenges: Template[];
  firms: Template[];
}

/**
 * Delivered outbox events expire; audit lines, KvK claims and people sit in partitions of their own
 * that no measured route reads, and copying them would double the seeding time.
 */
const notCopied = new Set(['outboxEvent', 'outboxRecipient', 'challengeAudit', 'kvkClaim', 'user', 'emailClaim']);
const batchSize = 25;
const batchesAtOnce = 6;
const maxUnprocessedRetries = 10;

/**
 * Reads back what the use cases wrote for the templates (the table holds nothing else yet, so one
 * Scan outside any request path), and groups the items by the template whose id they carry.
 */
export async function readTemplates(client: DynamoDBDocumentClient, table: string, templates: Templates): Promise<RecordTemplates> {
  const items: Item[] = [];
  let start: Item | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  const kept = items.filter((item) => !notCopied.has(String(item['__edb_e__'])));
  const naming = (...marks: string[]) => kept.filter((item) => marks.some((mark) => JSON.stringify(item, setsAsLists).includes(mark)));
  // Copies are published one second apart, newest first, so the templates take turns down every list.
  const newest = Date.now();
  return {
    challenges: templates.challenges.map(({ challengeId }) => {
      const own = naming(challengeId);
      const statusSince = String(own.find((item) => item['__edb_e__'] === 'challenge')?.['statusSince']);
      return {
        items: own,
        replacements: (copy) => [
          [challengeId, ulid()],
          [statusSince, new Date(newest - copy * 1000).toISOString()],
        ],
      };
    }),
    firms: templates.firms.map((firm, k) => {
      const copyName = (copy: number) => firmTemplateName(k).replace(/\d+$/, String(copy).padStart(7, '0'));
      return {
        items: naming(firm.organisationId),
        replacements: (copy) => [
          [firm.organisationId, ulid()],
          [firm.userId, ulid()],
          [firm.email, `copy-${copy}@bench.example`],
          [firm.kvkNumber, String(80_000_000 + copy)],
          [firm.name, copyName(copy)],
          [firm.name.toLowerCase(), copyName(copy).toLowerCase()],
        ],
      };
    }),
  };
}

/**
 * Writes copies `from` … `to - 1`, the n-th a copy of template n mod the template count, with
 * BatchWriteItem a few batches at a time (unprocessed items are sent again).
 */
export async function writeCopies(client: DynamoDBDocumentClient, table: string, templates: Template[], from: number, to: number): Promise<number> {
  const items: Item[] = [];
  for (let copy = from; copy < to; copy += 1) {
    const template = templates[copy % templates.length]!;
    const replacements = template.replacements(copy);
    items.push(...template.items.map((item) => replaced(item, replacements) as Item));
  }
  const batches: Item[][] = [];
  for (let index = 0; index < items.length; index += batchSize) batches.push(items.slice(index, index + batchSize));
  let next = 0;
  const worker = async () => {
    while (next < batches.length) await writeBatch(client, table, batches[next++]!);
  };
  await Promise.all(Array.from({ length: batchesAtOnce }, worker));
  return items.length;
}

async function writeBatch(client: DynamoDBDocumentClient, table: string, batch: Item[]): Promise<void> {
  let requests = batch.map((Item) => ({ PutRequest: { Item } }));
  for (let attempt = 0; requests.length > 0; attempt += 1) {
    if (attempt > maxUnprocessedRetries) throw new Error(`${requests.length} items stayed unprocessed`);
    const answer = await client.send(new BatchWriteCommand({ RequestItems: { [table]: requests } }));
    requests = (answer.UnprocessedItems?.[table] ?? []) as typeof requests;
  }
}

function replaced(value: unknown, replacements: [string, string][]): unknown {
  if (typeof value === 'string') return replacements.reduce((text, [from, to]) => text.replaceAll(from, to), value);
  if (Array.isArray(value)) return value.map((entry) => replaced(entry, replacements));
  if (value instanceof Set) return new Set([...value].map((entry) => replaced(entry, replacements)));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, replaced(entry, replacements)]));
  return value;
}

function setsAsLists(_key: string, value: unknown): unknown {
  return value instanceof Set ? [...value] : value;
}
