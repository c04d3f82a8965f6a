import { z } from 'zod';
import { healthSchema } from '#shared/health.ts';
import type { RouteDefinition } from '../../route.ts';

/** The system group's routes: health, the OpenAPI document and its reference page. Plain data, joined in `functions/http/routes.ts`. */
export const systemRoutes = [
  {
    operationId: 'getHealth',
    method: 'GET',
    path: '/api/health',
    access: 'public',
    group: 'system',
    reads: { requests: 4, items: 5 },
    summary: 'Is the API up, which version runs, and can it reach its table',
    response: { status: 200, description: 'The API is answering', schema: healthSchema },
  },
  {
    operationId: 'getOpenApiDocument',
    method: 'GET',
    path: '/api/openapi.json',
    access: 'public',
    group: 'system',
    reads: { requests: 3, items: 5 },
    summary: 'This API described in OpenAPI 3.1',
    response: { status: 200, description: 'The OpenAPI document', schema: z.record(z.string(), z.unknown()) },
  },
  {
    operationId: 'getApiReference',
    method: 'GET',
    path: '/api/docs',
    access: 'public',
    group: 'system',
    reads: { requests: 3, items: 5 },
    summary: 'A readable reference page of this API',
    response: { status: 200, description: 'An HTML page', contentType: 'text/html' },
  },
] as const satisfies readonly RouteDefinition[];
