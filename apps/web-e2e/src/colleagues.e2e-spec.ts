import type { Locator, Page } from 'playwright-core';

import { openDayInBavaria } from './support/dates.js';
import { DemoApp } from './support/demo-app.js';
import { officeIdOf } from './support/pages.js';

const OFFICE = 'Co-Working Erlangen Hauptbahnhof';
/** Within the two weeks the favourites page shows for a favourite colleague. */
const DATE = openDayInBavaria(3);

/**
 * Who is in, booking next to a colleague and favourites, with the demo data: in the team Geodaten, Mehmet Yılmaz lets
 * his teams see when he is in, Wiebke Fischer her organisation, Vanessa Richter nobody (the default).
 */
describe("who's in, booking next to a colleague, and favourites", () => {
  let app: DemoApp;
  let officeId: string;

  beforeAll(async () => {
    app = await DemoApp.start();
  });

  afterAll(async () => {
    await app?.stop();
  });

  /** Books desk `code` at the office on DATE for the whole day, as `person`, through the API. */
  async function bookAs(person: string, code: string): Promise<void> {
    const { deskAvailability } = await app.graphql.as<{ deskAvailability: { deskId: string; code: string }[] }>(
      person,
      'query($o: ID!, $d: String!) { deskAvailability(officeId: $o, date: $d, part: FULL_DAY) { deskId code } }',
      { o: officeId, d: DATE },
    );
    const deskId = deskAvailability.find((desk) => desk.code === code)?.deskId;
    if (!deskId) throw new Error(`No desk ${code} in ${OFFICE}`);
    await app.graphql.as(person, 'mutation($i: BookDeskInput!) { bookDesk(input: $i) { id } }', {
      i: { deskId, date: DATE, part: 'FULL_DAY' },
    });
  }

  /** The "Wer ist da?" section: locators stay inside it, not in the page's announcer, which repeats its messages. */
  const whosIn = (page: Page): Locator => page.getByTestId('whos-in');
  const colleague = (page: Page, name: string): Locator => whosIn(page).locator(`[data-colleague="${name}"]`);

  it('shows who allows it, live; books next to a colleague; keeps favourite colleagues and desks', async () => {
    const anna = await app.openAs('Anna Schmidt');
    officeId = await officeIdOf(anna, OFFICE);
    await bookAs('Mehmet Yılmaz', 'A-03');
    await bookAs('Vanessa Richter', 'A-09');

    // Anna opens the office and day: Mehmet with his desk, not Vanessa (she shares it with nobody).
    await anna.goto(`${app.url}/buchen?buero=${officeId}&datum=${DATE}&teil=FULL_DAY`);
    await colleague(anna, 'Mehmet Yılmaz').waitFor();
    expect(await colleague(anna, 'Mehmet Yılmaz').textContent()).toContain('Platz A-03');
    expect(await colleague(anna, 'Mehmet Yılmaz').textContent()).toContain('Ganzer Tag');
    expect(await whosIn(anna).getByText('Vanessa Richter').count()).toBe(0);

    // Wiebke books meanwhile: she appears without a reload.
    await anna.evaluate(() => Object.assign(window, { nahbarNoReload: true }));
    await bookAs('Wiebke Fischer', 'A-07');
    await colleague(anna, 'Wiebke Fischer').waitFor({ timeout: 5000 });
    expect(await colleague(anna, 'Wiebke Fischer').textContent()).toContain('Platz A-07');
    expect(await anna.evaluate(() => 'nahbarNoReload' in window)).toBe(true);
    expect(await whosIn(anna).getByText('Vanessa Richter').count()).toBe(0);

    // "Daneben buchen" at Mehmet: the desk announced is hers, and the focus is on it.
    await colleague(anna, 'Mehmet Yılmaz')
      .getByRole('button', { name: 'Daneben buchen (neben Mehmet Yılmaz)' })
      .click();
    const done = whosIn(anna).getByRole('status').filter({ hasText: 'neben Mehmet Yılmaz gebucht' });
    await done.waitFor();
    const code = /Platz (\S+) neben Mehmet Yılmaz gebucht/.exec((await done.textContent()) ?? '')?.[1];
    expect(code).toMatch(/^A-(02|04)$/);
    await anna.locator(`[data-desk-code="${code}"] [data-status="mine"]`).waitFor({ timeout: 5000 });
    expect(await anna.evaluate(() => document.activeElement?.textContent?.trim())).toBe(`Platz ${code}`);
    // She holds a desk that day now: no second "Daneben buchen", and the page says why.
    await whosIn(anna).getByTestId('next-to-refusal').waitFor();
    expect(
      await whosIn(anna)
        .getByRole('button', { name: /Daneben buchen/ })
        .count(),
    ).toBe(0);

    // Favourites: find Wiebke, add her, see her day.
    await anna.getByRole('link', { name: 'Favoriten' }).click();
    await anna.waitForURL(/\/favoriten/);
    const colleagues = anna.getByTestId('favourite-colleagues');
    await colleagues.getByRole('searchbox', { name: 'Name' }).fill('Wiebke');
    await colleagues.getByRole('button', { name: 'Suchen' }).click();
    await colleagues.getByRole('button', { name: 'Wiebke Fischer als Favorit hinzufügen' }).click();
    const wiebke = colleagues.locator('.favourites-colleagues [data-colleague="Wiebke Fischer"]');
    const day = wiebke.locator(`[data-date="${DATE}"]`);
    await day.waitFor();
    expect(await day.textContent()).toContain(`${OFFICE}, Platz A-07`);
    expect(await colleagues.getByTestId('search-results').textContent()).toContain('schon Favorit');

    // A favourite desk, marked on the booking page, is listed on the favourites page.
    await anna.goto(`${app.url}/buchen?buero=${officeId}&datum=${DATE}&teil=FULL_DAY`);
    const toggle = anna.getByRole('button', { name: 'Platz A-10 als Favorit merken' });
    await toggle.click();
    await anna
      .locator('[data-desk-code="A-10"] [data-testid="favourite-toggle"][aria-pressed="true"]')
      .waitFor({ timeout: 5000 });
    await anna.getByRole('link', { name: 'Favoriten' }).click();
    const desk = anna.getByTestId('favourite-desks').locator('[data-desk-code="A-10"]');
    await desk.waitFor();
    expect(await desk.textContent()).toContain(OFFICE);
    expect(await desk.getByRole('link').getAttribute('href')).toBe(`/buchen?buero=${officeId}`);
  }, 120_000);
});
