import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { z } from 'zod';
import type { FieldError } from '#shared/problem.ts';
import { badRequest, payloadTooLarge, unsupportedMediaType, validationFailed } from './problem.ts';
import type { RouteDefinition } from './route.ts';

/** Bodies are small JSON documents; anything larger is a mistake or abuse. */
export const MAX_BODY_BYTES = 256 * 1024;

const JSON_CONTENT_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;
const FORM_CONTENT_TYPE = /^application\/x-www-form-urlencoded\s*(?:;|$)/i;

type Part = 'path' | 'query' | 'body';

/** Turns zod's issues into the problem's field list, one entry per field (unknown keys each named). */
export function fieldErrors(part: Part, error: z.ZodError): FieldError[] {
  return error.issues.flatMap((issue) => {
    const at = [part, ...issue.path.map(String)].join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: `${at}.${key}`, message: 'Unknown field' }));
    }
    return [{ field: at, message: issue.message }];
  });
}

function parseWith<S extends z.ZodType>(schema: S, value: unknown, part: Part): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const errors = fieldErrors(part, result.error);
  throw part === 'body' ? validationFailed(errors) : badRequest(`The ${part} parameters are not valid.`, errors);
}

function rawBody(event: APIGatewayProxyEventV2): Buffer | undefined {
  if (event.body === undefined || event.body === '') return undefined;
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
}

/** A form body's fields as an object; a field sent twice keeps its last value. */
function parseFormBody(event: APIGatewayProxyEventV2): unknown {
  const body = rawBody(event);
  if (!body) throw validationFailed([{ field: 'body', message: 'A form body is required' }]);
  if (body.byteLength > MAX_BODY_BYTES) throw payloadTooLarge(MAX_BODY_BYTES);
  if (!FORM_CONTENT_TYPE.test(event.headers['content-type'] ?? '')) {
    throw unsupportedMediaType('Send the body as a form, with `content-type: application/x-www-form-urlencoded`.');
  }
  return Object.fromEntries(new URLSearchParams(body.toString('utf8')));
}

function parseJsonBody(event: APIGatewayProxyEventV2): unknown {
  const body = rawBody(event);
  if (!body) throw validationFailed([{ field: 'body', message: 'A JSON body is required' }]);
  if (body.byteLength > MAX_BODY_BYTES) throw payloadTooLarge(MAX_BODY_BYTES);
  const contentType = event.headers['content-type'] ?? '';
  if (!JSON_CONTENT_TYPE.test(contentType)) {
    throw unsupportedMediaType('Send the body as JSON, with `content-type: application/json`.');
  }
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw badRequest(`The body is not valid JSON: ${(error as Error).message}`);
  }
}

export type RequestInput<R extends RouteDefinition> = {
  params: R['request'] extends { params: infer S extends z.ZodType } ? z.infer<S> : Record<string, never>;
  query: R['request'] extends { query: infer S extends z.ZodType } ? z.infer<S> : Record<string, never>;
  body: R['request'] extends { body: infer S extends z.ZodType } ? z.infer<S> : undefined;
};

/** Reads and checks a request's path, query and body against the route's schemas. */
export function parseRequest<R extends RouteDefinition>(route: R, event: APIGatewayProxyEventV2): RequestInput<R> {
  const { params, query, body, bodyEncoding } = route.request ?? {};
  if (!body && rawBody(event)) throw badRequest('This request takes no body.');
  return {
    params: params ? parseWith(params, event.pathParameters ?? {}, 'path') : {},
    query: query ? parseWith(query, event.queryStringParameters ?? {}, 'query') : {},
    body: body ? parseWith(body, bodyEncoding === 'form' ? parseFormBody(event) : parseJsonBody(event), 'body') : undefined,
  } as RequestInput<R>;
}
