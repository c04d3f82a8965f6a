import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { config } from '../config.ts';
import { HttpProblem } from './problem.ts';
import type { RouteDefinition } from './route.ts';

/**
 * CSRF defence: a request that changes state must come from the site itself. Browsers always send
 * `Origin` with such requests, and a form on another site cannot forge it (nor send JSON to us).
 * A route whose authority is a token in its path, not the cookie, may say any origin will do.
 */
export function refuseCrossSiteWrites({ method, anyOrigin }: Pick<RouteDefinition, 'method' | 'anyOrigin'>, event: APIGatewayProxyEventV2): void {
  if (method === 'GET' || anyOrigin) return;
  if (!comesFromSite(event.headers['origin'])) {
    throw new HttpProblem(403, 'Forbidden', 'Changes are only accepted from the Crossover site itself (the Origin header).');
  }
}

/** Whether a request's `Origin` header names the Crossover site itself. */
export function comesFromSite(origin: string | undefined): boolean {
  return origin === new URL(config().SITE_URL).origin;
}
