import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const inlineScript = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
const executableTypes = new Set(['module', 'text/javascript', 'application/javascript']);

/**
 * The CSP sources of the inline scripts in the built pages: SvelteKit's bootstrap script, which
 * changes with every build, so it is hashed from the very build that gets deployed.
 */
export function inlineScriptHashes(siteBuildDirectory: string): string[] {
  if (!existsSync(siteBuildDirectory)) return [];
  const pages = readdirSync(siteBuildDirectory, { recursive: true, encoding: 'utf8' }).filter((file) =>
    file.endsWith('.html'),
  );
  const hashes = new Set<string>();
  for (const page of pages) {
    for (const [, attributes = '', body = ''] of readFileSync(join(siteBuildDirectory, page), 'utf8').matchAll(inlineScript)) {
      const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1]?.toLowerCase();
      if (/\bsrc\s*=/i.test(attributes) || (type && !executableTypes.has(type)) || !body.trim()) continue;
      hashes.add(`'sha256-${createHash('sha256').update(body).digest('base64')}'`);
    }
  }
  return [...hashes].sort();
}

/** CloudFront refuses a Content-Security-Policy header longer than this. */
const maxLength = 1783;

/**
 * The site's Content-Security-Policy: everything from our own origin, inline scripts only by hash,
 * no 'unsafe-inline' at all. It matches the `<meta>` policy SvelteKit writes into each page
 * (web/svelte.config.js) and adds what a `<meta>` cannot carry: `frame-ancestors`.
 */
export function contentSecurityPolicy(scriptHashes: readonly string[]): string {
  const policy = [
    "default-src 'self'",
    ["script-src 'self'", ...scriptHashes].join(' '),
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    'upgrade-insecure-requests',
  ].join('; ');
  if (policy.length > maxLength) {
    throw new Error(`The Content-Security-Policy is ${policy.length} characters; CloudFront allows ${maxLength}`);
  }
  return policy;
}
