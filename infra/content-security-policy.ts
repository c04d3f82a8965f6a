import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** CloudFront refuses a Content-Security-Policy header longer than this. */
const maxLength = 1783;

/** Used until a site is built: our own origin only, no inline code at all. */
const withoutBuild = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** What a `<meta>` policy cannot carry, so the header adds it. */
const headerOnly = ["frame-ancestors 'none'", 'upgrade-insecure-requests'];

const metaPolicy = /<meta\s+http-equiv="content-security-policy"\s+content="([^"]+)"/i;

/**
 * The site's Content-Security-Policy header. SvelteKit writes the policy of web/svelte.config.js
 * into the built page, with the hashes of that build's inline boot script and style, so the header
 * is that very policy plus what only a header can say (`frame-ancestors`). One source, no
 * 'unsafe-inline', and always matching the build that is deployed or served.
 */
export function siteContentSecurityPolicy(siteBuildDirectory: string): string {
  const page = join(siteBuildDirectory, 'index.html');
  const built = existsSync(page) ? metaPolicy.exec(readFileSync(page, 'utf8'))?.[1] : undefined;
  const policy = [built ?? withoutBuild, ...headerOnly].join('; ');
  if (policy.length > maxLength) {
    throw new Error(`The Content-Security-Policy is ${policy.length} characters; CloudFront allows ${maxLength}`);
  }
  return policy;
}
