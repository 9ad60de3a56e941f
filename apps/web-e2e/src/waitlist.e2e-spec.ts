import type { Page } from 'playwright-core';

import { openDayIn } from './support/dates.js';
import { DemoApp } from './support/demo-app.js';

/** Münster lets half of its 12 desks be booked per half-day. */
const OFFICE = 'Satellitenbüro Münster';
/** Six people who may book Münster fill its morning; Anna (the first) will cancel. */
const FILLERS = [
  ['Anna Schmidt', 'M-01'],
  ['Mehmet Yılmaz', 'M-02'],
  ['Sabine Wagner', 'M-03'],
  ['Thomas Becker', 'M-04'],
  ['Fatma Demir', 'M-05'],
  ['Peter Schulz', 'M-06'],
] as const;
/** Of Stadt Fürth: may book Münster once IT.NRW shares it with her organisation. */
const WAITING = 'Lena Hoffmann';

describe('the waitlist hands a freed desk over, live', () => {
  let app: DemoApp;

  beforeAll(async () => {
    app = await DemoApp.start();
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('gives the desk Anna cancels to Lena, who waits, and her pages show it without reload', async () => {
    const date = openDayIn('NW', 8);
    const officeId = await fillMorning(app, date);
    const bookingUrl = `${app.url}/buchen?buero=${officeId}&datum=${date}&teil=MORNING`;

    // Lena opens the morning: the page says upfront that the office is at its cap, marks its unbooked desks as not
    // bookable (no "Buchen" to try), and offers the waitlist at once. She joins it.
    const lena = await app.openAs(WAITING);
    await lena.goto(bookingUrl);
    const full = lena.getByTestId('office-day-notice');
    await full.getByText('Das Büro ist an diesem Tag voll (Obergrenze 6 von 12 Plätzen).').waitFor();
    expect(await full.getAttribute('role')).toBe('status');
    await lena.locator('[data-desk-code="M-07"] [data-status="closed"]', { hasText: 'nicht buchbar' }).waitFor();
    expect(await lena.getByRole('button', { name: 'Platz M-07 buchen' }).count()).toBe(0);
    const box = lena.getByTestId('waitlist-box');
    await box.getByRole('heading', { name: 'Alle Plätze sind belegt' }).waitFor();
    await box.getByRole('button', { name: 'Auf die Warteliste setzen' }).click();
    // The place in line, in the box's live region.
    const state = box.getByRole('status').filter({ has: lena.getByTestId('waitlist-state') });
    await state.getByText('Sie stehen auf Platz 1 der Warteliste.').waitFor();
    await markNoReload(lena);

    // Her bookings, in a second tab, show her place in line.
    const lenaList = await lena.context().newPage();
    await lenaList.goto(`${app.url}/meine-buchungen`);
    const entry = lenaList.locator('[data-waitlist-id]');
    await entry.locator('[data-status="waiting"]', { hasText: 'Platz 1 der Warteliste' }).waitFor();
    expect(await lenaList.locator('[data-booking-id]').count()).toBe(0);
    await markNoReload(lenaList);

    // Anna cancels her morning in her browser.
    const anna = await app.openAs('Anna Schmidt');
    await anna.goto(bookingUrl);
    await anna.getByRole('button', { name: 'Buchung von Platz M-01 stornieren' }).click();
    // The desk went to Lena in the same transaction: for Anna it is taken, not free.
    await anna.locator('[data-desk-code="M-01"] [data-status="taken"]').waitFor({ timeout: 5000 });

    // Lena's booking page: the box says she got M-01, the desk is hers, and a notice is shown and read out.
    await box.getByRole('heading', { name: 'Platz von der Warteliste' }).waitFor({ timeout: 5000 });
    expect(await state.textContent()).toContain('Ein Platz ist frei geworden: Sie haben Platz M-01 bekommen.');
    expect(await box.getByRole('button', { name: 'Warteliste verlassen' }).count()).toBe(0);
    await lena.locator('[data-desk-code="M-01"] [data-status="mine"]').waitFor({ timeout: 5000 });
    const notice = `Ein Platz ist frei geworden: Sie haben Platz M-01 in ${OFFICE} am`;
    expect(await lena.getByTestId('booking-notices').textContent()).toContain(notice);
    await lena.locator('[aria-live="polite"].visually-hidden', { hasText: notice }).waitFor();
    expect(await noReload(lena)).toBe(true);

    // Her bookings list: the entry is assigned, and the booking of M-01 is there.
    await entry.locator('[data-status="assigned"]', { hasText: 'Platz M-01' }).waitFor({ timeout: 5000 });
    await lenaList.locator('[data-booking-id]', { hasText: 'M-01' }).waitFor();
    expect(await noReload(lenaList)).toBe(true);
  });
});

/**
 * IT.NRW's admin shares Münster with Stadt Fürth (Lena's organisation); six people of the organisations that may
 * book it take the morning's six desks its cap allows. Returns the office's id.
 */
async function fillMorning(app: DemoApp, date: string): Promise<string> {
  const admin = 'Thomas Becker';
  const { offices } = await app.graphql.as<{ offices: { id: string; name: string }[] }>(
    admin,
    '{ offices { id name } }',
  );
  const officeId = offices.find((office) => office.name === OFFICE)?.id;
  if (officeId === undefined) throw new Error(`${admin} does not see ${OFFICE}`);
  const { organisations } = await app.graphql.as<{ organisations: { id: string; name: string }[] }>(
    admin,
    '{ organisations { id name } }',
  );
  const fuerth = organisations.find((organisation) => organisation.name === 'Stadt Fürth')?.id;
  if (fuerth === undefined) throw new Error('No organisation Stadt Fürth');
  await app.graphql.as(
    admin,
    'mutation Share($input: ShareOfficeInput!) { shareOffice(input: $input) { office { id } } }',
    { input: { officeId, organisationId: fuerth } },
  );

  const { deskAvailability } = await app.graphql.as<{ deskAvailability: { deskId: string; code: string }[] }>(
    admin,
    'query Desks($officeId: ID!, $date: String!) { deskAvailability(officeId: $officeId, date: $date, part: MORNING) { deskId code } }',
    { officeId, date },
  );
  for (const [person, code] of FILLERS) {
    const deskId = deskAvailability.find((desk) => desk.code === code)?.deskId;
    if (deskId === undefined) throw new Error(`No desk ${code} in ${OFFICE}`);
    await app.graphql.as(person, 'mutation Book($input: BookDeskInput!) { bookDesk(input: $input) { id } }', {
      input: { deskId, date, part: 'MORNING' },
    });
  }
  return officeId;
}

async function markNoReload(page: Page): Promise<void> {
  await page.evaluate(() => Object.assign(window, { nahbarNoReload: true }));
}

function noReload(page: Page): Promise<boolean> {
  return page.evaluate(() => 'nahbarNoReload' in window);
}
