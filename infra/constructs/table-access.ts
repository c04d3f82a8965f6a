import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Grant } from 'aws-cdk-lib/aws-iam';
import { tableSchema } from '#functions/data/table-schema.ts';
import type { BundledFunction } from './bundled-function.ts';

/** Item reads, and the condition checks transactions make; never a Scan, since no request path runs one. */
export const tableReads = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'];
/** Item writes only: nothing that changes or deletes the table itself, its settings or its backups. */
export const tableWrites = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];

export interface TableAccessOptions {
  /**
   * The partition key prefixes (`EVENT#`, `CHALLENGE#`) the function may write, as an IAM
   * `dynamodb:LeadingKeys` condition; unset, it may write any item of the table.
   */
  writesOnly?: readonly string[];
}

/**
 * Lets `fn` read, or read and write, the table's items, and query its indexes named one by one, so
 * the policy holds no `index/*` wildcard, no Scan and no table-level action.
 */
export function grantTableAccess(fn: BundledFunction, table: ITable, access: 'read' | 'readWrite', options: TableAccessOptions = {}): void {
  Grant.addToPrincipal({ grantee: fn, actions: tableReads, resourceArns: [table.tableArn] });
  Grant.addToPrincipal({
    grantee: fn,
    actions: ['dynamodb:Query'],
    resourceArns: tableSchema.globalIndexes.map((index) => `${table.tableArn}/index/${index.name}`),
  });
  if (access === 'read') return;
  const { writesOnly } = options;
  Grant.addToPrincipal({
    grantee: fn,
    actions: tableWrites,
    resourceArns: [table.tableArn],
    ...(writesOnly && {
      conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': writesOnly.map((prefix) => `${prefix}*`) } },
    }),
  });
}
