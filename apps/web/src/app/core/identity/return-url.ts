const STORAGE_KEY = 'nahbar.returnUrl';

/**
 * The URL if it is a path of this app to return to after signing in: it starts with one "/" (not "//", which
 * would leave the site) and is not the sign-in callback itself. Anything else gives null.
 */
export function safeReturnUrl(url: string | null | undefined, callbackPath: string): string | null {
  if (typeof url !== 'string' || !url.startsWith('/') || url.startsWith('//') || url.includes('\\')) {
    return null;
  }
  const path = url.split(/[?#]/, 1)[0] ?? '';
  return path === callbackPath || path === '/' ? null : url;
}

/** Keeps `url` for the moment the identity provider sends the person back (the tab's session storage). */
export function rememberReturnUrl(url: string | null): void {
  try {
    if (url === null) {
      globalThis.sessionStorage?.removeItem(STORAGE_KEY);
    } else {
      globalThis.sessionStorage?.setItem(STORAGE_KEY, url);
    }
  } catch {
    // Storage blocked: the person lands on the default page instead.
  }
}

/** The remembered return URL, once: reading it forgets it. */
export function takeReturnUrl(): string | null {
  try {
    const url = globalThis.sessionStorage?.getItem(STORAGE_KEY) ?? null;
    globalThis.sessionStorage?.removeItem(STORAGE_KEY);
    return url;
  } catch {
    return null;
  }
}
