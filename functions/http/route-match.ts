import type { RouteDefinition } from './route.ts';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function templatePattern(path: string): RegExp {
  const segments = path.split('/').map((segment) => (/^\{[^}]+\}$/.test(segment) ? '[^/]+' : escapeRegExp(segment)));
  return new RegExp(`^${segments.join('/')}/?$`);
}

/** The routes whose path template matches a concrete path, whatever their method. */
export function routesForPath<R extends RouteDefinition>(routes: readonly R[], path: string): R[] {
  return routes.filter((route) => templatePattern(route.path).test(path));
}
