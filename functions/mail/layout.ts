import type { Language } from '#shared/language.ts';
import { escapeHtml } from './html.ts';
import type { RenderedEmail } from './message.ts';

/** What a template says; the layout turns it into the HTML and plain-text parts alike. */
export interface EmailContent {
  subject: string;
  heading: string;
  paragraphs: string[];
  /**
   * Challenges listed one under another (an alert's one, a digest's several), each with its own link
   * and, set apart under its facts, a note of its own (why it reached the recipient).
   */
  items?: { title: string; lines: string[]; note?: string; url: string }[];
  /** A closing line under the items, before the button (why the recipient hears of these). */
  closing?: string[];
  action?: { label: string; url: string };
}

const footer: Record<Language, string> = {
  nl: 'Crossover is de opdrachtenmarktplaats van het creatieve cluster van de Metropoolregio Amsterdam.',
  en: "Crossover is the commissioning marketplace of the Amsterdam metropolitan region's creative cluster.",
};

/** The footer link of a non-transactional email, to the page that changes or stops that kind of email. */
const unsubscribeLabel: Record<Language, string> = {
  nl: 'Deze e-mails niet meer ontvangen of aanpassen',
  en: 'Change or stop these emails',
};

/** What the layout adds to a template's content: for a non-transactional email, its unsubscribe page. */
export interface LayoutOptions {
  unsubscribeUrl?: string;
}

/** A line under a plain-text title, as long as it, so the title reads as one in any mail client. */
const underlined = (title: string, mark: string) => `${title}\n${mark.repeat(Math.min(title.length, 60))}`;

function renderText(content: EmailContent, language: Language, { unsubscribeUrl }: LayoutOptions): string {
  const action = content.action ? [`${content.action.label}: ${content.action.url}`] : [];
  const items = (content.items ?? []).map((item) => [underlined(item.title, '-'), ...item.lines, ...(item.note ? [item.note] : []), item.url].join('\n'));
  const unsubscribe = unsubscribeUrl ? [`${unsubscribeLabel[language]}: ${unsubscribeUrl}`] : [];
  return [underlined(content.heading, '='), ...content.paragraphs, ...items, ...(content.closing ?? []), ...action, `-- \n${footer[language]}`, ...unsubscribe].join('\n\n') + '\n';
}

const paragraph = (text: string) => `<p style="margin:0 0 16px;font-size:16px;line-height:24px;color:#1f2933">${escapeHtml(text)}</p>`;

function renderItems(items: NonNullable<EmailContent['items']>): string {
  return items
    .map(
      (item) =>
        `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="margin:0 0 16px;border:1px solid #d9e2ec;border-left:4px solid #0b4f6c;border-radius:6px"><tr><td style="padding:16px">` +
        `<a href="${escapeHtml(item.url)}" style="font-size:17px;line-height:24px;font-weight:700;color:#0b4f6c;text-decoration:underline">${escapeHtml(item.title)}</a>` +
        item.lines.map((line) => `<p style="margin:8px 0 0;font-size:14px;line-height:20px;color:#3e4c59">${escapeHtml(line)}</p>`).join('') +
        (item.note
          ? `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="margin:12px 0 0"><tr><td style="padding:8px 12px;background:#eef6f9;border-radius:4px;font-size:14px;line-height:20px;color:#1f2933">${escapeHtml(item.note)}</td></tr></table>`
          : '') +
        `</td></tr></table>`,
    )
    .join('');
}

function renderHtml(content: EmailContent, language: Language, { unsubscribeUrl }: LayoutOptions): string {
  const paragraphs = content.paragraphs.map(paragraph).join('') + renderItems(content.items ?? []) + (content.closing ?? []).map(paragraph).join('');
  const action = content.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(content.action.url)}" style="background:#0b4f6c;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:600;display:inline-block">${escapeHtml(content.action.label)}</a></p>`
    : '';
  const unsubscribe = unsubscribeUrl
    ? `<br><a href="${escapeHtml(unsubscribeUrl)}" style="color:#52606d;text-decoration:underline">${escapeHtml(unsubscribeLabel[language])}</a>`
    : '';
  // Styles are inline for every client; on a phone, clients that read <style> narrow the gutters.
  return `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(content.subject)}</title>
<style>@media only screen and (max-width:480px){.frame{padding:16px 8px!important}.gutter{padding-left:20px!important;padding-right:20px!important}}</style></head>
<body style="margin:0;background:#f4f6f8;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td class="frame" align="center" style="padding:32px 16px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border-radius:8px">
<tr><td class="gutter" style="padding:24px 32px;border-bottom:4px solid #0b4f6c;font-size:20px;font-weight:700;color:#0b4f6c">Crossover</td></tr>
<tr><td class="gutter" style="padding:32px"><h1 style="margin:0 0 16px;font-size:22px;line-height:28px;color:#1f2933">${escapeHtml(content.heading)}</h1>${paragraphs}${action}</td></tr>
<tr><td class="gutter" style="padding:16px 32px;font-size:13px;line-height:20px;color:#52606d;border-top:1px solid #e4e7eb">${escapeHtml(footer[language])}${unsubscribe}</td></tr>
</table></td></tr></table></body></html>`;
}

/** Renders one email in the recipient's language, with a plain-text part saying the same. */
export function renderEmail(content: EmailContent, language: Language, options: LayoutOptions = {}): RenderedEmail {
  return { subject: content.subject, html: renderHtml(content, language, options), text: renderText(content, language, options) };
}
