import type { Language } from '#shared/language.ts';
import { locales } from './amsterdam-time.ts';

/** Euro cents as an amount in the recipient's language, without cents when there are none (as the site shows prices). */
export function euros(cents: number, language: Language): string {
  return new Intl.NumberFormat(locales[language], { style: 'currency', currency: 'EUR', maximumFractionDigits: cents % 100 === 0 ? 0 : 2 }).format(cents / 100);
}
