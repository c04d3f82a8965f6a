import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { localLog } from './log.ts';

type RequestHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

const log = localLog('http');

/** One origin, as CloudFront gives the product: `/api/*` goes to the API, everything else to the site. */
export function createLocalServer({ api, site }: { api: RequestHandler; site: RequestHandler }): Server {
  return createServer((request, response) => {
    const started = Date.now();
    const url = request.url ?? '/';
    const isApi = url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');
    response.once('finish', () => {
      if (isApi || response.statusCode >= 400) {
        log.info(`${request.method} ${url} ${response.statusCode} ${Date.now() - started} ms`);
      }
    });
    (isApi ? api : site)(request, response).catch((error: unknown) => {
      // A client that hangs up mid-answer is no error of ours.
      if ((error as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE') return;
      log.error(`${request.method} ${url} failed`, error);
      if (!response.headersSent) {
        response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        response.end('Internal Server Error');
      } else {
        response.destroy();
      }
    });
  });
}
