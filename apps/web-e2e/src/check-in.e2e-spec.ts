import type { Page } from 'playwright-core';

import { officeTime, openDayInBavaria } from './support/dates.js';
import { DemoApp } from './support/demo-app.js';
import { officeIdOf, PHONE_320 } from './support/pages.js';

const OFFICE = 'Co-Working Erlangen Hauptbahnhof';
const DESK = 'A-04';
/** A working day in Bayern at 08:30: after check-in opens (07:00), before the morning's deadline (10:00). */
const TODAY = openDayInBavaria(1);
const NOW = officeTime(TODAY, '08:30');

describe('check-in on a phone from the QR code on the desk', () => {
  let app: DemoApp;

  beforeAll(async () => {
    app = await DemoApp.start({ now: NOW });
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('checks in at 320 px without horizontal scrolling; the own bookings show it live, others still see "belegt"', async () => {
    // On the computer, Mehmet books the desk for today's morning. The page's "today" is the app's clock's.
    const computer = await app.openAs('Mehmet Yılmaz');
    const officeId = await officeIdOf(computer, OFFICE);
    await computer.goto(`${app.url}/buchen?buero=${officeId}&teil=MORNING`);
    await computer.locator(`[data-desk-code="${DESK}"] [data-status="free"]`).waitFor();
    expect(await computer.getByLabel('Datum').inputValue()).toBe(TODAY);
    await computer.getByRole('button', { name: `Platz ${DESK} buchen` }).click();
    await computer.locator(`[data-desk-code="${DESK}"] [data-status="mine"]`).waitFor();

    // The embedded database's now() follows the server's faked clock: the booking was made on TODAY after 08:30.
    const { myBookings } = await app.graphql.as<{ myBookings: { date: string; createdAt: string }[] }>(
      'Mehmet Yılmaz',
      '{ myBookings { date createdAt } }',
    );
    const madeAt = Date.parse(myBookings.find((booking) => booking.date === TODAY)?.createdAt ?? '');
    expect(madeAt - NOW.getTime()).toBeGreaterThanOrEqual(0);
    expect(madeAt - NOW.getTime()).toBeLessThan(10 * 60_000);

    // Someone else has the same office and day open.
    const colleague = await app.openAs('Thomas Becker');
    await colleague.goto(`${app.url}/buchen?buero=${officeId}&datum=${TODAY}&teil=MORNING`);
    await colleague.locator(`[data-desk-code="${DESK}"] [data-status="taken"]`).waitFor();

    // Mehmet's computer shows his bookings, not checked in yet.
    await computer.getByRole('link', { name: 'Meine Buchungen' }).click();
    const myBooking = computer.locator('article.booking', { hasText: `Platz ${DESK}` });
    await myBooking.waitFor();
    expect(await myBooking.locator('[data-status="checked-in"]').count()).toBe(0);
    await computer.evaluate(() => Object.assign(window, { nahbarNoReload: true }));

    // The link the desk's QR code encodes, as the facility manager prints it.
    const link = new URL(await checkInLink(app, officeId, DESK));
    expect(link.pathname).toMatch(/^\/einchecken\/[^/]+$/);

    // The phone scans it: nobody is chosen on the phone yet, so the app asks first and then returns to the desk.
    const phone = await (await app.newDevice(PHONE_320)).newPage();
    await phone.goto(`${app.url}${link.pathname}`);
    await DemoApp.choosePerson(phone, 'Mehmet Yılmaz');
    await phone.waitForURL(`**${link.pathname}`);
    await phone.getByText(`Platz ${DESK}`).waitFor();
    expect(await phone.getByTestId('check-in-desk').textContent()).toContain(OFFICE);
    expect(await phone.getByText('Ihre Buchung heute:').textContent()).toContain('Vormittag');
    expect(await pageWidth(phone)).toBeLessThanOrEqual(PHONE_320.viewport.width);

    await phone.getByRole('button', { name: 'Jetzt einchecken' }).tap();
    const confirmation = phone.getByRole('status').filter({ hasText: 'Sie sind eingecheckt.' });
    await confirmation.waitFor();
    // The button is gone; the confirmation has the focus, so a screen reader reads it out.
    expect(await phone.evaluate(() => document.activeElement?.id)).toBe('check-in-result');
    expect(await phone.getByRole('button', { name: 'Jetzt einchecken' }).count()).toBe(0);
    expect(await pageWidth(phone)).toBeLessThanOrEqual(PHONE_320.viewport.width);

    // The computer's list of Mehmet's bookings shows the check-in at once, without reload.
    await myBooking.locator('[data-status="checked-in"]').waitFor({ timeout: 5000 });
    expect(await computer.evaluate(() => 'nahbarNoReload' in window)).toBe(true);

    // Check-in is Mehmet's business only (DESIGN.md §5): for the colleague the desk stays simply taken.
    expect(await colleague.locator(`[data-desk-code="${DESK}"] [data-status]`).getAttribute('data-status')).toBe(
      'taken',
    );

    // Opening the link again later that morning shows the check-in, not the button.
    await phone.reload();
    await confirmation.waitFor();
  });
});

/** The check-in link of a desk, as its QR code encodes it: read as the office's facility manager. */
async function checkInLink(app: DemoApp, officeId: string, deskCode: string): Promise<string> {
  const manager = 'Sabine Wagner';
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

/** How wide the page's content is: wider than the screen means scrolling sideways. */
function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => (document.scrollingElement ?? document.documentElement).scrollWidth);
}
