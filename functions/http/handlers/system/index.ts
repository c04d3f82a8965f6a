import { checkHealth } from '#functions/domain/system/health.ts';
import { wiring } from '#functions/wiring.ts';
import { createGroupHandler } from '#functions/http/group-handler.ts';
import { buildOpenApiDocument } from '#functions/http/openapi.ts';
import { routes } from '#functions/http/routes.ts';
import { apiReferencePage } from './api-reference.html.ts';

/** The system routes: health, the OpenAPI document and its reference page. */
export const handler = createGroupHandler('system', {
  getHealth: async () => {
    const { tableReachable, config } = wiring();
    return checkHealth({
      tableReachable,
      version: config.APP_VERSION,
      now: () => new Date(),
    });
  },
  getOpenApiDocument: async () => buildOpenApiDocument(routes, wiring().config.APP_VERSION),
  getApiReference: async () => apiReferencePage,
});
