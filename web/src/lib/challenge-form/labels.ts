import { challengeTermsShape } from '$shared/challenge.ts';
import type { Language } from '$shared/language.ts';
import { m } from '$lib/paraglide/messages.js';

/** The summary's limit, as the schema sets it. */
export const summaryLimit = challengeTermsShape.summary.maxLength ?? 300;

export const languageName = (language: Language) => (language === 'nl' ? m.challenge_form_language_nl() : m.challenge_form_language_en());

export const yesNo = (value: boolean) => (value ? m.register_yes() : m.register_no());
