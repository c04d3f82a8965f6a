import { Function as CloudFrontFunction, FunctionCode, FunctionRuntime } from 'aws-cdk-lib/aws-cloudfront';
import type { Construct } from 'constructs';

/**
 * CloudFront Functions code (cloudfront-js-2.0): a path whose last segment has no file extension
 * is one of the single-page app's routes, so the viewer gets the app's shell, `/index.html`.
 * Done here rather than with error responses, which would apply to `/api/*` answers too.
 */
export const siteRoutesCode = `function handler(event) {
  var request = event.request;
  if (!/\\.[^/]*$/.test(request.uri)) {
    request.uri = '/index.html';
  }
  return request;
}`;

/** The viewer-request function that serves the app shell for the site's client-side routes. */
export function siteRoutes(scope: Construct, id: string): CloudFrontFunction {
  return new CloudFrontFunction(scope, id, {
    comment: 'Serves index.html for the single-page app routes',
    code: FunctionCode.fromInline(siteRoutesCode),
    runtime: FunctionRuntime.JS_2_0,
  });
}
