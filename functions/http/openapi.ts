import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import type { ResponseConfig } from '@asteasolutions/zod-to-openapi';
import { PROBLEM_CONTENT_TYPE, problemSchema } from '#shared/problem.ts';
import { refusedWhile } from './access.ts';
import type { RouteDefinition } from './route.ts';

type ComponentSchema = Parameters<OpenAPIRegistry['registerComponent']>[2];

/** The failures every route can answer, besides those its inputs add. */
function problemResponses(route: RouteDefinition, problem: ResponseConfig['content']): Record<string, ResponseConfig> {
  const answer = (description: string): ResponseConfig => ({ description, content: problem });
  const responses: Record<string, ResponseConfig> = { '500': answer('Something went wrong on our side') };
  if (route.request?.params || route.request?.query) responses['400'] = answer('A path or query parameter is not valid');
  if (route.request?.params) responses['404'] = answer('There is no such resource, or the caller may not see it');
  const refused = refusedWhile(route);
  if (refused.length) responses['403'] = answer(`The caller's organisation is ${refused.join(' or ')}: it changes nothing here`);
  if (route.request?.body) {
    const form = route.request.bodyEncoding === 'form';
    responses['400'] = answer(form ? 'A parameter is not valid' : 'The body is not valid JSON, or a parameter is not valid');
    responses['413'] = answer('The body is larger than 256 KB');
    responses['415'] = answer(form ? 'The body is not a form (application/x-www-form-urlencoded)' : 'The body is not JSON');
    responses['422'] = answer('Some fields are not valid; `errors` names each');
  }
  return responses;
}

/** Generates the OpenAPI 3.1 document of the API from the route table, schemas and all. */
export function buildOpenApiDocument(routes: readonly RouteDefinition[], version: string): Record<string, unknown> {
  const registry = new OpenAPIRegistry();
  // A component rather than registry.register(): that needs zod extended before any schema exists.
  registry.registerComponent('schemas', 'Problem', z.toJSONSchema(problemSchema) as ComponentSchema);
  const problemContent = { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } };
  for (const route of routes) {
    const { status, description, schema, contentType = 'application/json' } = route.response;
    registry.registerPath({
      operationId: route.operationId,
      method: route.method.toLowerCase() as 'get',
      path: route.path,
      summary: route.summary,
      tags: [route.group],
      'x-access': route.access,
      request: {
        params: route.request?.params,
        query: route.request?.query,
        body: route.request?.body
          ? { required: true, content: { [route.request.bodyEncoding === 'form' ? 'application/x-www-form-urlencoded' : 'application/json']: { schema: route.request.body } } }
          : undefined,
      },
      responses: {
        [String(status)]: {
          description,
          content: status === 204 ? undefined : { [contentType]: { schema: schema ?? { type: 'string' } } },
        },
        ...problemResponses(route, problemContent),
      },
    });
  }
  const document = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Crossover API',
      version,
      description:
        'The API of Crossover, the commissioning marketplace of the Amsterdam metropolitan region’s creative cluster. ' +
        'Every failure is answered as RFC 9457 problem details (`application/problem+json`).',
    },
    servers: [{ url: '/' }],
  });
  return { ...document };
}
