import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from './openapi.ts';
import { routes } from './routes.ts';

type Operation = { operationId: string; responses: Record<string, { content?: Record<string, unknown> }> };

describe('Function: buildOpenApiDocument', () => {
  const document = buildOpenApiDocument(routes, '1.2.3') as {
    openapi: string;
    info: { version: string };
    paths: Record<string, Record<string, Operation>>;
    components: { schemas: Record<string, unknown> };
  };

  it('describes every route of the route table, once, as OpenAPI 3.1', () => {
    const operations = Object.values(document.paths).flatMap((methods) => Object.values(methods));

    expect(document.openapi).toBe('3.1.0');
    expect(document.info.version).toBe('1.2.3');
    expect(operations.map((operation) => operation.operationId).sort()).toEqual(routes.map((route) => route.operationId).sort());
    for (const route of routes) {
      expect(document.paths[route.path]?.[route.method.toLowerCase()]?.operationId).toBe(route.operationId);
    }
  });

  it('documents the success schema and the problem+json failures of each route', () => {
    const health = document.paths['/api/health']?.get;

    expect(health?.responses['200']?.content?.['application/json']).toMatchObject({
      schema: { type: 'object', properties: { status: { enum: ['ok', 'degraded'] } } },
    });
    expect(health?.responses['500']?.content?.['application/problem+json']).toEqual({
      schema: { $ref: '#/components/schemas/Problem' },
    });
    expect(document.components.schemas['Problem']).toMatchObject({ required: ['type', 'title', 'status'] });
  });
});
