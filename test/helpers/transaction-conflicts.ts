import { interceptingProxy } from './intercepting-proxy.ts';

/**
 * DynamoDB Local runs one request at a time, so it never cancels a transaction for a concurrent
 * one as DynamoDB does (`TransactionConflict`). This stands between the API and DynamoDB Local,
 * passes every request through, and answers the next transactions it is told to conflict with
 * DynamoDB's own `TransactionCanceledException`, the conflict on the item at `position`.
 */
export async function transactionConflicts(dynamoDbEndpoint: string) {
  const planned: number[] = [];
  let conflicted = 0;
  const proxy = await interceptingProxy(dynamoDbEndpoint, (request, body) => {
    if (request.headers['x-amz-target'] !== 'DynamoDB_20120810.TransactWriteItems' || !planned.length) return undefined;
    const position = planned.shift()!;
    const items = (JSON.parse(body.toString()) as { TransactItems: unknown[] }).TransactItems;
    const reasons = items.map((_, index) => (index === position ? { Code: 'TransactionConflict', Message: 'Transaction is ongoing for the item' } : { Code: 'None' }));
    conflicted += 1;
    return {
      status: 400,
      contentType: 'application/x-amz-json-1.0',
      body: JSON.stringify({
        __type: 'com.amazonaws.dynamodb.v20120810#TransactionCanceledException',
        Message: `Transaction cancelled, please refer cancellation reasons for specific reasons [${reasons.map(({ Code }) => Code).join(', ')}]`,
        CancellationReasons: reasons,
      }),
    };
  });
  return {
    ...proxy,
    /** The next transaction is cancelled as if a concurrent transaction held its item at `position`. */
    conflictNext(position = 0) {
      planned.push(position);
    },
    /** How many transactions were cancelled so far. */
    get conflicted() {
      return conflicted;
    },
  };
}
