import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HttpProblem } from './problem.ts';
import { MAX_BODY_BYTES, parseRequest } from './request.ts';
import type { RouteDefinition } from './route.ts';

const route = {
  operationId: 'postExample',
  method: 'POST',
  path: '/api/examples/{exampleId}',
  access: 'public',
  group: 'system',
  reads: { requests: 1, items: 1 },
  summary: 'An example route with every kind of input',
  request: {
    params: z.object({ exampleId: z.string().length(26) }),
    query: z.object({ limit: z.coerce.number().int().min(1).max(100).optional() }).strict(),
    body: z.object({ title: z.string().min(3), budget: z.object({ minCents: z.number().int() }).strict() }).strict(),
  },
  response: { status: 201, description: 'Created' },
} as const satisfies RouteDefinition;

const exampleId = '01JDQ7Z8K9M2N3P4Q5R6S7T8V9';

function event(overrides: Partial<APIGatewayProxyEventV2> = {}): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: 'POST /api/examples/{exampleId}',
    rawPath: `/api/examples/${exampleId}`,
    rawQueryString: '',
    headers: { 'content-type': 'application/json' },
    pathParameters: { exampleId },
    body: JSON.stringify({ title: 'Zero-waste packaging', budget: { minCents: 500_000 } }),
    isBase64Encoded: false,
    requestContext: {} as APIGatewayProxyEventV2['requestContext'],
    ...overrides,
  };
}

function problemOf(act: () => unknown): HttpProblem {
  try {
    act();
  } catch (error) {
    if (error instanceof HttpProblem) return error;
    throw error;
  }
  throw new Error('Expected a problem, but the request was accepted');
}

describe('Function: parseRequest', () => {
  it('returns the typed path, query and body of a valid request', () => {
    const input = parseRequest(route, event({ queryStringParameters: { limit: '20' } }));

    expect(input).toEqual({
      params: { exampleId },
      query: { limit: 20 },
      body: { title: 'Zero-waste packaging', budget: { minCents: 500_000 } },
    });
  });

  it('reads a base64-encoded JSON body', () => {
    const body = Buffer.from(JSON.stringify({ title: 'Circular fashion', budget: { minCents: 1 } })).toString('base64');

    expect(parseRequest(route, event({ body, isBase64Encoded: true })).body.title).toBe('Circular fashion');
  });

  it('refuses malformed JSON with 400 and says so', () => {
    const problem = problemOf(() => parseRequest(route, event({ body: '{"title": ' })));

    expect(problem.status).toBe(400);
    expect(problem.detail).toMatch(/not valid JSON/);
  });

  it('refuses a body that is not JSON with 415', () => {
    const problem = problemOf(() => parseRequest(route, event({ headers: { 'content-type': 'text/plain' } })));

    expect(problem.status).toBe(415);
  });

  it('accepts a JSON content type with parameters or a +json suffix', () => {
    for (const contentType of ['application/json; charset=utf-8', 'application/merge-patch+json']) {
      expect(parseRequest(route, event({ headers: { 'content-type': contentType } })).body.title).toBe('Zero-waste packaging');
    }
  });

  it('refuses a body over 256 KB with 413', () => {
    const body = JSON.stringify({ title: 'x'.repeat(MAX_BODY_BYTES), budget: { minCents: 1 } });

    expect(problemOf(() => parseRequest(route, event({ body }))).status).toBe(413);
  });

  it('names every invalid and unknown field with 422, nested paths included', () => {
    const body = JSON.stringify({ title: 'ab', budget: { minCents: 1.5, currency: 'EUR' }, colour: 'red' });

    const problem = problemOf(() => parseRequest(route, event({ body })));

    expect(problem.status).toBe(422);
    expect(problem.errors?.map((error) => error.field).sort()).toEqual(['body.budget.currency', 'body.budget.minCents', 'body.colour', 'body.title']);
  });

  it('asks for a body when a route needs one and none came', () => {
    const problem = problemOf(() => parseRequest(route, event({ body: undefined })));

    expect(problem.status).toBe(422);
    expect(problem.errors).toEqual([{ field: 'body', message: 'A JSON body is required' }]);
  });

  it('refuses a bad path or query parameter with 400, naming it', () => {
    const badPath = problemOf(() => parseRequest(route, event({ pathParameters: { exampleId: 'short' } })));
    const badQuery = problemOf(() => parseRequest(route, event({ queryStringParameters: { limit: '0', sort: 'x' } })));

    expect(badPath.status).toBe(400);
    expect(badPath.errors?.[0]?.field).toBe('path.exampleId');
    expect(badQuery.status).toBe(400);
    expect(badQuery.errors?.map((error) => error.field).sort()).toEqual(['query.limit', 'query.sort']);
  });

  it('refuses a body on a route that takes none', () => {
    const { request: _request, ...withoutInput } = route;

    expect(problemOf(() => parseRequest(withoutInput, event())).status).toBe(400);
  });

  describe('a route whose body comes as a form (the one-click unsubscribe)', () => {
    const formRoute = {
      ...route,
      request: { params: route.request.params, body: z.object({ 'List-Unsubscribe': z.literal('One-Click') }), bodyEncoding: 'form' },
    } as const satisfies RouteDefinition;
    const form = { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' };

    it('reads the form fields as the body, base64-encoded or not', () => {
      expect(parseRequest(formRoute, event(form)).body).toEqual({ 'List-Unsubscribe': 'One-Click' });
      expect(parseRequest(formRoute, event({ ...form, body: Buffer.from(form.body).toString('base64'), isBase64Encoded: true })).body).toEqual({ 'List-Unsubscribe': 'One-Click' });
    });

    it('refuses JSON there with 415 and a form without the one-click field with 422, while JSON routes still refuse a form', () => {
      expect(problemOf(() => parseRequest(formRoute, event())).status).toBe(415);
      expect(problemOf(() => parseRequest(formRoute, event({ ...form, body: 'List-Unsubscribe=Later' }))).status).toBe(422);
      expect(problemOf(() => parseRequest(route, event(form))).status).toBe(415);
    });
  });
});
