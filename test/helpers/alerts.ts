import { ulid } from 'ulid';
import type { AlertPreferences } from '#shared/alerts.ts';
import { wiring } from '#functions/wiring.ts';
import { uniqueEmail } from './api.ts';
import { storedUsers } from './stored-items.ts';

/** Preferences that hear of every challenge at once, in English. */
export const everything: AlertPreferences = { disciplines: [], sectors: [], types: [], funding: [], minBudgetCents: null, municipalities: [], language: 'en', frequency: 'immediately' };

/**
 * A person written straight to the table (a member of `organisationId`, if given) with these alert
 * preferences saved through the alert store, as the account page saves them: for tests that need
 * hundreds of subscribers without signing each in.
 */
export async function subscriber(who: string, preferences: Partial<AlertPreferences>, organisationId?: string) {
  const userId = ulid();
  const email = uniqueEmail(who);
  await storedUsers()
    .put({ userId, email, language: 'en', createdAt: new Date().toISOString(), ...(organisationId ? { organisationId, role: 'member' as const } : {}) })
    .go();
  const saved = await wiring().alertPorts.alerts.save({ userId, email, ...(organisationId ? { organisationId } : {}) }, { ...everything, ...preferences }, 0, new Date().toISOString());
  if (!saved) throw new Error(`Saving the alert preferences of ${email} failed`);
  return { userId, email };
}
