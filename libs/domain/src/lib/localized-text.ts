/** The languages nahbar speaks. German is the source language, English the translation. */
export const LANGUAGES = ['de', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A text for people, in every language nahbar speaks. */
export type LocalizedText = { readonly [language in Language]: string };
