import type { Page } from 'playwright-core';

import { openDayInBavaria } from './support/dates.js';
import { DemoApp } from './support/demo-app.js';
import { officeIdOf } from './support/pages.js';

const OFFICE = 'Co-Working Erlangen Hauptbahnhof';
const DESK = 'A-03';

describe('a staff member books a desk and everybody sees it live', () => {
  let app: DemoApp;

  beforeAll(async () => {
    app = await DemoApp.start();
  });

  afterAll(async () => {
    await app?.stop();
  });

  const openAs = (personName: string): Promise<Page> => app.openAs(personName);

  const status = (page: Page, code: string) => page.locator(`[data-desk-code="${code}"] [data-status]`);

  it('books on one page and the other page shows the desk taken within a second, without reload', async () => {
    const date = openDayInBavaria(7);

    // Page 1 chooses office, date and part of the day through the form, as a person would.
    const first = await openAs('Anna Schmidt');
    const officeId = await officeIdOf(first, OFFICE);
    await first.getByLabel('Büro').selectOption(officeId);
    await first.getByLabel('Datum').fill(date);
    await first.getByRole('radio', { name: 'Vormittag' }).check();
    await status(first, DESK).waitFor();
    await expectStatus(first, DESK, 'free');

    // Page 2 opens the same office, date and part through the address (a bookmark or a shared link).
    const second = await openAs('Thomas Becker');
    await second.goto(`${app.url}/buchen?buero=${officeId}&datum=${date}&teil=MORNING`);
    await status(second, DESK).waitFor();
    await expectStatus(second, DESK, 'free');
    await second.evaluate(() => Object.assign(window, { nahbarNoReload: true }));

    await first.getByRole('button', { name: new RegExp(`Platz ${DESK} buchen`) }).click();
    await first.locator(`[data-desk-code="${DESK}"] [data-status="mine"]`).waitFor({ timeout: 5000 });

    // Live, without a reload: the latency itself is a benchmark's figure (tools/bench/fanout.mjs), not a test's; the
    // generous wait only guards against a hang on a loaded machine.
    await second.locator(`[data-desk-code="${DESK}"] [data-status="taken"]`).waitFor({ timeout: 10_000 });
    expect(await second.evaluate(() => 'nahbarNoReload' in window)).toBe(true);
    // Page 2 offers no way to book the taken desk.
    expect(await second.getByRole('button', { name: new RegExp(`Platz ${DESK} buchen`) }).count()).toBe(0);

    // Page 1 sees the booking in "Meine Buchungen" and cancels it there; page 2 sees the desk free again.
    await first.getByRole('link', { name: 'Meine Buchungen' }).click();
    await first.waitForURL(/\/meine-buchungen/);
    await first.getByText(OFFICE).first().waitFor();
    await first
      .getByRole('button', { name: /stornieren/i })
      .first()
      .click();
    // Cancelling asks once more ("Wirklich stornieren?"): an accidental cancel costs a civil servant their desk.
    await first.getByRole('button', { name: /wirklich/i }).click();
    await second.locator(`[data-desk-code="${DESK}"] [data-status="free"]`).waitFor({ timeout: 2000 });
    expect(await second.evaluate(() => 'nahbarNoReload' in window)).toBe(true);
  });
});

async function expectStatus(page: Page, code: string, expected: string): Promise<void> {
  expect(await page.locator(`[data-desk-code="${code}"] [data-status]`).getAttribute('data-status')).toBe(expected);
}
