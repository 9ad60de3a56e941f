import type { Page } from 'playwright-core';

import { expectNoAxeViolations } from './support/axe.js';
import { openDayInBavaria } from './support/dates.js';
import { DemoApp } from './support/demo-app.js';
import { officeIdOf } from './support/pages.js';

const OFFICE = 'Co-Working Erlangen Hauptbahnhof';

/** "Tue, 24 Nov 2026": how the English app writes a civil date. */
function englishDate(date: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(new Date(`${date}T12:00:00Z`));
}

/** "Di., 24.11.2026": how the German app writes it. */
function germanDate(date: string): string {
  const [year, month, day] = date.split('-');
  const weekday = new Intl.DateTimeFormat('de-DE', { timeZone: 'UTC', weekday: 'short' }).format(
    new Date(`${date}T12:00:00Z`),
  );
  return `${weekday.endsWith('.') ? weekday : `${weekday}.`}, ${day}.${month}.${year}`;
}

describe('a person switches the app to English and back', () => {
  let app: DemoApp;

  beforeAll(async () => {
    app = await DemoApp.start();
  });

  afterAll(async () => {
    await app?.stop();
  });

  const summary = (page: Page) => page.locator('.summary strong');

  it('shows texts, dates and the page language in English, keeps it across a reload, and switches back', async () => {
    const date = openDayInBavaria(7);
    const page = await app.openAs('Anna Schmidt');
    const officeId = await officeIdOf(page, OFFICE);
    await page.goto(`${app.url}/buchen?buero=${officeId}&datum=${date}&teil=MORNING`);
    await page.getByRole('heading', { level: 1, name: 'Arbeitsplatz buchen' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    await summary(page)
      .filter({ hasText: germanDate(date) })
      .waitFor();

    // The switch names the other language in that language, and says so to screen readers.
    const toEnglish = page.getByRole('button', { name: 'English' });
    expect(await toEnglish.getAttribute('lang')).toBe('en');
    await toEnglish.click();

    // The same address, now in English: texts, dates, the language of the page and its title.
    await page.getByRole('heading', { level: 1, name: 'Book a desk' }).waitFor({ timeout: 10_000 });
    expect(new URL(page.url()).pathname).toBe('/buchen');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.title()).toBe('Book a desk – nahbar');
    await summary(page)
      .filter({ hasText: `${englishDate(date)}, Morning:` })
      .waitFor();
    await page.getByRole('link', { name: 'My bookings' }).waitFor();
    await page.getByRole('radio', { name: 'Afternoon' }).waitFor();
    // Data is not translated: the office keeps its name.
    await page.getByRole('heading', { level: 2, name: `Desks in ${OFFICE}` }).waitFor();
    await expectNoAxeViolations(page, 'the booking page in English');

    // The choice is remembered (a cookie for the whole site): a reload and another page stay English.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Book a desk' }).waitFor({ timeout: 10_000 });
    await page.getByRole('link', { name: 'My bookings' }).click();
    await page.getByRole('heading', { level: 1, name: 'My bookings' }).waitFor();
    const cookie = (await page.context().cookies()).find((c) => c.name === 'nahbar-lang');
    expect(cookie).toMatchObject({ value: 'en', path: '/', sameSite: 'Lax' });
    expect(cookie?.expires ?? 0).toBeGreaterThan(Date.now() / 1000 + 360 * 24 * 60 * 60);

    // And back to German.
    const toGerman = page.getByRole('button', { name: 'Deutsch' });
    expect(await toGerman.getAttribute('lang')).toBe('de');
    await toGerman.click();
    await page.getByRole('heading', { level: 1, name: 'Meine Buchungen' }).waitFor({ timeout: 10_000 });
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    await page.getByRole('button', { name: 'English' }).waitFor();
  });

  it('starts in English for a browser that prefers English, and in German otherwise', async () => {
    const english = await (await app.newDevice({ locale: 'en-GB' })).newPage();
    await english.goto(app.url);
    await english.locator('html[lang="en"]').waitFor();
    await english.getByRole('button', { name: 'Deutsch' }).waitFor({ timeout: 10_000 });

    const german = await (await app.newDevice()).newPage();
    await german.goto(app.url);
    await german.locator('html[lang="de"]').waitFor();
    await german.getByRole('button', { name: 'English' }).waitFor({ timeout: 10_000 });
  });
});
