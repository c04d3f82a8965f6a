import autocannon from 'autocannon';
import type { MeasuredRoute } from './measured-routes.ts';

export interface LoadFigures {
  connections: number;
  durationSeconds: number;
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Connection errors, timeouts and answers other than 2xx. */
  errors: number;
}

/**
 * autocannon against the local server: its connections take the read routes in turn (the list,
 * each facet, a word search, a challenge page, the directory, a signed-in dashboard).
 */
export async function loadTest(
  serverUrl: string,
  routes: MeasuredRoute[],
  { connections, durationSeconds }: { connections: number; durationSeconds: number },
): Promise<LoadFigures> {
  const result = await autocannon({
    url: serverUrl,
    connections,
    duration: durationSeconds,
    timeout: 30,
    requests: routes
      .filter((route) => route.kind === 'read')
      .map((route) => ({ method: route.method, path: route.path, ...(route.cookie ? { headers: { cookie: route.cookie } } : {}) })),
  });
  return {
    connections,
    durationSeconds,
    requests: result.requests.total,
    requestsPerSecond: result.requests.total / durationSeconds,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}
