import { type ITable, Table } from 'aws-cdk-lib/aws-dynamodb';
import { Grant } from 'aws-cdk-lib/aws-iam';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { tableSchema } from '#functions/data/table-schema.ts';

/**
 * Lets `fn` read, or read and write, the table, and query its indexes named one by one, so the
 * policy holds no `index/*` wildcard.
 */
export function grantTableAccess(fn: NodejsFunction, table: ITable, access: 'read' | 'readWrite'): void {
  const tableItself = Table.fromTableArn(fn, 'TableItself', table.tableArn);
  if (access === 'read') tableItself.grantReadData(fn);
  else tableItself.grantReadWriteData(fn);
  Grant.addToPrincipal({
    grantee: fn,
    actions: ['dynamodb:Query', 'dynamodb:Scan'],
    resourceArns: tableSchema.globalIndexes.map((index) => `${table.tableArn}/index/${index.name}`),
  });
}
