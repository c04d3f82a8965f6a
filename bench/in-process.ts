import type { IncomingMessage } from 'node:http';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { routesForPath } from '#functions/http/route-match.ts';
import { routes } from '#functions/http/routes.ts';
import { splitTarget, toApiGatewayEvent } from '#functions/local/api-event.ts';
import { createLambdaContext } from '#functions/local/lambda-context.ts';

type GroupHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<{ statusCode?: number } | undefined>;

export interface BenchRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  cookie?: string;
  body?: unknown;
}

const handlers = new Map<string, GroupHandler>();

/**
 * Calls the route's group handler (the module Lambda runs) with the API Gateway event the local
 * adapter would build for this request, in this process; answers the status code.
 */
export async function callInProcess(request: BenchRequest, origin: string): Promise<number> {
  const { pathname } = splitTarget(request.path);
  const route = routesForPath(routes, pathname).find((candidate) => candidate.method === request.method);
  if (!route) throw new Error(`No route takes ${request.method} ${pathname}`);
  let handler = handlers.get(route.group);
  if (!handler) {
    const module = (await import(`#functions/http/handlers/${route.group}/index.ts`)) as { handler: GroupHandler };
    handler = module.handler;
    handlers.set(route.group, handler);
  }
  const body = request.body === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(request.body));
  const headers: Record<string, string> = {
    host: 'localhost',
    origin,
    ...(request.cookie ? { cookie: request.cookie } : {}),
    ...(body.length ? { 'content-type': 'application/json' } : {}),
  };
  const incoming = {
    method: request.method,
    url: request.path,
    httpVersion: '1.1',
    rawHeaders: Object.entries(headers).flat(),
    socket: { remoteAddress: '127.0.0.1', localPort: 0 },
  } as unknown as IncomingMessage;
  const templateParts = route.path.split('/');
  const pathParameters = Object.fromEntries(
    pathname.split('/').flatMap((segment, index) => {
      const name = /^\{(\w+)\}$/.exec(templateParts[index] ?? '')?.[1];
      return name ? [[name, decodeURIComponent(segment)]] : [];
    }),
  );
  const event = toApiGatewayEvent(incoming, body, { requestId: 'bench', routeKey: `${route.method} ${route.path}`, pathParameters });
  const result = await handler(event, createLambdaContext(`crossover-${route.group}`, 30_000));
  return result?.statusCode ?? 200;
}
