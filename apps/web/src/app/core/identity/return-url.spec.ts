import { rememberReturnUrl, safeReturnUrl, takeReturnUrl } from './return-url';

describe('return URL after signing in', () => {
  it('accepts paths of the app', () => {
    expect(safeReturnUrl('/verwaltung', '/anmeldung')).toBe('/verwaltung');
    expect(safeReturnUrl('/buchen?buero=o1&datum=2026-11-24', '/anmeldung')).toBe('/buchen?buero=o1&datum=2026-11-24');
  });

  it('refuses other sites, the callback itself, the start page and nonsense', () => {
    for (const url of [
      '//evil.example',
      'https://evil.example',
      '/\\evil.example',
      '/anmeldung?code=x',
      '/',
      '',
      null,
    ]) {
      expect(safeReturnUrl(url, '/anmeldung')).toBeNull();
    }
  });

  it('is kept for the tab and read once', () => {
    sessionStorage.clear();
    rememberReturnUrl('/profil');
    expect(takeReturnUrl()).toBe('/profil');
    expect(takeReturnUrl()).toBeNull();
  });
});
