import { z } from 'zod';
import { idSchema } from '#shared/id.ts';
import { firmListQuerySchema, firmListSchema, firmSchema } from '#shared/organisation.ts';
import type { RouteDefinition } from '../../route.ts';

/** The directory group's routes: the public directory of creative firms. Plain data, joined in `functions/http/routes.ts`. */
export const directoryRoutes = [
  {
    operationId: 'listFirms',
    method: 'GET',
    path: '/api/firms',
    access: 'public',
    group: 'directory',
    reads: { requests: 4, items: 30 },
    summary: 'The directory of verified creative firms, filtered by subsector, discipline, municipality and size',
    request: { query: firmListQuerySchema },
    response: { status: 200, description: 'A page of firms', schema: firmListSchema },
  },
  {
    operationId: 'getFirm',
    method: 'GET',
    path: '/api/firms/{firmId}',
    access: 'public',
    group: 'directory',
    reads: { requests: 4, items: 6 },
    summary: "A verified creative firm's public profile",
    request: { params: z.object({ firmId: idSchema }).strict() },
    response: { status: 200, description: 'The firm', schema: firmSchema },
  },
] as const satisfies readonly RouteDefinition[];
