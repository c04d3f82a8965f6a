import { z } from 'zod';
import { healthSchema } from '#shared/health.ts';
import type { RouteDefinition } from './route.ts';

/** The one route table: every API route Crossover has. Plain data; handlers live in the group modules. */
export const routes = [
  {
    operationId: 'getHealth',
    method: 'GET',
    path: '/api/health',
    access: 'public',
    group: 'system',
    summary: 'Is the API up, which version runs, and can it reach its table',
    tags: ['system'],
    response: { status: 200, description: 'The API is answering', schema: healthSchema },
  },
  {
    operationId: 'getOpenApiDocument',
    method: 'GET',
    path: '/api/openapi.json',
    access: 'public',
    group: 'system',
    summary: 'This API described in OpenAPI 3.1',
    tags: ['system'],
    response: { status: 200, description: 'The OpenAPI document', schema: z.record(z.string(), z.unknown()) },
  },
  {
    operationId: 'getApiReference',
    method: 'GET',
    path: '/api/docs',
    access: 'public',
    group: 'system',
    summary: 'A readable reference page of this API',
    tags: ['system'],
    response: { status: 200, description: 'An HTML page', contentType: 'text/html' },
  },
] as const satisfies readonly RouteDefinition[];

export type OperationId = (typeof routes)[number]['operationId'];
