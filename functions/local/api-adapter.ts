import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { PROBLEM_CONTENT_TYPE, type Problem } from '#shared/problem.ts';
import type { RouteDefinition, RouteGroup } from '#functions/http/route.ts';
import { routesForPath } from '#functions/http/route-match.ts';
import { routes as routeTable } from '#functions/http/routes.ts';
import { decodeOrKeep, splitTarget, toApiGatewayEvent } from './api-event.ts';
import { createLambdaContext } from './lambda-context.ts';
import { localLog } from './log.ts';

/** A group's Lambda entry point, as `functions/http/handlers/<group>/index.ts` exports it. */
export type ApiHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<unknown>;
export type LoadHandler = (group: RouteGroup) => Promise<ApiHandler>;

export interface ApiGatewayOptions {
  routes?: readonly RouteDefinition[];
  loadHandler?: LoadHandler;
  /** How long the gateway waits for a function, as API Gateway's integration timeout does. */
  timeoutMs?: number;
}

export type ApiGateway = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

/** API Gateway HTTP API refuses request bodies over 10 MB. */
export const maxBodyBytes = 10 * 1024 * 1024;
const defaultTimeoutMs = 30_000;
const log = localLog('api');

/**
 * The local stand-in for API Gateway (HTTP API, payload format 2.0): finds the route in the route
 * table, builds the event the function would get in AWS, calls the group's handler — the very one
 * Lambda runs — and turns its result into the HTTP answer the way API Gateway does.
 */
export function createApiGateway(options: ApiGatewayOptions = {}): ApiGateway {
  const routes = options.routes ?? routeTable;
  const loadHandler = options.loadHandler ?? loadGroupHandler;
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;

  return async (request, response) => {
    const requestId = randomUUID();
    response.setHeader('apigw-requestid', requestId);
    const { pathname } = splitTarget(request.url ?? '/');
    const method = request.method ?? 'GET';

    // As API Gateway's $default route: what no route takes goes to the system group, which answers 404 or 405.
    const route = routesForPath(routes, pathname).find((candidate) => candidate.method === method);
    const body = await readBody(request, maxBodyBytes);
    if (body === 'tooLarge') {
      response.setHeader('connection', 'close');
      sendProblem(response, 413, 'Content Too Large', `Request bodies are limited to ${maxBodyBytes} bytes`);
      return;
    }
    const event = toApiGatewayEvent(request, body, {
      requestId,
      routeKey: route ? `${route.method} ${route.path}` : '$default',
      pathParameters: route ? pathParameters(route.path, pathname) : {},
    });
    const group: RouteGroup = route?.group ?? 'system';
    const functionName = `crossover-${group}`;
    try {
      const handler = await loadHandler(group);
      const result = await withTimeout(handler(event, createLambdaContext(functionName, timeoutMs)), timeoutMs);
      writeResult(response, asLambdaReturnsIt(result));
    } catch (error) {
      if (error instanceof GatewayTimeout) {
        log.error(`${functionName} gave no answer to ${method} ${pathname} within ${timeoutMs} ms`);
        sendProblem(response, 504, 'Gateway Timeout', `The API gave no answer within ${timeoutMs} ms`);
      } else {
        log.error(`${functionName} failed on ${method} ${pathname}`, error);
        sendProblem(response, 500, 'Internal Server Error');
      }
    }
  };
}

/** The template's `{name}` segments, URL-decoded as API Gateway passes them. */
function pathParameters(template: string, encodedPath: string): Record<string, string> {
  const segments = encodedPath.split('/');
  const parameters: Record<string, string> = {};
  for (const [index, part] of template.split('/').entries()) {
    const name = /^\{(\w+)\}$/.exec(part)?.[1];
    if (name !== undefined) parameters[name] = decodeOrKeep(segments[index] ?? '');
  }
  return parameters;
}

/**
 * Writes what the function returned the way API Gateway reads payload-2.0 results: a result with a
 * `statusCode` is a response; anything else is a 200 JSON body (a string is sent as it is).
 */
function writeResult(response: ServerResponse, result: unknown): void {
  if (!isStructuredResult(result)) {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(typeof result === 'string' ? result : JSON.stringify(result));
    return;
  }
  if (!Number.isInteger(result.statusCode) || result.statusCode < 100 || result.statusCode > 599) {
    log.error(`The function answered an invalid statusCode: ${String(result.statusCode)}`);
    sendProblem(response, 500, 'Internal Server Error');
    return;
  }
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(result.headers ?? {})) headers[name.toLowerCase()] = String(value);
  if (result.cookies && result.cookies.length > 0) {
    const existing = headers['set-cookie'];
    headers['set-cookie'] = [...(existing === undefined ? [] : [existing].flat()), ...result.cookies];
  }
  response.writeHead(result.statusCode, headers);
  response.end(Buffer.from(result.body ?? '', result.isBase64Encoded ? 'base64' : 'utf8'));
}

/** Lambda hands API Gateway the result as JSON, so `undefined` fields vanish and dates become strings. */
function asLambdaReturnsIt(result: unknown): unknown {
  const json = JSON.stringify(result);
  return json === undefined ? null : JSON.parse(json);
}

interface StructuredResult {
  statusCode: number;
  headers?: Record<string, boolean | number | string>;
  cookies?: string[];
  body?: string;
  isBase64Encoded?: boolean;
}

function isStructuredResult(result: unknown): result is StructuredResult {
  return typeof result === 'object' && result !== null && 'statusCode' in result;
}

/**
 * Reads the whole body, or answers `tooLarge` as soon as it passes the limit (up front when the
 * client declares its length). The rest is drained rather than cut off, so the client reads the 413.
 */
async function readBody(request: IncomingMessage, limit: number): Promise<Buffer | 'tooLarge'> {
  if (Number(request.headers['content-length'] ?? 0) > limit) {
    request.resume();
    return 'tooLarge';
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) resolve('tooLarge');
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function sendProblem(response: ServerResponse, status: number, title: string, detail?: string): void {
  const problem: Problem = { type: 'about:blank', title, status, ...(detail ? { detail } : {}) };
  response.writeHead(status, { 'content-type': PROBLEM_CONTENT_TYPE });
  response.end(JSON.stringify(problem));
}

class GatewayTimeout extends Error {}

async function withTimeout<T>(answer: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new GatewayTimeout()), timeoutMs);
  });
  try {
    return await Promise.race([answer, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const handlerModules = new Map<RouteGroup, Promise<ApiHandler>>();

/** Imports a group's Lambda entry module on first use, as a cold start would, and keeps it. */
function loadGroupHandler(group: RouteGroup): Promise<ApiHandler> {
  let loading = handlerModules.get(group);
  if (!loading) {
    const moduleUrl = new URL(`../http/handlers/${group}/index.ts`, import.meta.url).href;
    loading = import(moduleUrl).then((module: { handler?: ApiHandler }) => {
      if (typeof module.handler !== 'function') throw new Error(`${moduleUrl} exports no handler`);
      return module.handler;
    });
    // A failed import (a syntax error being fixed) is retried on the next request.
    loading.catch(() => handlerModules.delete(group));
    handlerModules.set(group, loading);
  }
  return loading;
}
