import type { Language } from '#shared/language.ts';
import { mraMunicipalities } from '#shared/organisation.ts';
import en from '../../../web/messages/en.json' with { type: 'json' };
import nl from '../../../web/messages/nl.json' with { type: 'json' };

/** The site's own words for the controlled vocabularies (web/messages `vocab_*`), so an email names things as the pages do. */
const messages: Record<Language, Record<string, string>> = { nl, en };

export type VocabularyGroup = 'discipline' | 'sector' | 'challenge_type' | 'funding';

/** The label of one code in the recipient's language; the code itself if the site has no word for it. */
export const label = (language: Language, group: VocabularyGroup, code: string) => messages[language][`vocab_${group}_${code}`] ?? code;

export const municipalityName = (code: string) => mraMunicipalities.find((municipality) => municipality.code === code)?.name ?? code;

/** "a, b and c" in the recipient's language. */
export const listed = (items: readonly string[], language: Language) =>
  new Intl.ListFormat(language === 'nl' ? 'nl-NL' : 'en-GB', { style: 'long', type: 'conjunction' }).format(items);
