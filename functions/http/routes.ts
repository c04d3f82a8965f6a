import { systemRoutes } from './handlers/system/routes.ts';
import { accountRoutes } from './handlers/account/routes.ts';
import { organisationRoutes } from './handlers/organisations/routes.ts';
import { staffRoutes } from './handlers/staff/routes.ts';
import { directoryRoutes } from './handlers/directory/routes.ts';
import { challengeRoutes } from './handlers/challenges/routes.ts';
import { bidRoutes } from './handlers/bids/routes.ts';
import { evaluationRoutes } from './handlers/evaluation/routes.ts';
import type { RouteDefinition } from './route.ts';

/**
 * The one route table: every API route Crossover has. Each group keeps its routes beside its handlers
 * as plain data (so CDK never imports handler code); they are joined here, in the groups' order.
 */
export const routes = [
  ...systemRoutes,
  ...accountRoutes,
  ...organisationRoutes,
  ...staffRoutes,
  ...directoryRoutes,
  ...challengeRoutes,
  ...bidRoutes,
  ...evaluationRoutes,
] as const satisfies readonly RouteDefinition[];

export type OperationId = (typeof routes)[number]['operationId'];
