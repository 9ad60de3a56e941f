/**
 * The languages of nahbar: German is the source language, English a translation. Each language is a build of its
 * own (Angular i18n); the server picks the build per request from the cookie below, else from Accept-Language, so
 * every address stays the same in both languages. Switching sets the cookie and loads the page again.
 */
export type AppLanguage = 'de' | 'en';

export const APP_LANGUAGES: readonly AppLanguage[] = ['de', 'en'];

/** Read by the server (apps/api/src/web/serve-web-client.ts): keep both in step. */
export const LANGUAGE_COOKIE = 'nahbar-lang';

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/** The language this build was made for (`$localize.locale`, set by the build), German when unknown. */
export function activeLanguage(): AppLanguage {
  const locale = typeof $localize === 'undefined' ? undefined : $localize.locale;
  return locale?.toLowerCase().startsWith('en') ? 'en' : 'de';
}

/** A text the API sends in both languages ({ de, en }), in the active language; German when English is missing. */
export function inLanguage(
  text: { readonly de: string; readonly en?: string | null },
  language: AppLanguage = activeLanguage(),
): string {
  return language === 'en' && text.en ? text.en : text.de;
}

/** The cookie that remembers `language` for a year on this site. */
export function languageCookie(language: AppLanguage, secure: boolean): string {
  return `${LANGUAGE_COOKIE}=${language}; Max-Age=${ONE_YEAR_SECONDS}; Path=/; SameSite=Lax${secure ? '; Secure' : ''}`;
}

/** Remembers `language` and loads the same address again, now in that language. */
export function switchLanguage(language: AppLanguage, document: Document): void {
  const location = document.defaultView?.location;
  document.cookie = languageCookie(language, location?.protocol === 'https:');
  location?.reload();
}

/** The locale for Intl formats: German as in Germany, English as in Britain (day before month, 24-hour clock). */
export function intlLocale(language: AppLanguage = activeLanguage()): string {
  return language === 'en' ? 'en-GB' : 'de-DE';
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number as the people of `language` write it: "12,3" in German, "12.3" in English. */
export function formatNumber(
  value: number,
  options: Intl.NumberFormatOptions = {},
  language: AppLanguage = activeLanguage(),
): string {
  const key = `${language}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(intlLocale(language), options);
    numberFormats.set(key, format);
  }
  return format.format(value);
}

/** Why the API refused something (a Refusal: `message` in English, `messageDe` in German), in the active language. */
export function refusalText(
  refusal: { readonly message: string; readonly messageDe: string },
  language: AppLanguage = activeLanguage(),
): string {
  return inLanguage({ de: refusal.messageDe, en: refusal.message }, language);
}
