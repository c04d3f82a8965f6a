import type { Language } from '#shared/language.ts';

/** A page of the site in the recipient's language: Dutch at the root, English under `/en`. */
export function pageUrl(siteUrl: string, language: Language, path: string): string {
  return `${siteUrl}${language === 'en' ? '/en' : ''}${path}`;
}

/** One challenge's page, in the recipient's language. */
export function challengeUrl(siteUrl: string, language: Language, challengeId: string): string {
  return pageUrl(siteUrl, language, `/challenges/${encodeURIComponent(challengeId)}`);
}
