import type { DynamoDBRecord } from 'aws-lambda';

/**
 * Which stream records reach the outbox dispatcher: INSERTs of outbox events (`EVENT#…`) and of
 * alert run steps (`ALERTSTEP#…`, each a page of subscribers to turn into a chunk of outbox events).
 * Written in Lambda's event-filter pattern syntax, the same value `FilterCriteria.filter()` takes
 * in CDK (`FilterRule.isEqual('INSERT')` is `['INSERT']`, `FilterRule.beginsWith(p)` is `[{ prefix: p }]`).
 */
export const outboxFilterPattern = {
  eventName: ['INSERT'],
  dynamodb: { NewImage: { pk: { S: [{ prefix: 'EVENT#' }, { prefix: 'ALERTSTEP#' }] } } },
} as const;

type Pattern = { readonly [key: string]: Pattern | readonly (string | { readonly prefix: string })[] };

/** Applies the pattern as the Lambda event source mapping does, for the subset of the syntax used above. */
export function matchesOutboxFilter(record: DynamoDBRecord): boolean {
  return matches(outboxFilterPattern, record);
}

function matches(pattern: Pattern, value: unknown): boolean {
  return Object.entries(pattern).every(([key, rule]) => {
    const field = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
    if (!Array.isArray(rule)) return matches(rule as Pattern, field);
    return rule.some((allowed) => (typeof allowed === 'string' ? field === allowed : typeof field === 'string' && field.startsWith(allowed.prefix)));
  });
}
