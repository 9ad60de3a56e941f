import type { BrowserContextOptions, Locator, Page } from 'playwright-core';

/** A small phone: the narrowest width the client must work at (WCAG reflow, issue 6). */
export const PHONE_320 = {
  viewport: { width: 320, height: 640 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
} as const satisfies BrowserContextOptions;

/** The id of office `name` as the office choice on the page (or inside `scope`) offers it; fails when it is not offered. */
export async function officeIdOf(scope: Page | Locator, name: string): Promise<string> {
  const officeId = await scope.locator('option', { hasText: name }).getAttribute('value');
  if (!officeId) throw new Error(`The office "${name}" is not offered here`);
  return officeId;
}
