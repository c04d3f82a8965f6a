import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestTable } from '../helpers/table.ts';

type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

function request(method: string, path: string): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers: { host: 'localhost' },
    isBase64Encoded: false,
    requestContext: { http: { method, path }, requestId: 'request-1' } as APIGatewayProxyEventV2['requestContext'],
  };
}

const context = { awsRequestId: 'a', functionName: 'crossover-system', getRemainingTimeInMillis: () => 10_000 } as Context;

describe('Handler: system group', () => {
  let handler: Handler;

  beforeAll(async () => {
    await createTestTable();
    ({ handler } = (await import('#functions/http/handlers/system/index.ts')) as { handler: Handler });
  });

  it('reports a healthy API that reaches its table, with security headers', async () => {
    const response = await handler(request('GET', '/api/health'), context);

    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body ?? '')).toMatchObject({ status: 'ok', table: { reachable: true } });
    expect(response.headers).toMatchObject({
      'content-type': 'application/json',
      'X-Content-Type-Options': 'nosniff',
      'Strict-Transport-Security': expect.stringContaining('max-age='),
    });
  });

  it('answers a path no route has with a problem+json 404', async () => {
    const response = await handler(request('GET', '/api/nothing-here'), context);

    expect(response.statusCode).toBe(404);
    expect(response.headers?.['content-type']).toBe('application/problem+json');
    expect(JSON.parse(response.body ?? '')).toEqual({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: 'There is nothing here.',
      instance: '/api/nothing-here',
    });
  });

  it('answers a known path with another method with a problem+json 405 naming the allowed ones', async () => {
    const response = await handler(request('DELETE', '/api/health'), context);

    expect(response.statusCode).toBe(405);
    expect(response.headers).toMatchObject({ allow: 'GET', 'content-type': 'application/problem+json' });
  });

  it('serves the API reference page under a CSP that allows only its own scripts', async () => {
    const response = await handler(request('GET', '/api/docs'), context);

    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<script src="/vendor/swagger-ui/init.js"></script>');
    expect(response.headers?.['Content-Security-Policy']).toContain("script-src 'self'");
    expect(response.headers?.['Content-Security-Policy']).not.toContain('unsafe-eval');
  });

  it('serves the OpenAPI document of the route table', async () => {
    const response = await handler(request('GET', '/api/openapi.json'), context);

    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body ?? '')).toMatchObject({ openapi: '3.1.0', paths: { '/api/health': { get: { operationId: 'getHealth' } } } });
  });
});
