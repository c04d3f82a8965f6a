import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { localLog } from './log.ts';
import { testControlsPrefix, type TestControls } from './test-controls.ts';

type RequestHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

const log = localLog('http');

/**
 * One origin, as CloudFront gives the product: `/api/*` goes to the API, everything else to the site.
 * `/__test__/*` goes to the test controls when a test run asked for them, and is a 404 otherwise
 * (never the site's page fallback).
 */
export function createLocalServer({ api, site, testControls }: { api: RequestHandler; site: RequestHandler; testControls?: TestControls }): Server {
  return createServer((request, response) => {
    const started = Date.now();
    const url = request.url ?? '/';
    const isApi = url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');
    const isTestControl = url.startsWith(testControlsPrefix);
    response.once('finish', () => {
      if (isApi || isTestControl || response.statusCode >= 400) {
        log.info(`${request.method} ${url} ${response.statusCode} ${Date.now() - started} ms`);
      }
    });
    const handler = isTestControl ? (testControls ?? notFound) : isApi ? api : site;
    handler(request, response).catch((error: unknown) => {
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

async function notFound(_request: IncomingMessage, response: ServerResponse): Promise<void> {
  response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  response.end('Not Found');
}
