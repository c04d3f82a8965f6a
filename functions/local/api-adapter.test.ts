import { createServer, request as httpRequest, type IncomingHttpHeaders, type OutgoingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RouteDefinition } from '#functions/http/route.ts';
import { createApiGateway, maxBodyBytes, type ApiHandler } from './api-adapter.ts';

const route = (method: RouteDefinition['method'], path: string): RouteDefinition => ({
  operationId: `${method} ${path}`,
  method,
  path,
  access: 'public',
  group: 'system',
  reads: { requests: 0, items: 0 },
  summary: 'A route of this test',
  response: { status: 200, description: 'Whatever the test answers' },
});

const testRoutes = [route('GET', '/api/firms/{firmId}/members/{memberId}'), route('GET', '/api/echo'), route('POST', '/api/echo'), route('PUT', '/api/echo')];

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  rawHeaders: string[];
  body: Buffer;
}

describe('Local API gateway: createApiGateway', () => {
  let server: Server;
  let origin: { host: string; port: number };
  let received: { event: APIGatewayProxyEventV2; context: Context }[];
  let answer: ApiHandler;
  let loadedGroups: string[];

  beforeAll(async () => {
    const handler: ApiHandler = async (event, context) => {
      received.push({ event, context });
      return answer(event, context);
    };
    const api = createApiGateway({
      routes: testRoutes,
      loadHandler: async (group) => {
        loadedGroups.push(group);
        return handler;
      },
      timeoutMs: 30_000,
    });
    server = createServer((request, response) => void api(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = { host: '127.0.0.1', port: (server.address() as AddressInfo).port };
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  beforeEach(() => {
    received = [];
    loadedGroups = [];
    answer = async () => ({ statusCode: 204 });
  });

  /** A raw request, so repeated headers and exact bytes go out as written. */
  function send(method: string, path: string, headers: OutgoingHttpHeaders = {}, body?: Buffer): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const outgoing = httpRequest({ ...origin, method, path, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            rawHeaders: response.rawHeaders,
            body: Buffer.concat(chunks),
          }),
        );
      });
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  }

  const lastEvent = (): APIGatewayProxyEventV2 => {
    const last = received.at(-1);
    if (!last) throw new Error('The handler was not called');
    return last.event;
  };

  it('names the matched route and passes its path parameters URL-decoded', async () => {
    await send('GET', '/api/firms/studio%20zuid%2Fnoord/members/01J%C3%A9');

    const event = lastEvent();
    expect(event.version).toBe('2.0');
    expect(event.routeKey).toBe('GET /api/firms/{firmId}/members/{memberId}');
    expect(event.requestContext.routeKey).toBe('GET /api/firms/{firmId}/members/{memberId}');
    expect(event.pathParameters).toEqual({ firmId: 'studio zuid/noord', memberId: '01Jé' });
    expect(event.rawPath).toBe('/api/firms/studio zuid/noord/members/01Jé');
    expect(event.requestContext.http.method).toBe('GET');
    expect(event.requestContext.http.path).toBe(event.rawPath);
    expect(loadedGroups).toEqual(['system']);
  });

  it('passes the query string raw and decoded, joining repeated keys with commas', async () => {
    await send('GET', '/api/echo?discipline=design&discipline=games&q=caf%C3%A9+%26+co&empty=');

    const event = lastEvent();
    expect(event.rawQueryString).toBe('discipline=design&discipline=games&q=caf%C3%A9+%26+co&empty=');
    expect(event.queryStringParameters).toEqual({ discipline: 'design,games', q: 'café & co', empty: '' });
    expect(event.pathParameters).toBeUndefined();
  });

  it('leaves out query parameters, cookies and body when the request has none', async () => {
    await send('GET', '/api/echo');

    const event = lastEvent();
    expect(event.rawQueryString).toBe('');
    expect(event).not.toHaveProperty('queryStringParameters');
    expect(event).not.toHaveProperty('cookies');
    expect(event).not.toHaveProperty('body');
    expect(event.isBase64Encoded).toBe(false);
  });

  it('lower-cases header names and joins repeated headers with commas', async () => {
    await send('GET', '/api/echo', { 'X-Crossover-Trace': ['one', 'two'], 'User-Agent': 'adapter-test/1.0' });

    const event = lastEvent();
    expect(event.headers['x-crossover-trace']).toBe('one,two');
    expect(event.headers['user-agent']).toBe('adapter-test/1.0');
    expect(event.requestContext.http.userAgent).toBe('adapter-test/1.0');
    expect(event.headers.host).toBe(`127.0.0.1:${origin.port}`);
    expect(event.headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(Object.keys(event.headers).every((name) => name === name.toLowerCase())).toBe(true);
  });

  it('moves request cookies out of the headers into the cookies array', async () => {
    await send('GET', '/api/echo', { Cookie: 'session=abc; lang=nl' });

    const event = lastEvent();
    expect(event.cookies).toEqual(['session=abc', 'lang=nl']);
    expect(event.headers).not.toHaveProperty('cookie');
  });

  it('sends each cookie the handler returns as its own Set-Cookie header, beside its headers', async () => {
    answer = async () => ({
      statusCode: 200,
      headers: { 'Content-Type': 'text/plain', 'X-Count': 2 },
      cookies: ['session=abc; HttpOnly; Secure; SameSite=Lax', 'lang=nl; Path=/'],
      body: 'ok',
    });

    const response = await send('GET', '/api/echo');

    expect(response.headers['set-cookie']).toEqual(['session=abc; HttpOnly; Secure; SameSite=Lax', 'lang=nl; Path=/']);
    expect(response.headers['content-type']).toBe('text/plain');
    expect(response.headers['x-count']).toBe('2');
    expect(response.body.toString()).toBe('ok');
  });

  it('passes JSON and text bodies as text', async () => {
    await send('POST', '/api/echo', { 'Content-Type': 'application/json; charset=utf-8' }, Buffer.from('{"naam":"Zoë"}'));

    expect(lastEvent().body).toBe('{"naam":"Zoë"}');
    expect(lastEvent().isBase64Encoded).toBe(false);
  });

  it('base64-encodes binary and form bodies, as HTTP APIs do', async () => {
    const bytes = Buffer.from([0x00, 0xff, 0x10, 0x80, 0x7f]);
    await send('PUT', '/api/echo', { 'Content-Type': 'application/octet-stream' }, bytes);
    expect(lastEvent().isBase64Encoded).toBe(true);
    expect(Buffer.from(lastEvent().body ?? '', 'base64')).toEqual(bytes);

    await send('POST', '/api/echo', { 'Content-Type': 'application/x-www-form-urlencoded' }, Buffer.from('a=1&b=2'));
    expect(lastEvent().isBase64Encoded).toBe(true);
    expect(Buffer.from(lastEvent().body ?? '', 'base64').toString()).toBe('a=1&b=2');
  });

  it('decodes a base64 response body to its bytes', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff]);
    answer = async () => ({
      statusCode: 200,
      headers: { 'content-type': 'image/png' },
      body: png.toString('base64'),
      isBase64Encoded: true,
    });

    const response = await send('GET', '/api/echo');

    expect(response.headers['content-type']).toBe('image/png');
    expect(response.body).toEqual(png);
  });

  it('answers with the status code the handler returns', async () => {
    answer = async () => ({ statusCode: 201, headers: { location: '/api/echo/1' }, body: '{}' });
    const created = await send('POST', '/api/echo');
    expect(created.status).toBe(201);
    expect(created.headers.location).toBe('/api/echo/1');

    answer = async () => ({ statusCode: 204 });
    const empty = await send('PUT', '/api/echo');
    expect(empty.status).toBe(204);
    expect(empty.body.length).toBe(0);
  });

  it('turns a result without statusCode into a 200 JSON answer, and sends a string result as it is', async () => {
    answer = async () => ({ status: 'ok', items: [1, 2] });
    const object = await send('GET', '/api/echo');
    expect(object.status).toBe(200);
    expect(object.headers['content-type']).toBe('application/json');
    expect(JSON.parse(object.body.toString())).toEqual({ status: 'ok', items: [1, 2] });

    answer = async () => 'Hallo Crossover';
    const text = await send('GET', '/api/echo');
    expect(text.status).toBe(200);
    expect(text.headers['content-type']).toBe('application/json');
    expect(text.body.toString()).toBe('Hallo Crossover');
  });

  it('reads the result as Lambda serialises it, so headers left undefined are not sent', async () => {
    answer = async () => ({ statusCode: 200, headers: { 'x-powered-by': undefined, 'x-kept': 'yes' }, body: '' });

    const response = await send('GET', '/api/echo');

    expect(response.headers).not.toHaveProperty('x-powered-by');
    expect(response.headers['x-kept']).toBe('yes');
  });

  it('hands a request no route takes to the system group, as the $default route of API Gateway does', async () => {
    answer = async () => ({ statusCode: 404, headers: { 'content-type': 'application/problem+json' }, body: '{}' });

    const response = await send('DELETE', '/api/nothing-here?x=1');

    expect(response.status).toBe(404);
    expect(loadedGroups).toEqual(['system']);
    expect(received[0]?.event).toMatchObject({ routeKey: '$default', rawPath: '/api/nothing-here' });
    expect(received[0]?.event.pathParameters).toBeUndefined();
    expect(received[0]?.event.requestContext.http.method).toBe('DELETE');
  });

  it('refuses a body over 10 MB with a problem+json 413, as API Gateway does', async () => {
    const response = await send('POST', '/api/echo', { 'Content-Type': 'application/octet-stream' }, Buffer.alloc(maxBodyBytes + 1));

    expect(response.status).toBe(413);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(received).toEqual([]);
  });

  describe('with the system time held still', () => {
    // Only Date is faked: the server and the socket keep their real timers.
    const receivedAt = new Date('2025-03-12T19:03:58.000Z');
    beforeEach(() => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(receivedAt);
    });
    afterEach(() => {
      vi.useRealTimers();
    });

    it('hands the handler a Lambda context named for its group, with a request id', async () => {
      await send('GET', '/api/echo');

      const { context } = received.at(-1) ?? expect.unreachable('The handler was not called');
      expect(context.functionName).toBe('crossover-system');
      expect(context.awsRequestId).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('starts the 30 s budget when the request arrives, and counts it down as time passes', async () => {
      await send('GET', '/api/echo');
      const { context } = received.at(-1) ?? expect.unreachable('The handler was not called');

      const atArrival = context.getRemainingTimeInMillis();
      vi.setSystemTime(receivedAt.getTime() + 12_500);
      const later = context.getRemainingTimeInMillis();
      vi.setSystemTime(receivedAt.getTime() + 31_000);
      const spent = context.getRemainingTimeInMillis();

      expect([atArrival, later, spent]).toEqual([30_000, 17_500, 0]);
    });

    it('stamps the request context with the time the request arrived, and ties its id to the answer', async () => {
      const response = await send('GET', '/api/echo');

      const event = lastEvent();
      expect(event.requestContext.timeEpoch).toBe(receivedAt.getTime());
      expect(event.requestContext.time).toBe('12/Mar/2025:19:03:58 +0000');
      expect(event.requestContext.requestId).toBe(response.headers['apigw-requestid']);
      expect(event.requestContext.stage).toBe('$default');
      expect(event.requestContext.http.sourceIp).toBe('127.0.0.1');
      expect(event.requestContext.http.protocol).toBe('HTTP/1.1');
    });
  });

  it('answers a handler that throws with a problem+json 500', async () => {
    answer = async () => {
      throw new Error('The handler broke');
    };

    const response = await send('GET', '/api/echo');

    expect(response.status).toBe(500);
    expect(JSON.parse(response.body.toString())).toEqual({ type: 'about:blank', title: 'Internal Server Error', status: 500 });
  });
});

describe('Local API gateway: timeout', () => {
  it('answers 504 when the handler takes longer than the integration timeout', async () => {
    const api = createApiGateway({
      routes: [route('GET', '/api/slow')],
      // It never answers, so the timeout wins however slow the machine.
      loadHandler: async () => () => new Promise(() => undefined),
      timeoutMs: 50,
    });
    const server = createServer((request, response) => void api(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/slow`);
      expect(response.status).toBe(504);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
