import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentSecurityPolicyOf } from '#shared/content-security-policy.ts';

/** The Content-Security-Policy header of the site built in this directory (see contentSecurityPolicyOf). */
export function siteContentSecurityPolicy(siteBuildDirectory: string): string {
  const page = join(siteBuildDirectory, 'index.html');
  return contentSecurityPolicyOf(existsSync(page) ? readFileSync(page, 'utf8') : undefined);
}
