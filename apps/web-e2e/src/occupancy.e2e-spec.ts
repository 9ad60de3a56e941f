import type { Page } from 'playwright-core';

import { expectNoAxeViolations } from './support/axe.js';
import { officeTime, openDayInBavaria } from './support/dates.js';
import { DemoApp } from './support/demo-app.js';
import { officeIdOf, PHONE_320 } from './support/pages.js';

const OFFICE = 'Satellitenbüro Fürth Rathaus';
const AREA = '1. Obergeschoss';
const DESK = 'O-03';
/** A working day in Bayern at 08:30: the office is open and the morning's check-in window (07:00 to 10:00) is open. */
const TODAY = openDayInBavaria(1);
const NOW = officeTime(TODAY, '08:30');

describe('the live occupancy board of a facility manager', () => {
  let app: DemoApp;

  beforeAll(async () => {
    app = await DemoApp.start({ now: NOW });
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('counts a booking and a check-in by someone else without reload, and names nobody', async () => {
    // Lena Hoffmann runs the Fürth office: "Standort" leads to its board, today by default.
    const board = await app.openAs('Lena Hoffmann');
    await board.getByRole('link', { name: 'Standort' }).click();
    await board.waitForURL(/\/standort$/);
    await board.getByRole('heading', { level: 1, name: 'Belegung' }).waitFor();
    expect(await board.getByRole('link', { name: 'Belegung' }).getAttribute('aria-current')).toBe('page');
    expect(await board.getByLabel('Büro').locator('option:checked').textContent()).toBe(OFFICE);
    expect(await board.getByLabel('Datum').inputValue()).toBe(TODAY);
    await board.locator('[data-testid="live-state"][data-state="live"]').waitFor();
    expect(await board.getByTestId('live-state').textContent()).toContain('Live');
    const table = board.getByRole('table', { name: new RegExp(`Belegung ${OFFICE}`) });
    await table.waitFor();
    const booked = await count(board, AREA, 'morning-booked');
    const checkedIn = await count(board, AREA, 'morning-checked-in');
    const free = await count(board, AREA, 'morning-free');
    await expectNoAxeViolations(board, 'the occupancy board');
    await board.evaluate(() => Object.assign(window, { nahbarNoReload: true }));

    // Mehmet Yılmaz (of LDBV, which may use the Fürth office) books a desk there for this morning.
    const computer = await app.openAs('Mehmet Yılmaz');
    const officeId = await officeIdOf(computer, OFFICE);
    await computer.goto(`${app.url}/buchen?buero=${officeId}&teil=MORNING`);
    await computer.locator(`[data-desk-code="${DESK}"] [data-status="free"]`).waitFor();
    await computer.getByRole('button', { name: `Platz ${DESK} buchen` }).click();
    await computer.locator(`[data-desk-code="${DESK}"] [data-status="mine"]`).waitFor();

    // The board counts it at once.
    await waitForCount(board, AREA, 'morning-booked', booked + 1);
    expect(await count(board, AREA, 'morning-free')).toBe(free - 1);
    expect(await count(board, AREA, 'morning-checked-in')).toBe(checkedIn);

    // He checks in with his phone at the desk (the link its QR code encodes).
    const link = new URL(await checkInLink(app, officeId ?? '', DESK));
    const phone = await (await app.newDevice(PHONE_320)).newPage();
    await phone.goto(`${app.url}${link.pathname}`);
    await DemoApp.choosePerson(phone, 'Mehmet Yılmaz');
    await phone.waitForURL(`**${link.pathname}`);
    await phone.getByRole('button', { name: 'Jetzt einchecken' }).tap();
    await phone.getByRole('status').filter({ hasText: 'Sie sind eingecheckt.' }).waitFor();

    await waitForCount(board, AREA, 'morning-checked-in', checkedIn + 1);
    expect(await count(board, AREA, 'morning-booked')).toBe(booked + 1);
    expect(await board.evaluate(() => 'nahbarNoReload' in window)).toBe(true);

    // Counts only: nobody's name is on the board.
    const text = (await board.locator('main').textContent()) ?? '';
    expect(text).not.toContain('Mehmet');
    expect(text).not.toContain('Yılmaz');
    // The polite summary speaks for the whole office, not per person.
    await board.getByTestId('occupancy-summary').filter({ hasText: 'eingecheckt' }).waitFor();
  });

  it('fits a 320 px phone: the table scrolls in its own box, the page not sideways', async () => {
    const phone = await (await app.newDevice(PHONE_320)).newPage();
    await phone.goto(`${app.url}/standort`);
    await DemoApp.choosePerson(phone, 'Lena Hoffmann');
    await phone.waitForURL(/\/standort$/);
    await phone.getByRole('table', { name: new RegExp(`Belegung ${OFFICE}`) }).waitFor();
    expect(await phone.evaluate(() => (document.scrollingElement ?? document.documentElement).scrollWidth)).toBe(
      PHONE_320.viewport.width,
    );
    // The scrolling box is reachable by keyboard and named by the table's caption.
    const box = phone.getByRole('region', { name: new RegExp(`Belegung ${OFFICE}`) });
    expect(await box.getAttribute('tabindex')).toBe('0');
  });
});

/** The number in a cell of an area's row, e.g. "morning-booked". */
async function count(page: Page, area: string, cell: string): Promise<number> {
  const text = await page.locator(`tr[data-area="${area}"] [data-cell="${cell}"]`).textContent();
  return Number(text?.trim());
}

async function waitForCount(page: Page, area: string, cell: string, expected: number): Promise<void> {
  await page
    .locator(`tr[data-area="${area}"] [data-cell="${cell}"]`)
    .filter({ hasText: new RegExp(`^\\s*${expected}\\s*$`) })
    .waitFor({ timeout: 5000 });
}

/** The check-in link of a desk, as its QR code encodes it: read as the office's facility manager. */
async function checkInLink(app: DemoApp, officeId: string, deskCode: string): Promise<string> {
  const manager = 'Lena Hoffmann';
  const { officeAreas } = await app.graphql.as<{ officeAreas: { id: string }[] }>(
    manager,
    'query Areas($officeId: ID!) { officeAreas(officeId: $officeId) { id } }',
    { officeId },
  );
  for (const area of officeAreas) {
    const { deskQrCodes } = await app.graphql.as<{ deskQrCodes: { code: string; checkInUrl: string }[] }>(
      manager,
      'query Codes($areaId: ID!) { deskQrCodes(areaId: $areaId) { code checkInUrl } }',
      { areaId: area.id },
    );
    const code = deskQrCodes.find((qr) => qr.code === deskCode);
    if (code) return code.checkInUrl;
  }
  throw new Error(`No QR code for desk ${deskCode}`);
}
