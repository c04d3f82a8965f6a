/**
 * The key schema of Crossover's one DynamoDB table (single-table design), as plain data so that
 * CDK, the local table creation and the entities all read the same names.
 * The access patterns that use these keys are listed in docs/data-model.md.
 */
export const tableSchema = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Epoch seconds; DynamoDB deletes the item some time after. Reads must still treat expired items as absent. */
  ttlAttribute: 'expiresAt',
  /** Overloaded global secondary indexes: each entity decides what its gsiNpk/gsiNsk hold. */
  globalIndexes: [
    { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    { name: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
  ],
} as const;

export type GlobalIndexName = (typeof tableSchema.globalIndexes)[number]['name'];
