import type { Language } from '#shared/language.ts';
import type { LayoutOptions } from './layout.ts';
import { oneClickUnsubscribeUrl, unsubscribePageUrl } from './templates/links.ts';

/**
 * What a non-transactional email to one recipient carries besides its content: the footer link to
 * the page that changes or stops that kind of email, and the headers that let a mail client stop it
 * in one click (RFC 8058: the client POSTs `List-Unsubscribe=One-Click` to the header's URL).
 */
export function unsubscribeParts(siteUrl: string, language: Language, token: string): { layout: LayoutOptions; headers: Record<string, string> } {
  return {
    layout: { unsubscribeUrl: unsubscribePageUrl(siteUrl, language, token) },
    headers: {
      'List-Unsubscribe': `<${oneClickUnsubscribeUrl(siteUrl, token)}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}
