import { api, ApiError } from '$lib/api.ts';
import { healthSchema, type Health } from '$shared/health.ts';

/** What the site can tell about the platform: the API's own answer, or why there was none. */
export type PlatformHealth = { reached: true; health: Health } | { reached: false; error: ApiError };

/** Asks the API for its health; never rejects, so a page can show the outcome whatever it is. */
export async function checkPlatformHealth(fetchFn: typeof fetch): Promise<PlatformHealth> {
  try {
    return { reached: true, health: await api('/api/health', { schema: healthSchema, fetch: fetchFn }) };
  } catch (error) {
    if (error instanceof ApiError) return { reached: false, error };
    throw error;
  }
}
