import httpSecurityHeaders from '@middy/http-security-headers';

// In middy's policy an empty directive is dropped, and `undefined` also drops the two it would
// otherwise emit bare (sandbox would block the page's script; upgrade-insecure-requests breaks http://localhost).
const contentSecurityPolicy: Record<string, string | undefined> = {
  'default-src': "'none'",
  'script-src': "'self'",
  'style-src': "'self' 'unsafe-inline'",
  'img-src': "'self' data:",
  'connect-src': "'self'",
  'base-uri': "'none'",
  'form-action': "'none'",
  'frame-ancestors': "'none'",
  sandbox: undefined,
  'upgrade-insecure-requests': undefined,
  'navigate-to': '',
  'report-to': '',
  'require-trusted-types-for': '',
  'trusted-types': '',
};

/**
 * Security headers on every API answer. JSON answers need little; the one HTML page the API
 * serves (the API reference) loads swagger-ui's script and styles from the site itself, and
 * swagger-ui sets inline styles, so its policy allows exactly that and nothing from elsewhere.
 */
export const securityHeaders = () => {
  const options = {
    contentSecurityPolicy: contentSecurityPolicy as Record<string, string>,
    reportTo: false,
    // middy's types lag its code here: without this an empty Reporting-Endpoints header goes out.
    reportingEndpoints: false,
    // A legacy header whose filter caused more harm than good; modern browsers ignore it.
    xssProtection: false,
  };
  return httpSecurityHeaders(options);
};
