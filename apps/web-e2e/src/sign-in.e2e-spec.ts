import { startOidcProvider, type TestOidcProvider } from '@nahbar/testing-oidc';
import type { Browser, BrowserContext, Page } from 'playwright-core';

import { launchChromium } from './support/browser.js';
import { openDayInBavaria } from './support/dates.js';
import { officeIdOf } from './support/pages.js';
import { type RunningServer, startServer } from './support/server.js';

const OFFICE = 'Co-Working Erlangen Hauptbahnhof';
const DESK = 'A-05';

/**
 * Sign-in as people do it: the app sends the browser to a real OpenID Connect provider (authorization code + PKCE),
 * the person signs in there, and comes back signed in. The API validates the provider's tokens; nothing is faked.
 */
describe('sign-in through OpenID Connect', () => {
  let provider: TestOidcProvider;
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    provider = await startOidcProvider({
      accounts: {
        'e2e-ldbv': { name: 'Greta Lindner', email: 'greta.lindner@ldbv.example', organisation: 'ldbv' },
        'e2e-nrw': { name: 'Kai Neumann', email: 'kai.neumann@it.nrw.example', organisation: 'it-nrw' },
      },
    });
    // Organisations (with their claim values) and offices come from the demo data; people come from sign-in.
    server = await startServer({ ...provider.apiEnv(), NAHBAR_SEED_DEMO: 'true' });
    provider.allowRedirectUri(`${server.url}/anmeldung`);
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
    await provider?.stop();
  });

  async function signIn(account: string, name: string): Promise<Page> {
    const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin' });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForURL((url) => url.origin === provider.issuer);
    await page.getByLabel('Account').selectOption(account);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.origin === server.url);
    await page.getByText(name).first().waitFor({ timeout: 10_000 });
    return page;
  }

  const status = (page: Page) => page.locator(`[data-desk-code="${DESK}"] [data-status]`);

  it('signs two people of different organisations in, one books, the other sees it live, then signs out', async () => {
    const date = openDayInBavaria(8);
    const greta = await signIn('e2e-ldbv', 'Greta Lindner');
    const kai = await signIn('e2e-nrw', 'Kai Neumann');

    const officeId = await officeOnBookingPage(greta);
    for (const page of [greta, kai]) {
      await page.goto(`${server.url}/buchen?buero=${officeId}&datum=${date}&teil=MORNING`);
      await status(page).waitFor();
      expect(await status(page).getAttribute('data-status')).toBe('free');
    }

    await greta.getByRole('button', { name: new RegExp(`Platz ${DESK} buchen`) }).click();
    await greta.locator(`[data-desk-code="${DESK}"] [data-status="mine"]`).waitFor({ timeout: 5000 });
    await kai.locator(`[data-desk-code="${DESK}"] [data-status="taken"]`).waitFor({ timeout: 1000 });

    // Signing out ends the session at the provider too (RP-initiated logout); this provider asks to confirm.
    await greta.getByRole('button', { name: 'Abmelden' }).click();
    await greta.waitForURL((url) => url.origin === provider.issuer, { timeout: 10_000 });
    await greta.getByRole('button', { name: /sign me out/i }).click();
    await greta.waitForURL((url) => url.origin === server.url, { timeout: 10_000 });
    await greta.getByRole('button', { name: 'Anmelden' }).waitFor({ timeout: 10_000 });
  });

  async function officeOnBookingPage(page: Page): Promise<string> {
    await page.goto(`${server.url}/buchen`);
    return officeIdOf(page, OFFICE);
  }
});
