import type { PageLoad } from './$types';
import { checkPlatformHealth } from './platform-health.ts';

export const load: PageLoad = ({ fetch, depends }) => {
  depends('app:health');
  // Not awaited: the page shows at once and the status fills in when the API answers.
  return { health: checkPlatformHealth(fetch) };
};
