import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { contentSecurityPolicyOf } from '#shared/content-security-policy.ts';
import { securityHeaders } from '#shared/security-headers.ts';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
};

/** File names carry a content hash under _app/immutable, so they never change; everything else may. */
function cacheControl(urlPath: string, file: string): string {
  if (urlPath.startsWith('/_app/immutable/')) return 'public, max-age=31536000, immutable';
  if (file.endsWith('.html')) return 'no-cache';
  return 'public, max-age=3600, must-revalidate';
}

export type StaticSite = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

/**
 * Serves the built site (web/build) as S3 + CloudFront do, with CloudFront's security headers: exact files, then `page.html` or
 * `page/index.html`, and for a path that looks like a page (no file extension) the single-page
 * app's index.html with a 200. A missing file with an extension is a real 404.
 */
export function createStaticSite(root: string): StaticSite {
  const base = resolve(root);
  const policy = currentPolicy(base);

  return async (request, response) => {
    for (const [name, value] of Object.entries(securityHeaders)) response.setHeader(name, value);
    response.setHeader('content-security-policy', await policy());
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
      response.end('Method Not Allowed');
      return;
    }
    const urlPath = decodedPath(request.url ?? '/');
    const file = urlPath === undefined ? undefined : await findFile(base, urlPath);
    if (!file || urlPath === undefined) {
      response.writeHead(urlPath === undefined ? 400 : 404, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(urlPath === undefined ? 'Bad Request' : 'Not Found');
      return;
    }
    // Read whole (site files are small), so the length sent always matches the bytes sent, even mid-rebuild.
    const body = await readFile(file);
    response.writeHead(200, {
      'content-type': contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': body.byteLength,
      'cache-control': cacheControl(urlPath, file),
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  };
}

/**
 * The Content-Security-Policy CloudFront sends for this build (SvelteKit's own, with its hashes);
 * read again whenever the site is rebuilt while the server runs.
 */
function currentPolicy(base: string): () => Promise<string> {
  let built: { at: number; policy: string } | undefined;
  return async () => {
    const page = join(base, 'index.html');
    const at = await stat(page).then(
      (file) => file.mtimeMs,
      () => 0,
    );
    if (built?.at !== at) built = { at, policy: contentSecurityPolicyOf(at ? await readFile(page, 'utf8') : undefined) };
    return built.policy;
  };
}

/** The URL's path, decoded; undefined when it cannot be decoded or smuggles a NUL byte. */
function decodedPath(url: string): string | undefined {
  const raw = url.split('?')[0] ?? '/';
  try {
    const path = decodeURIComponent(raw);
    return path.includes('\0') ? undefined : path;
  } catch {
    return undefined;
  }
}

async function findFile(base: string, urlPath: string): Promise<string | undefined> {
  const candidates = urlPath.endsWith('/') ? [`${urlPath}index.html`] : [urlPath, `${urlPath}.html`, `${urlPath}/index.html`];
  for (const candidate of candidates) {
    const file = insideRoot(base, candidate);
    if (file && (await isFile(file))) return file;
  }
  if (extname(urlPath) !== '') return undefined;
  const appShell = join(base, 'index.html');
  return (await isFile(appShell)) ? appShell : undefined;
}

/** The file for a URL path, or undefined when `..` would lead outside the site's root. */
function insideRoot(base: string, urlPath: string): string | undefined {
  const file = resolve(base, `.${urlPath}`);
  return file === base || file.startsWith(base + sep) ? file : undefined;
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}
