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

/** Euro cents as a price in the page's language, without cents when there are none. */
export function formatEuros(cents: number): string {
  return new Intl.NumberFormat(localeTags[getLocale()], {
    style: 'currency',
    currency: 'EUR',
    maximumFractionDigits: cents % 100 === 0 ? 0 : 2,
  }).format(cents / 100);
}

/** A number with one decimal (a score or a total), with the page's decimal mark. */
export function formatDecimal(value: number): string {
  return new Intl.NumberFormat(localeTags[getLocale()], { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}

/** A calendar date (YYYY-MM-DD) in the page's language. */
export function formatDate(isoDate: string): string {
  return new Intl.DateTimeFormat(localeTags[getLocale()], { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }).format(new Date(isoDate));
}
