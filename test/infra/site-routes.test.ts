import { describe, expect, it } from 'vitest';
import { siteRoutesCode } from '../../infra/constructs/site-routes.ts';

type ViewerRequest = { uri: string };

/** Runs the CloudFront function's code as CloudFront would, on one viewer request. */
const viewerRequest = (uri: string): ViewerRequest => {
  const handler = new Function(`${siteRoutesCode}\nreturn handler;`)() as (event: { request: ViewerRequest }) => ViewerRequest;
  return handler({ request: { uri } });
};

describe('Site routes: the viewer-request function', () => {
  it.each(['/', '/challenges', '/challenges/01J9ZC3Q6X8V5R2M4N7P0K1B3D', '/nl/uitdagingen/', '/v1.2/notes'])('serves the app shell for the client-side route %s', (uri) => {
    expect(viewerRequest(uri).uri).toBe('/index.html');
  });

  it.each(['/favicon.svg', '/_app/immutable/entry/start.B-6qhLO8.js', '/vendor/swagger-ui/swagger-ui.css', '/.well-known/security.txt'])('leaves the file %s as asked', (uri) => {
    expect(viewerRequest(uri).uri).toBe(uri);
  });
});
