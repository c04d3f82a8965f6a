import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/**
 * The address of the person's own device, for limits per client. Straight to the API (locally) it is
 * the connection's source. Behind CloudFront the source is CloudFront's edge server, shared by many
 * people: CloudFront appends the viewer's address to `X-Forwarded-For` and API Gateway then appends
 * the edge's, so the viewer is the last but one entry. Entries before it come from the client and
 * are never trusted; the origin secret guarantees that CloudFront was the only way in.
 */
export function clientAddress(event: Pick<APIGatewayProxyEventV2, 'headers' | 'requestContext'>, behindCloudFront: boolean): string {
  const source = event.requestContext.http.sourceIp;
  if (!behindCloudFront) return source;
  const forwarded = (event.headers['x-forwarded-for'] ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  return forwarded.length >= 2 ? forwarded[forwarded.length - 2]! : source;
}
