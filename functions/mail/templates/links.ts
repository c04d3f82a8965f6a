import type { Language } from '#shared/language.ts';

/** A page of the site in the recipient's language: Dutch at the root, English under `/en`. */
export function pageUrl(siteUrl: string, language: Language, path: string): string {
  return `${siteUrl}${language === 'en' ? '/en' : ''}${path}`;
}

/** One challenge's page, in the recipient's language. */
export function challengeUrl(siteUrl: string, language: Language, challengeId: string): string {
  return pageUrl(siteUrl, language, `/challenges/${encodeURIComponent(challengeId)}`);
}

/** One bid's page (the form for its lead, the read-only view for partners and the commissioner), in the recipient's language. */
export function bidUrl(siteUrl: string, language: Language, bidId: string): string {
  return pageUrl(siteUrl, language, `/bids/${encodeURIComponent(bidId)}`);
}

/** The commissioner's evaluation page of one challenge, in the recipient's language. */
export function evaluationUrl(siteUrl: string, language: Language, challengeId: string): string {
  return pageUrl(siteUrl, language, `/challenges/${encodeURIComponent(challengeId)}/evaluation`);
}

/** The page that changes or stops one kind of email without signing in, for the link in its footer. */
export function unsubscribePageUrl(siteUrl: string, language: Language, token: string): string {
  return pageUrl(siteUrl, language, `/unsubscribe?token=${encodeURIComponent(token)}`);
}

/** Where a mail client sends the one-click unsubscribe (RFC 8058); the API, so no language. */
export function oneClickUnsubscribeUrl(siteUrl: string, token: string): string {
  return `${siteUrl}/api/unsubscribe/${encodeURIComponent(token)}`;
}
