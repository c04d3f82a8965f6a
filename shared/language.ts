/** The languages Crossover speaks, pages and emails alike; Dutch first, as the region does. */
export const languages = ['nl', 'en'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'nl';
