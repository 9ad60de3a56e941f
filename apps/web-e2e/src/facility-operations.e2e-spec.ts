import type { Page } from 'playwright-core';

import { openDayIn } from './support/dates.js';
import { DemoApp } from './support/demo-app.js';

/** Lena Hoffmann is the facility manager of Satellitenbüro Fürth Rathaus; Jürgen Köhler, her colleague, books there. */
const OFFICE = 'Satellitenbüro Fürth Rathaus';
const MANAGER = 'Lena Hoffmann';
const BOOKER = 'Jürgen Köhler';
const DESK = 'E-02';
const REASON = 'Wasserschaden unter dem Fenster';

describe('a facility manager blocks a booked desk and the person who booked it sees why, live', () => {
  let app: DemoApp;

  beforeAll(async () => {
    app = await DemoApp.start();
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('cancels the booking after confirming the count, and the booker’s page shows the notice and the desk blocked', async () => {
    const date = openDayIn('BY', 6);
    const { offices } = await app.graphql.as<{ offices: { id: string; name: string }[] }>(
      BOOKER,
      '{ offices { id name } }',
    );
    const officeId = offices.find((office) => office.name === OFFICE)?.id;
    expect(officeId).toEqual(expect.any(String));
    const { deskAvailability } = await app.graphql.as<{ deskAvailability: { deskId: string; code: string }[] }>(
      BOOKER,
      'query($o: ID!, $d: String!) { deskAvailability(officeId: $o, date: $d, part: MORNING) { deskId code } }',
      { o: officeId, d: date },
    );
    const deskId = deskAvailability.find((desk) => desk.code === DESK)?.deskId;
    await app.graphql.as(BOOKER, 'mutation($i: BookDeskInput!) { bookDesk(input: $i) { id } }', {
      i: { deskId, date, part: 'MORNING' },
    });

    // Jürgen has the morning open: the desk is his.
    const booker = await app.openAs(BOOKER);
    await booker.goto(`${app.url}/buchen?buero=${officeId}&datum=${date}&teil=MORNING`);
    await status(booker, DESK).and(booker.locator('[data-status="mine"]')).waitFor();
    await markNoReload(booker);

    // Lena opens the management page, gives a reason and blocks the desk.
    const manager = await app.openAs(MANAGER);
    await manager.goto(`${app.url}/standort/verwaltung`);
    // She runs this one office only: it is chosen.
    expect(await manager.getByLabel('Büro', { exact: true }).inputValue()).toBe(officeId);
    await manager.getByLabel(`Grund für die Sperre von Platz ${DESK}`).fill(REASON);
    await manager.getByRole('button', { name: `Platz ${DESK} sperren` }).click();

    // Before anything happens she sees how many bookings the block cancels (a number, no name) and confirms.
    const confirmation = manager.getByRole('alertdialog');
    await confirmation.getByText('Dabei wird 1 Buchung storniert.').waitFor();
    expect(await confirmation.textContent()).not.toContain(BOOKER);
    await confirmation.getByRole('button', { name: 'Ja, fortfahren' }).click();
    await manager.getByText(`Platz ${DESK} ist gesperrt. 1 Buchung storniert`).waitFor();
    await manager.getByText(`– gesperrt: ${REASON}`).waitFor();

    // Jürgen's page, without reload: the notice with the reason, and the desk shown as blocked.
    const notices = booker.getByTestId('booking-notices');
    await notices.getByText('weil der Platz gesperrt wurde', { exact: false }).waitFor({ timeout: 5000 });
    expect(await notices.textContent()).toContain(`Grund: ${REASON}`);
    await status(booker, DESK).and(booker.locator('[data-status="blocked"]')).waitFor({ timeout: 5000 });
    expect(await noReload(booker)).toBe(true);
  });
});

const status = (page: Page, code: string) => page.locator(`[data-desk-code="${code}"] [data-status]`);

async function markNoReload(page: Page): Promise<void> {
  await page.evaluate(() => ((window as unknown as { nbNoReload?: boolean }).nbNoReload = true));
}

function noReload(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { nbNoReload?: boolean }).nbNoReload === true);
}
