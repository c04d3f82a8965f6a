import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { migrate } from '../data/migrations/index.ts';
import { withLocalTable } from './local-table.ts';

/**
 * `npm run migrate`: brings the local install's table up to date (`npm start` does this itself on
 * every start). `npm run migrate -- --table <name>` does the same to a table in AWS, with the
 * credentials and region of the environment (AWS_PROFILE, AWS_REGION), after a deploy that needs it.
 */
async function main(args: string[]) {
  const at = args.indexOf('--table');
  const awsTable = at >= 0 ? args[at + 1] : undefined;
  if (at >= 0 && !awsTable) throw new Error('--table needs the name of the table in AWS');
  const ran = awsTable ? await withAwsTable(awsTable) : await withLocalTable((client, table) => migrate(document(client), table));
  for (const { name, written } of ran) console.log(`${name}: ${written} items written`);
  if (!ran.length) console.log('The table is up to date.');
}

const document = (client: DynamoDBClient) => DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });

async function withAwsTable(table: string) {
  const client = new DynamoDBClient({});
  try {
    return await migrate(document(client), table);
  } finally {
    client.destroy();
  }
}

await main(process.argv.slice(2));
