import middy from '@middy/core';
import httpRouterHandler, { type Route } from '@middy/http-router';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { z } from 'zod';
import { logger } from '../logger.ts';
import { authorise, type ResourceOwners } from './access.ts';
import type { Caller } from './caller.ts';
import { refuseCrossSiteWrites } from './cross-site.ts';
import { resolveCaller } from './resolve-caller.ts';
import { SESSION_COOKIE } from './session-cookie.ts';
import { wiring } from '../wiring.ts';
import { problemDetails } from './middleware/problem-details.ts';
import { securityHeaders } from './middleware/security-headers.ts';
import { throughCloudFrontOnly } from './middleware/through-cloudfront.ts';
import { methodNotAllowed, notFound } from './problem.ts';
import { parseRequest, type RequestInput } from './request.ts';
import { routesForPath } from './route-match.ts';
import type { RouteDefinition, RouteGroup } from './route.ts';
import { routes } from './routes.ts';

type Result = APIGatewayProxyStructuredResultV2;

const resourceOwners: ResourceOwners = {
  challenge: async (challengeId) => (await wiring().challengePorts.challenges.challenge(challengeId))?.organisationId,
};
type AnyRoute = (typeof routes)[number];

type ResponseBody<R extends RouteDefinition> = R['response'] extends { schema: infer S extends z.ZodType }
  ? z.input<S>
  : R['response'] extends { contentType: string }
    ? string
    : undefined;

/** A handler's answer when it must set headers or cookies besides the body. */
export class Reply<B> {
  constructor(
    readonly body: B,
    readonly extra: { headers?: Record<string, string>; cookies?: string[] } = {},
  ) {}
}

export type RouteImplementation<R extends RouteDefinition> = (
  input: RequestInput<R> & { caller: Caller; event: APIGatewayProxyEventV2; context: Context },
) => Promise<ResponseBody<R> | Reply<ResponseBody<R>>>;

/** Every route of a group needs exactly one implementation, keyed by its operationId. */
export type GroupImplementations<G extends RouteGroup> = {
  [R in Extract<AnyRoute, { group: G }> as R['operationId']]: RouteImplementation<R>;
};

function shapeResponse(route: RouteDefinition, answer: unknown): Result {
  const { body, extra } = answer instanceof Reply ? answer : new Reply(answer);
  const contentType = route.response.contentType ?? 'application/json';
  const headers = { 'content-type': contentType, 'cache-control': 'no-store', ...extra.headers };
  if (route.response.status === 204) return { statusCode: 204, headers, cookies: extra.cookies };
  // The answer is checked against the documented schema, so the OpenAPI document never lies.
  const checked = route.response.schema ? route.response.schema.parse(body) : body;
  const text = typeof checked === 'string' && !contentType.includes('json') ? checked : JSON.stringify(checked);
  return { statusCode: route.response.status, headers, cookies: extra.cookies, body: text };
}

function routeHandler(route: RouteDefinition, implementation: RouteImplementation<RouteDefinition>) {
  return async (event: APIGatewayProxyEventV2, context: Context): Promise<Result> => {
    refuseCrossSiteWrites(route, event);
    const { caller, renewedCookie } = await resolveCaller(event);
    await authorise(route, caller, event.pathParameters ?? {}, resourceOwners);
    const input = parseRequest(route, event);
    const result = shapeResponse(route, await implementation({ ...input, caller, event, context }));
    // A route that set the session cookie itself (sign-in, sign-out, erasure) has the last word.
    if (!renewedCookie || result.cookies?.some((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`))) return result;
    return { ...result, cookies: [...(result.cookies ?? []), renewedCookie] };
  };
}

/**
 * Builds the Lambda handler of one feature group: its routes from the route table, each
 * parsed, authorised and answered the same way; every error leaves as problem+json.
 */
export function createGroupHandler<G extends RouteGroup>(group: G, implementations: NoInfer<GroupImplementations<G>>) {
  const table = implementations as unknown as Record<string, RouteImplementation<RouteDefinition>>;
  const groupRoutes: Route<APIGatewayProxyEventV2, Result>[] = routes
    .filter((route) => route.group === group)
    .map((route) => {
      const implementation = table[route.operationId];
      if (!implementation) throw new Error(`Route ${route.operationId} has no implementation in group ${group}`);
      return { method: route.method, path: route.path, handler: routeHandler(route, implementation) };
    });
  const router = httpRouterHandler<APIGatewayProxyEventV2, Result>({
    routes: groupRoutes,
    // Requests no route takes reach the system group (API Gateway's $default route, or the local server).
    notFoundResponse: ({ path }) => {
      const allowed = routesForPath(routes, path).map((route) => route.method);
      throw allowed.length ? methodNotAllowed(allowed) : notFound();
    },
  });
  return (
    middy<APIGatewayProxyEventV2, Result>()
      .use(injectLambdaContext(logger, { resetKeys: true }))
      // Set directly rather than by a JMESPath expression, which would bundle a JMESPath interpreter into every function.
      .before(({ event }) => logger.setCorrelationId(event.requestContext.requestId))
      .use(securityHeaders())
      .use(problemDetails())
      .use(throughCloudFrontOnly())
      .handler(router)
  );
}
