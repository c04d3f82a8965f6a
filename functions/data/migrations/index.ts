import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { writeListingEntries } from './listing-entries.ts';
import { fileQuestionDeadlines } from './question-deadlines.ts';

/**
 * The changes a table written by an earlier Crossover needs, in order, each run once per table and
 * recorded as done (`pk = MIGRATION#<name>`). Each must be safe to run again and beside live traffic:
 * a run cut short is simply run again.
 */
const migrations: { name: string; run: (client: DynamoDBDocumentClient, table: string) => Promise<number> }[] = [
  // Lists read per-key entries since 2026-12: open challenges and verified firms of older tables have none.
  { name: '2026-12-listing-entries', run: writeListingEntries },
  // Followers are reminded of question deadlines since 2026-12: the published challenges of older tables have none filed.
  { name: '2026-12-question-deadlines', run: fileQuestionDeadlines },
];

/** Runs the migrations this table has not had yet; answers what each wrote. */
export async function migrate(client: DynamoDBDocumentClient, table: string): Promise<{ name: string; written: number }[]> {
  const ran: { name: string; written: number }[] = [];
  for (const { name, run } of migrations) {
    const key = { pk: `MIGRATION#${name}`, sk: 'MIGRATION' };
    const { Item } = await client.send(new GetCommand({ TableName: table, Key: key, ConsistentRead: true }));
    if (Item) continue;
    const written = await run(client, table);
    try {
      await client.send(new PutCommand({ TableName: table, Item: { ...key, written, doneAt: new Date().toISOString() }, ConditionExpression: 'attribute_not_exists(pk)' }));
    } catch (error) {
      // Another run finished it first: it is done either way.
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
    ran.push({ name, written });
  }
  return ran;
}
