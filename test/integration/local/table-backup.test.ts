import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { DynamoDBClient, PutItemCommand, ScanCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTable } from '../../helpers/table.ts';
import { withNodeLifeline } from '#functions/local/child-service.ts';
import { localClientConfig } from '#functions/local/local-aws.ts';
import { findFreePorts } from '#functions/local/tcp-ports.ts';
import { backupTable, restoreTable } from '#functions/local/table-backup.ts';

const root = resolve(import.meta.dirname, '../../..');
const run = promisify(execFile);

/** Items of every kind of value the table may hold, more than one batch write takes. */
const sampleItems = (count: number): Record<string, AttributeValue>[] =>
  Array.from({ length: count }, (_, index) => ({
    pk: { S: `BACKUP#${String(index).padStart(3, '0')}` },
    sk: { S: 'ITEM' },
    name: { S: `Studio ${index} — café “Noord”` },
    amountCents: { N: String(index * 1250) },
    tags: { SS: ['design', `tag-${index}`] },
    nested: { M: { list: { L: [{ N: '1' }, { BOOL: true }, { NULL: true }] }, when: { S: '2026-12-07T10:00:00.000Z' } } },
    blob: { B: Uint8Array.from([0, 255, index % 256]) },
  }));

const byKey = (items: Record<string, AttributeValue>[]) => [...items].sort((a, b) => String(a.pk?.S).localeCompare(String(b.pk?.S)));

describe('Local admin tools: backup and restore of the table', () => {
  const directory = mkdtempSync(join(tmpdir(), 'crossover-backup-'));
  let client: DynamoDBClient;
  let tableName: string;

  const everyItem = async (table: string) => (await client.send(new ScanCommand({ TableName: table, ConsistentRead: true }))).Items ?? [];

  beforeAll(async () => {
    const endpoints = await createTestTable();
    tableName = endpoints.tableName;
    client = new DynamoDBClient(localClientConfig(endpoints.dynamoDbEndpoint));
    for (const Item of sampleItems(60)) await client.send(new PutItemCommand({ TableName: tableName, Item }));
  });

  afterAll(() => {
    client?.destroy();
    rmSync(directory, { recursive: true, force: true });
  });

  it('gives back every item exactly (text, numbers, sets, maps, lists, binary) when a backup is restored into an empty table', async () => {
    const file = join(directory, 'round-trip.jsonl');

    const written = await backupTable(client, tableName, file);
    const restored = await restoreTable(client, `${tableName}-restored`, file);

    expect(written).toBe(60);
    expect(restored).toBe(60);
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(60);
    expect(byKey(await everyItem(`${tableName}-restored`))).toEqual(byKey(await everyItem(tableName)));
  });

  it('refuses to restore into a table that holds items unless told, and told, restores idempotently', async () => {
    const file = join(directory, 'again.jsonl');
    await backupTable(client, tableName, file);
    const before = byKey(await everyItem(tableName));

    await expect(restoreTable(client, tableName, file)).rejects.toThrow(/not empty/);
    await restoreTable(client, tableName, file, { intoNonEmpty: true });
    await restoreTable(client, tableName, file, { intoNonEmpty: true });

    expect(byKey(await everyItem(tableName))).toEqual(before);
  });

  it('npm run restore then npm run backup, on an install whose DynamoDB Local is not running, give back the same file; a second restore is refused', async () => {
    const source = join(directory, 'source.jsonl');
    await backupTable(client, tableName, source);
    const [unusedPort = 0] = await findFreePorts(1);
    const environment = { ...process.env, CROSSOVER_DATA_DIR: join(directory, 'install'), DYNAMODB_PORT: String(unusedPort) };
    const script = (name: string, ...args: string[]) => run(process.execPath, withNodeLifeline([`functions/local/${name}.ts`, ...args]), { cwd: root, env: environment });
    const copy = join(directory, 'copy.jsonl');

    await script('restore', source);
    const refused = await script('restore', source).catch((error: unknown) => error);
    await script('backup', copy);

    expect(refused).toMatchObject({ code: 1, stderr: expect.stringContaining('not empty') });
    const lines = (path: string) => readFileSync(path, 'utf8').trim().split('\n').sort();
    expect(lines(copy)).toEqual(lines(source));
  }, 120_000);
});
