import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { securityHeaders } from '#shared/security-headers.ts';
import { siteContentSecurityPolicy } from '../../infra/content-security-policy.ts';
import { createStaticSite } from './static-site.ts';

const shell = (scriptHash: string) => `<!doctype html><meta http-equiv="content-security-policy" content="script-src 'self' '${scriptHash}'"><title>app shell</title>`;

describe('Local site: createStaticSite', () => {
  let server: Server;
  let port: number;
  let build: string;

  beforeAll(async () => {
    // The site's root sits inside a folder holding a secret, to prove requests cannot climb out.
    const outside = mkdtempSync(join(tmpdir(), 'crossover-site-'));
    writeFileSync(join(outside, 'secret.txt'), 'not for the web');
    const files: Record<string, string> = {
      'index.html': shell('sha256-first'),
      'about.html': '<!doctype html><title>about</title>',
      'en/index.html': '<!doctype html><title>english home</title>',
      '_app/immutable/entry/start.B4x9.js': 'export const start = 1;',
      'favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    };
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(outside, 'build', path)), { recursive: true });
      writeFileSync(join(outside, 'build', path), content);
    }
    build = join(outside, 'build');
    const site = createStaticSite(build);
    server = createServer((request, response) => void site(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** A raw request: the path goes out exactly as written, `..` included. */
  function get(path: string, method = 'GET'): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
    return new Promise((resolve, reject) => {
      const outgoing = httpRequest({ host: '127.0.0.1', port, path, method }, (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
      });
      outgoing.on('error', reject);
      outgoing.end();
    });
  }

  it('serves hashed assets with their content type, cached for good', async () => {
    const response = await get('/_app/immutable/entry/start.B4x9.js');

    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.body).toBe('export const start = 1;');
  });

  it('serves pages as HTML that the browser must revalidate', async () => {
    const root = await get('/');
    const about = await get('/about');
    const english = await get('/en');

    expect(root.body).toContain('app shell');
    expect(about.body).toContain('<title>about</title>');
    expect(english.body).toContain('english home');
    for (const page of [root, about, english]) {
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.headers['cache-control']).toBe('no-cache');
    }
  });

  it('answers an unknown page path with the app shell and a 200', async () => {
    const response = await get('/challenges/01J9ZB7Q4K?tab=bids');

    expect(response.status).toBe(200);
    expect(response.body).toContain('app shell');
  });

  it('answers a missing file with a real 404', async () => {
    const response = await get('/_app/immutable/entry/gone.js');

    expect(response.status).toBe(404);
    expect(response.body).not.toContain('app shell');
  });

  it('never serves a file outside the site, however the path climbs', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/_app/..%2f..%2fsecret.txt', '/..%5csecret.txt']) {
      const response = await get(path);
      expect(response.body, path).not.toContain('not for the web');
      expect(response.status, path).toBe(404);
    }
  });

  it('sends the security headers CloudFront sends, on every answer', async () => {
    for (const path of ['/', '/favicon.svg', '/missing.png']) {
      const response = await get(path);
      for (const [name, value] of Object.entries(securityHeaders)) expect(response.headers[name], `${path} ${name}`).toBe(value);
      expect(response.headers['content-security-policy'], path).toBe(siteContentSecurityPolicy(build));
    }
  });

  it('sends the policy of the build it serves, also after a rebuild', async () => {
    const before = await get('/');
    writeFileSync(join(build, 'index.html'), shell('sha256-second'));
    utimesSync(join(build, 'index.html'), new Date(), new Date(Date.now() + 60_000));
    const after = await get('/');

    expect(before.headers['content-security-policy']).toContain("'sha256-first'");
    expect(after.headers['content-security-policy']).toContain("'sha256-second'");
    expect(after.headers['content-security-policy']).not.toContain("'sha256-first'");
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('/favicon.svg', 'HEAD');
    const post = await get('/', 'POST');

    expect(head.status).toBe(200);
    expect(head.headers['content-type']).toBe('image/svg+xml');
    expect(head.headers['content-length']).toBe('41');
    expect(head.body).toBe('');
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
  });
});
