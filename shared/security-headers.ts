/**
 * The security headers CloudFront puts on every answer of the site (infra/constructs/security-headers.ts),
 * as plain data, so the local server sends the very same. The Content-Security-Policy is not here:
 * it carries the hashes of the built pages' inline scripts, so it is made from the build
 * (shared/content-security-policy.ts).
 */
export const securityHeaders = {
  'strict-transport-security': 'max-age=63072000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
} as const satisfies Record<string, string>;
