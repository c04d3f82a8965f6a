/** CloudFront refuses a Content-Security-Policy header longer than this. */
const maxLength = 1783;

/** Used until a site is built: our own origin only, no inline code at all. */
const withoutBuild = ["default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "object-src 'none'", "base-uri 'self'", "form-action 'self'"].join(
  '; ',
);

/** What a `<meta>` policy cannot carry, so the header adds it. */
const headerOnly = ["frame-ancestors 'none'", 'upgrade-insecure-requests'];

const metaPolicy = /<meta\s+http-equiv="content-security-policy"\s+content="([^"]+)"/i;

/**
 * The site's Content-Security-Policy header, from the built index.html (undefined before a build).
 * SvelteKit writes the policy of web/svelte.config.js into the built page, with the hashes of that
 * build's inline boot script and style, so the header is that very policy plus what only a header
 * can say (`frame-ancestors`). One source, no 'unsafe-inline', and always matching the build that
 * is deployed or served: CloudFront's (infra/) and the local server's are the same.
 */
export function contentSecurityPolicyOf(builtPage: string | undefined): string {
  const built = builtPage === undefined ? undefined : metaPolicy.exec(builtPage)?.[1];
  const policy = [built ?? withoutBuild, ...headerOnly].join('; ');
  if (policy.length > maxLength) {
    throw new Error(`The Content-Security-Policy is ${policy.length} characters; CloudFront allows ${maxLength}`);
  }
  return policy;
}
