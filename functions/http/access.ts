import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { AccessRule } from './route.ts';

/**
 * Checks a route's declared access rule before its handler runs. Every rule the route table can
 * name must be handled here; the exhaustive switch makes a new rule without a check a type error.
 */
export function authorise(rule: AccessRule, _event: APIGatewayProxyEventV2): void {
  switch (rule) {
    case 'public':
      return;
    default: {
      const unhandled: never = rule;
      throw new Error(`No check for access rule ${String(unhandled)}`);
    }
  }
}
