import type { Language } from '#shared/language.ts';

/** The locale each email language writes dates and amounts in. */
export const locales: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB' };

/** A UTC ISO 8601 time as people in the region read it: in Europe/Amsterdam, in the recipient's language. */
export function amsterdamTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(locales[language], { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(new Date(iso));
}
