import { getLocale } from '$lib/paraglide/runtime.js';

const localeTags = { nl: 'nl-NL', en: 'en-GB' } as const;

/** A UTC ISO 8601 time as people in the region read it: in Europe/Amsterdam, in the page's language. */
export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(localeTags[getLocale()], {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  }).format(new Date(iso));
}
