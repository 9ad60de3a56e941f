import { activeLanguage, formatNumber, inLanguage, languageCookie, refusalText, switchLanguage } from './language';

describe('language', () => {
  afterEach(() => {
    $localize.locale = 'de';
  });

  it('is German in the tests (the source language) and follows the build locale', () => {
    expect(activeLanguage()).toBe('de');
    $localize.locale = 'en';
    expect(activeLanguage()).toBe('en');
    $localize.locale = 'en-GB';
    expect(activeLanguage()).toBe('en');
    $localize.locale = undefined;
    expect(activeLanguage()).toBe('de');
  });

  it('picks the text of the active language from what the API sends in both', () => {
    const text = { de: 'Feiertag', en: 'Public holiday' };
    expect(inLanguage(text)).toBe('Feiertag');
    expect(inLanguage(text, 'en')).toBe('Public holiday');
    expect(inLanguage({ de: 'Nur Deutsch', en: null }, 'en')).toBe('Nur Deutsch');
    const refusal = { message: 'The office is closed.', messageDe: 'Das Büro ist geschlossen.' };
    expect(refusalText(refusal)).toBe('Das Büro ist geschlossen.');
    expect(refusalText(refusal, 'en')).toBe('The office is closed.');
  });

  it('writes numbers as each language does', () => {
    const oneDecimal = { minimumFractionDigits: 1, maximumFractionDigits: 1 };
    expect(formatNumber(12.34, oneDecimal)).toBe('12,3');
    expect(formatNumber(12.34, oneDecimal, 'en')).toBe('12.3');
    expect(formatNumber(1234.5, oneDecimal, 'de')).toBe('1.234,5');
    expect(formatNumber(1234.5, oneDecimal, 'en')).toBe('1,234.5');
  });

  it('remembers the choice in a cookie for a year, for the whole site', () => {
    expect(languageCookie('en', false)).toBe('nahbar-lang=en; Max-Age=31536000; Path=/; SameSite=Lax');
    expect(languageCookie('de', true)).toBe('nahbar-lang=de; Max-Age=31536000; Path=/; SameSite=Lax; Secure');
  });

  it('switches by setting the cookie and loading the same address again', () => {
    const reload = jest.fn();
    const written: string[] = [];
    const fakeDocument = {
      defaultView: { location: { protocol: 'http:', reload } },
      set cookie(value: string) {
        written.push(value);
      },
    } as unknown as Document;
    switchLanguage('en', fakeDocument);
    expect(written).toEqual([languageCookie('en', false)]);
    expect(reload).toHaveBeenCalledTimes(1);
  });
});
