import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer, request as forward } from 'node:http';

/** The answer a proxy gives in the service's place. */
export interface StandInAnswer {
  status: number;
  contentType: string;
  body: string;
}

/**
 * A local HTTP proxy in front of one of the local AWS stand-ins: each request goes through to
 * `endpoint` unless `intercept` answers it in the service's place, as the real service would in a
 * case the stand-in cannot produce (a conflict, a refused address).
 */
export async function interceptingProxy(endpoint: string, intercept: (request: IncomingMessage, body: Buffer) => StandInAnswer | undefined) {
  const target = new URL(endpoint);
  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const body = Buffer.concat(chunks);
      const answer = intercept(incoming, body);
      if (answer) {
        outgoing.writeHead(answer.status, { 'content-type': answer.contentType });
        outgoing.end(answer.body);
        return;
      }
      const proxied = forward({ host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers: incoming.headers }, (response) => {
        outgoing.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(outgoing);
      });
      proxied.on('error', (error) => outgoing.destroy(error));
      proxied.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
