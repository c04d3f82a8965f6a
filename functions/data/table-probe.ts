import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { tableSchema } from './table-schema.ts';

/** Does the table answer a read? (health) A key that never exists costs one read and proves access. */
export async function isTableReachable(client: DynamoDBDocumentClient, table: string): Promise<boolean> {
  try {
    await client.send(new GetCommand({ TableName: table, Key: { [tableSchema.partitionKey]: 'HEALTH', [tableSchema.sortKey]: 'HEALTH' } }));
    return true;
  } catch {
    return false;
  }
}
