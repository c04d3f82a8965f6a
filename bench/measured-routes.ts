import type { BenchRequest } from './in-process.ts';
import { challengeFilterQueries, firmFilterQuery } from './seed/facets.ts';
import { templateTerms } from './seed/templates.ts';

export interface MeasuredRoute extends BenchRequest {
  name: string;
  /** Read routes are timed at every size; writes are only metered (they change the table). */
  kind: 'read' | 'write';
  /** Counted in the scale target (its time must not grow with the table). */
  scales: boolean;
}

export interface BenchPeople {
  challengeId: string;
  commissioner: { organisationId: string; cookie: string };
  firm: { cookie: string };
}

/** The requests the issue names: the list, each facet, a word search, a challenge page, the directory, a dashboard; and a few writes. */
export function measuredRoutes({ challengeId, commissioner, firm }: BenchPeople): MeasuredRoute[] {
  const read = (name: string, path: string, scales: boolean, cookie?: string): MeasuredRoute => ({
    name,
    kind: 'read',
    method: 'GET',
    path,
    scales,
    ...(cookie ? { cookie } : {}),
  });
  return [
    read('challenge list', '/api/challenges', true),
    ...Object.entries(challengeFilterQueries).map(([facet, query]) => read(`challenge list: ${facet}`, `/api/challenges?${query}`, true)),
    read('challenge page', `/api/challenges/${challengeId}`, true),
    read('directory', '/api/firms', true),
    read('directory: subsector', `/api/firms?${firmFilterQuery}`, true),
    read('dashboard: own challenges', `/api/organisations/${commissioner.organisationId}/challenges`, true, commissioner.cookie),
    { name: 'write: draft a challenge', kind: 'write', scales: false, method: 'POST', path: '/api/challenges', cookie: commissioner.cookie, body: templateTerms(1) },
    { name: 'write: follow a challenge', kind: 'write', scales: false, method: 'PUT', path: `/api/challenges/${challengeId}/follow`, cookie: firm.cookie },
    { name: 'write: unfollow', kind: 'write', scales: false, method: 'DELETE', path: `/api/challenges/${challengeId}/follow`, cookie: firm.cookie },
  ];
}
