import { readFile } from 'node:fs/promises';

import { type CivilDate, daysBetween, todayInOfficeZone, weekdayOf } from '@nahbar/domain';
import ICAL from 'ical.js';
import type { Page } from 'playwright-core';

import { expectNoAxeViolations } from './support/axe.js';
import { openDayInBavaria } from './support/dates.js';
import { DemoApp } from './support/demo-app.js';

const PERSON = 'Anna Schmidt';
const OFFICE = 'Co-Working Erlangen Hauptbahnhof';
const DESK = 'A-04';

/** The UIDs of the events of an iCalendar document, read with Mozilla's ical.js. */
function eventUids(ics: string): string[] {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent).uid);
}

describe('my week and the calendar', () => {
  let app: DemoApp;

  beforeAll(async () => {
    app = await DemoApp.start();
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('shows a booking made elsewhere live, saves it as .ics, and the feed has it until it is cancelled', async () => {
    const date = openDayInBavaria(1);
    const page = await app.openAs(PERSON);
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Meine Woche' }).click();
    await page.getByRole('heading', { level: 1, name: 'Meine Woche' }).waitFor();
    await showWeekOf(page, date);
    const day = page.getByRole('region', { name: new RegExp(germanWeekday(date)) });
    await day.getByText('Nichts geplant.').waitFor();

    // Booked in another tab (here: through the API): the week shows it without a reload.
    const bookingId = await book(date);
    const item = day.getByTestId('week-booking');
    await item.getByText(`Platz ${DESK}`).waitFor({ timeout: 10_000 });
    expect(await item.textContent()).toContain('Status: Gebucht, noch nicht eingecheckt');
    expect(await item.textContent()).toContain('Ganzer Tag (ganztägig)');

    // The booking as a file: fetched with the person's credentials, saved as a download.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      item.getByRole('button', { name: `In Kalender (.ics): Platz ${DESK}` }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`nahbar-${date}-${DESK}.ics`);
    const file = await readFile(await download.path(), 'utf8');
    expect(eventUids(file)).toEqual([`booking-${bookingId}@nahbar`]);
    expect(file).toContain(`DTSTART;VALUE=DATE:${date.replaceAll('-', '')}`);

    // The subscription: its address is shown once; fetched like a calendar program would, it has the booking.
    await page.getByRole('button', { name: 'Kalender-Abo einrichten' }).click();
    const field = page.getByLabel('Adresse Ihres Kalender-Abos');
    await field.waitFor();
    const feedUrl = await field.inputValue();
    expect(feedUrl).toMatch(/\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    await expectNoAxeViolations(page, 'Meine Woche');
    const feed = await fetch(feedUrl, { headers: { accept: '*/*' } });
    expect(feed.status).toBe(200);
    expect(eventUids(await feed.text())).toContain(`booking-${bookingId}@nahbar`);

    // Cancelled: gone from the week (live) and from the feed.
    await app.graphql.as(PERSON, 'mutation Cancel($id: ID!) { cancelBooking(id: $id) { id } }', { id: bookingId });
    await day.getByText('Nichts geplant.').waitFor({ timeout: 10_000 });
    expect(eventUids(await (await fetch(feedUrl)).text())).not.toContain(`booking-${bookingId}@nahbar`);

    // Revoked: the address no longer works.
    await page.getByRole('button', { name: 'Kalender-Abo widerrufen' }).click();
    await page.getByText('Ihr Kalender-Abo ist widerrufen.').waitFor();
    expect((await fetch(feedUrl)).status).toBe(404);
  });

  it('fits a 320 px phone, with the subscription’s address shown, and passes axe-core there', async () => {
    const page = await app.openAs('Mehmet Yılmaz', { viewport: { width: 320, height: 640 } });
    await page.goto(`${app.url}/meine-woche`);
    await page.getByRole('heading', { level: 1, name: 'Meine Woche' }).waitFor();
    await page.getByRole('button', { name: 'Kalender-Abo einrichten' }).click();
    await page.getByLabel('Adresse Ihres Kalender-Abos').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Präsenzregeln meiner Teams' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await expectNoAxeViolations(page, 'Meine Woche at 320 px');
  });

  async function book(date: CivilDate): Promise<string> {
    const { offices } = await app.graphql.as<{ offices: { id: string; name: string }[] }>(
      PERSON,
      '{ offices { id name } }',
    );
    const officeId = offices.find((office) => office.name === OFFICE)?.id;
    if (officeId === undefined) throw new Error(`${PERSON} cannot see ${OFFICE}`);
    const { deskAvailability } = await app.graphql.as<{ deskAvailability: { deskId: string; code: string }[] }>(
      PERSON,
      'query Desks($officeId: ID!, $date: String!) { deskAvailability(officeId: $officeId, date: $date, part: FULL_DAY) { deskId code } }',
      { officeId, date },
    );
    const deskId = deskAvailability.find((desk) => desk.code === DESK)?.deskId;
    if (deskId === undefined) throw new Error(`No desk ${DESK} in ${OFFICE}`);
    const { bookDesk } = await app.graphql.as<{ bookDesk: { id: string } }>(
      PERSON,
      'mutation Book($input: BookDeskInput!) { bookDesk(input: $input) { id } }',
      { input: { deskId, date, part: 'FULL_DAY' } },
    );
    return bookDesk.id;
  }
});

/** Moves the page on to the week of `date` (it starts at this week). */
async function showWeekOf(page: Page, date: CivilDate): Promise<void> {
  const today = todayInOfficeZone();
  const weeks = Math.floor((daysBetween(today, date) + weekdayOf(today) - 1) / 7);
  for (let step = 0; step < weeks; step++) await page.getByRole('button', { name: 'Nächste Woche' }).click();
  await page.getByRole('heading', { level: 3, name: new RegExp(germanWeekday(date)) }).waitFor();
}

/** "Dienstag, 24. November 2026": how the page names a day. */
function germanWeekday(date: CivilDate): string {
  return new Intl.DateTimeFormat('de-DE', {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(`${date}T12:00:00Z`));
}
