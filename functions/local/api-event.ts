import type { IncomingMessage } from 'node:http';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

export interface RequestTarget {
  requestId: string;
  routeKey: string;
  pathParameters: Record<string, string>;
}

/** The payload-2.0 event API Gateway (HTTP API) would send its Lambda integration for this request. */
export function toApiGatewayEvent(request: IncomingMessage, body: Buffer, target: RequestTarget): APIGatewayProxyEventV2 {
  const { pathname, query } = splitTarget(request.url ?? '/');
  // HTTP APIs hand the function the path already URL-decoded.
  const path = pathname.split('/').map(decodeOrKeep).join('/');
  const headers = lowerCasedHeaders(request.rawHeaders);
  const cookies = headers.cookie
    ?.split(';')
    .map((cookie) => cookie.trim())
    .filter(Boolean);
  delete headers.cookie;

  const sourceIp = (request.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
  headers['x-forwarded-for'] = headers['x-forwarded-for'] ? `${headers['x-forwarded-for']}, ${sourceIp}` : sourceIp;
  headers['x-forwarded-proto'] = 'http';
  headers['x-forwarded-port'] = String(request.socket.localPort ?? '');

  const domainName = (headers.host ?? 'localhost').replace(/:\d+$/, '');
  const now = new Date();
  const queryStringParameters = joinedQuery(query);
  const hasBody = body.length > 0;
  const isBase64Encoded = hasBody && !isTextContentType(headers['content-type']);

  return {
    version: '2.0',
    routeKey: target.routeKey,
    rawPath: path,
    rawQueryString: query,
    ...(cookies && cookies.length > 0 ? { cookies } : {}),
    headers,
    ...(queryStringParameters ? { queryStringParameters } : {}),
    ...(Object.keys(target.pathParameters).length > 0 ? { pathParameters: target.pathParameters } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName,
      domainPrefix: domainName.split('.')[0] ?? domainName,
      http: {
        method: request.method ?? 'GET',
        path,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: target.requestId,
      routeKey: target.routeKey,
      stage: '$default',
      time: apiGatewayTime(now),
      timeEpoch: now.getTime(),
    },
    ...(hasBody ? { body: body.toString(isBase64Encoded ? 'base64' : 'utf8') } : {}),
    isBase64Encoded,
  };
}

/** A request target (`/path?query`) split into its path and its raw query string. */
export function splitTarget(target: string): { pathname: string; query: string } {
  const queryStart = target.indexOf('?');
  return queryStart < 0 ? { pathname: target, query: '' } : { pathname: target.slice(0, queryStart), query: target.slice(queryStart + 1) };
}

/** Repeated headers are joined with commas, as API Gateway does; names are lower-cased. */
function lowerCasedHeaders(rawHeaders: string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (let index = 0; index + 1 < rawHeaders.length; index += 2) {
    const name = (rawHeaders[index] ?? '').toLowerCase();
    const value = rawHeaders[index + 1] ?? '';
    const separator = name === 'cookie' ? '; ' : ',';
    headers[name] = headers[name] === undefined ? value : `${headers[name]}${separator}${value}`;
  }
  return headers;
}

/** Decoded query parameters, repeated keys joined with commas; undefined when there are none. */
function joinedQuery(query: string): Record<string, string> | undefined {
  const parameters: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(query)) {
    parameters[key] = parameters[key] === undefined ? value : `${parameters[key]},${value}`;
  }
  return Object.keys(parameters).length > 0 ? parameters : undefined;
}

/** HTTP APIs pass these as text and base64-encode every other body (even form posts). */
function isTextContentType(contentType: string | undefined): boolean {
  const type = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  return type.startsWith('text/') || type === 'application/json' || type === 'application/xml' || type === 'application/javascript';
}

/** URL-decoded, or kept as it is when its escapes are malformed. */
export function decodeOrKeep(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** API Gateway's request time format, e.g. `12/Mar/2020:19:03:58 +0000`. */
function apiGatewayTime(date: Date): string {
  const two = (value: number) => String(value).padStart(2, '0');
  return (
    `${two(date.getUTCDate())}/${months[date.getUTCMonth()]}/${date.getUTCFullYear()}:` +
    `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} +0000`
  );
}
