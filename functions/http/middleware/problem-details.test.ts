import { once } from 'node:events';
import { createConnection } from 'node:net';
import { ConditionalCheckFailedException, InternalServerError, ProvisionedThroughputExceededException, RequestLimitExceeded } from '@aws-sdk/client-dynamodb';
import type { Request } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { findFreePorts } from '#functions/local/tcp-ports.ts';
import { DomainError } from '#functions/domain/errors.ts';
import { isServiceUnavailable, problemDetails, unavailableRetryAfterSeconds } from './problem-details.ts';

const metadata = { $metadata: {} };
const named = (name: string, message = 'failed') => Object.assign(new Error(message), { name });

/** The error Node gives when nothing listens on the port, as the SDK sees it with DynamoDB Local stopped. */
async function refusedConnection(): Promise<Error> {
  const [port = 1] = await findFreePorts(1);
  const socket = createConnection(port, '127.0.0.1');
  const [error] = (await once(socket, 'error').catch((caught: unknown) => [caught])) as [Error];
  return error;
}

describe('Function: isServiceUnavailable', () => {
  it.each([
    ['DynamoDB’s InternalServerError', new InternalServerError({ message: 'internal', ...metadata })],
    ['ProvisionedThroughputExceededException', new ProvisionedThroughputExceededException({ message: 'slow down', ...metadata })],
    ['RequestLimitExceeded', new RequestLimitExceeded({ message: 'slow down', ...metadata })],
    ['ThrottlingException', named('ThrottlingException')],
    ['ServiceUnavailable', named('ServiceUnavailable')],
    ['the SDK’s TimeoutError', named('TimeoutError', 'Connection timed out after 1000 ms')],
    ['a socket hang up', Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })],
    ['ETIMEDOUT', Object.assign(new Error('connect ETIMEDOUT'), { code: 'ETIMEDOUT' })],
  ])('takes %s for a service that is unavailable for now', (_what, error) => {
    expect(isServiceUnavailable(error)).toBe(true);
  });

  it('takes a refused connection for an unavailable service, also wrapped (as ElectroDB and Powertools wrap it) or in an AggregateError', async () => {
    const refused = await refusedConnection();

    expect((refused as NodeJS.ErrnoException).code).toBe('ECONNREFUSED');
    expect(isServiceUnavailable(refused)).toBe(true);
    expect(isServiceUnavailable(new Error('Error thrown by DynamoDB client', { cause: refused }))).toBe(true);
    expect(isServiceUnavailable(new AggregateError([refused], 'all addresses failed'))).toBe(true);
  });

  it.each([
    ['a failed condition', new ConditionalCheckFailedException({ message: 'no', ...metadata })],
    ['a ValidationException (our bug)', named('ValidationException')],
    ['a plain Error', new Error('broken')],
    ['a domain error', new DomainError('conflict', 'Already taken')],
    ['a string', 'ECONNREFUSED'],
    ['undefined', undefined],
  ])('does not take %s for an unavailable service', (_what, error) => {
    expect(isServiceUnavailable(error)).toBe(false);
  });

  it('stops at a cause chain that loops', () => {
    const first = new Error('first');
    const second = new Error('second', { cause: first });
    Object.assign(first, { cause: second });

    expect(isServiceUnavailable(first)).toBe(false);
  });
});

describe('Middleware: problemDetails', () => {
  it('answers an unreachable database with a problem+json 503 and Retry-After, not a 500', async () => {
    const request = {
      event: { rawPath: '/api/challenges' } as APIGatewayProxyEventV2,
      context: {} as Context,
      response: undefined,
      error: new Error('Error thrown by DynamoDB client', { cause: await refusedConnection() }),
      internal: {},
    } as unknown as Request<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>;

    await problemDetails().onError?.(request);

    expect(request.response).toMatchObject({
      statusCode: 503,
      headers: { 'content-type': 'application/problem+json', 'retry-after': String(unavailableRetryAfterSeconds) },
    });
    expect(JSON.parse(String((request.response as APIGatewayProxyStructuredResultV2).body))).toMatchObject({
      type: 'about:blank',
      title: 'Service Unavailable',
      status: 503,
      instance: '/api/challenges',
    });
  });
});
