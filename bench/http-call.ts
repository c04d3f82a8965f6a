import type { BenchRequest } from './in-process.ts';

/** Sends the request to a local server as the site would (JSON, its Origin, the cookie) and reads the whole answer; answers the status. */
export async function callOverHttp(baseUrl: string, request: BenchRequest, origin: string): Promise<number> {
  const headers: Record<string, string> = {
    origin,
    ...(request.cookie ? { cookie: request.cookie } : {}),
    ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
  };
  const response = await fetch(`${baseUrl}${request.path}`, {
    method: request.method,
    headers,
    body: request.body === undefined ? null : JSON.stringify(request.body),
    signal: AbortSignal.timeout(60_000),
  });
  await response.arrayBuffer();
  return response.status;
}
