import type { AlertPreferences, AlertSettings } from '#shared/alerts.ts';
import type { Language } from '#shared/language.ts';
import type { Person } from '../account/person.ts';
import { conflictError } from '../errors.ts';
import type { StoredOrganisation } from '../organisations/ports.ts';
import type { AlertPorts } from './ports.ts';

/** Until a person saves any preferences: every challenge, weekly, or their firm's disciplines and the sectors it serves. */
export function suggestedPreferences(language: Language, firm?: Pick<StoredOrganisation, 'disciplines' | 'sectorsServed'>): AlertPreferences {
  const nothing: AlertPreferences = { disciplines: [], sectors: [], types: [], funding: [], minBudgetCents: null, municipalities: [], language, frequency: 'weekly' };
  return firm ? { ...nothing, disciplines: [...(firm.disciplines ?? [])], sectors: [...(firm.sectorsServed ?? [])] } : nothing;
}

/**
 * What the person hears of: their saved preferences or, until they save any, a suggestion drawn
 * from their firm's profile (its disciplines and the sectors it serves), which sends nothing until
 * they save it.
 */
export async function alertSettingsOf(person: Person, ports: AlertPorts): Promise<AlertSettings> {
  const saved = await ports.alerts.preferences(person.userId);
  if (saved) {
    const { version, savedAt: _savedAt, ...preferences } = saved;
    return { preferences, saved: true, suggestedFrom: null, version };
  }
  const firm = person.membership?.organisationKind === 'creative' ? await ports.organisations.organisation(person.membership.organisationId) : undefined;
  return { preferences: suggestedPreferences(person.language, firm), saved: false, suggestedFrom: firm ? 'firmProfile' : 'nothing', version: 0 };
}

/**
 * Saves what the person wants to hear of:
 * 1. write the preferences and the subscription items that follow from them, over the version the
 *    person read (another window's change first: 409, nothing written)
 * 2. answer the settings as saved
 */
export async function saveAlertPreferences(person: Person, { version, ...preferences }: AlertPreferences & { version: number }, ports: AlertPorts): Promise<AlertSettings> {
  const subscriber = { userId: person.userId, email: person.email, ...(person.membership ? { organisationId: person.membership.organisationId } : {}) };
  if (!(await ports.alerts.save(subscriber, preferences, version, ports.now().toISOString()))) {
    throw conflictError('Your alert preferences were changed elsewhere meanwhile; reload them and choose again.', 'body.version');
  }
  return { preferences, saved: true, suggestedFrom: null, version: version + 1 };
}
