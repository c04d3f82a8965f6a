import { Duration } from 'aws-cdk-lib';
import { HeadersFrameOption, HeadersReferrerPolicy, ResponseHeadersPolicy } from 'aws-cdk-lib/aws-cloudfront';
import type { Construct } from 'constructs';

export interface SecurityHeadersProps {
  comment: string;
  /** Set for the site; the API's pages (the API reference) send their own. */
  contentSecurityPolicy?: string;
}

/** The security headers CloudFront puts on every answer, overriding whatever the origin sent. */
export function securityHeaders(scope: Construct, id: string, props: SecurityHeadersProps): ResponseHeadersPolicy {
  return new ResponseHeadersPolicy(scope, id, {
    comment: props.comment,
    securityHeadersBehavior: {
      ...(props.contentSecurityPolicy && {
        contentSecurityPolicy: { contentSecurityPolicy: props.contentSecurityPolicy, override: true },
      }),
      strictTransportSecurity: {
        accessControlMaxAge: Duration.days(365 * 2),
        includeSubdomains: true,
        override: true,
      },
      contentTypeOptions: { override: true },
      frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
      referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
    },
    customHeadersBehavior: {
      customHeaders: [{ header: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()', override: true }],
    },
  });
}
