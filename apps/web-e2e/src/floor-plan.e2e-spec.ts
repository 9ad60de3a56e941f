import type { Browser, BrowserContext, Page } from 'playwright-core';

import { launchChromium } from './support/browser.js';
import { openDayInBavaria } from './support/dates.js';
import { type RunningServer, startServer } from './support/server.js';

const OFFICE = 'Co-Working Erlangen Hauptbahnhof';

describe('the floor plan', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
  });

  async function openAs(personName: string): Promise<Page> {
    const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin' });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByRole('radio', { name: new RegExp(personName) }).check();
    await page.getByRole('button', { name: 'Weiter' }).click();
    await page.waitForURL(/\/buchen/);
    return page;
  }

  it('books a desk from the plan with the keyboard; the list of someone else shows it taken live', async () => {
    const date = openDayInBavaria(9);
    const planner = await openAs('Mehmet Yılmaz');
    const officeId = await planner.locator('option', { hasText: OFFICE }).getAttribute('value');
    await planner.goto(`${server.url}/buchen?buero=${officeId}&datum=${date}&teil=MORNING&ansicht=grundriss`);
    const watcher = await openAs('Thomas Becker');
    await watcher.goto(`${server.url}/buchen?buero=${officeId}&datum=${date}&teil=MORNING`);
    await watcher.locator('[data-desk-code="A-02"] [data-status="free"]').waitFor();

    // The plan is an image with the area's name; the desks on it are buttons with names a screen reader reads out.
    await planner.getByRole('img', { name: /Offene Fläche – Grundriss/ }).waitFor();
    const marker = planner.getByRole('button', { name: 'Platz A-02, frei – buchen' });
    await marker.focus();
    await planner.keyboard.press('Enter');
    await planner.getByRole('button', { name: 'Platz A-02, Ihre Buchung – stornieren' }).waitFor({ timeout: 5000 });

    await watcher.locator('[data-desk-code="A-02"] [data-status="taken"]').waitFor({ timeout: 1000 });
    // A taken desk on the plan is announced as taken, not offered.
    expect(await planner.getByRole('button', { name: 'Platz A-02, frei – buchen' }).count()).toBe(0);
  });
});
