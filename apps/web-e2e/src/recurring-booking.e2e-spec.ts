import { addDays, type CivilDate, publicHoliday, refusalTexts, weekdayOf } from '@nahbar/domain';
import type { Page } from 'playwright-core';

import { openDayInBavaria } from './support/dates.js';
import { DemoApp } from './support/demo-app.js';

const OFFICE = 'Co-Working Erlangen Hauptbahnhof';
const DESK = 'A-06';
const WEEKDAY_NAMES = ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag'] as const;

describe('the recurring booking dialog, with the keyboard only', () => {
  let app: DemoApp;

  beforeAll(async () => {
    app = await DemoApp.start();
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('takes the focus, books the chosen weekdays, shows and announces each date, and gives the focus back on Esc', async () => {
    const from = openDayInBavaria(14);
    // The series: the weekday of the first date (chosen when the dialog opens) and one more, for two weeks.
    const first = weekdayOf(from);
    const second = first < 5 ? first + 1 : first - 1;
    const dates = Array.from({ length: 14 }, (_, day) => addDays(from, day)).filter((date) =>
      [first, second].includes(weekdayOf(date)),
    );
    // Someone else has the desk on the first date of the second week: that date is refused, and says why.
    const taken = dates.find((date) => date >= addDays(from, 7) && publicHoliday(date, 'BY') === undefined);
    if (taken === undefined) throw new Error(`No working day in the second week after ${from}`);
    const officeId = await bookAs(app, 'Mehmet Yılmaz', taken);

    const page = await app.openAs('Anna Schmidt');
    await page.goto(`${app.url}/buchen?buero=${officeId}&datum=${from}&teil=MORNING`);
    const opener = page.getByRole('button', { name: `Platz ${DESK} regelmäßig buchen` });
    await opener.focus();
    await page.keyboard.press('Enter');

    // A modal dialog named after the desk has the focus, on its first field.
    const dialog = page.getByRole('dialog', { name: `Platz ${DESK} regelmäßig buchen` });
    await dialog.waitFor();
    expect(await focusedName(page)).toBe('Montag');
    expect(await page.evaluate(() => document.activeElement?.closest('dialog')?.open)).toBe(true);
    const weekday = (number: number) => dialog.getByRole('checkbox', { name: WEEKDAY_NAMES[number - 1] });
    expect(await weekday(first).isChecked()).toBe(true);

    // Tab to the second weekday and tick it, then on to the number of weeks.
    for (let box = 1; box < second; box++) await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe(WEEKDAY_NAMES[second - 1]);
    await page.keyboard.press('Space');
    expect(await weekday(second).isChecked()).toBe(true);
    for (let box = second; box < 5; box++) await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('Für wie viele Wochen?');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('2');
    await page.keyboard.press('Enter');

    // The result: a summary in the dialog's live region (read out), and one row per date.
    const booked = dates.filter((date) => date !== taken && publicHoliday(date, 'BY') === undefined).length;
    const status = dialog.getByRole('status');
    await status.getByText(`Ergebnis: ${booked} von ${dates.length} Terminen gebucht.`).waitFor({ timeout: 10_000 });
    expect(await status.getAttribute('aria-live')).toBe('polite');
    const rows = dialog.getByRole('table', { name: 'Ergebnis je Termin' }).locator('tbody tr');
    expect(await rows.count()).toBe(dates.length);
    for (const [index, date] of dates.entries()) {
      const row = rows.nth(index);
      const expected = expectedOutcome(date, taken);
      expect(await row.getAttribute('data-outcome')).toBe(expected.status);
      expect(await row.locator('td').textContent()).toContain(expected.text);
    }

    // Esc closes the dialog; the focus is back on the button that opened it.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await focusedName(page)).toBe(`Platz ${DESK} regelmäßig buchen`);
    // The page shows the first date booked.
    await page.locator(`[data-desk-code="${DESK}"] [data-status="mine"]`).waitFor();
  });
});

function expectedOutcome(date: CivilDate, taken: CivilDate): { status: string; text: string } {
  const holiday = publicHoliday(date, 'BY');
  if (holiday !== undefined) return { status: 'REFUSED', text: refusalTexts.holiday(holiday, 'BY').de };
  if (date === taken) return { status: 'REFUSED', text: refusalTexts.deskTaken(date).de };
  return { status: 'BOOKED', text: 'Gebucht' };
}

/** Books the desk for the morning as someone else, through the API; returns the office's id. */
async function bookAs(app: DemoApp, person: string, date: CivilDate): Promise<string> {
  const { offices } = await app.graphql.as<{ offices: { id: string; name: string }[] }>(
    person,
    '{ offices { id name } }',
  );
  const officeId = offices.find((office) => office.name === OFFICE)?.id;
  if (officeId === undefined) throw new Error(`${person} cannot see ${OFFICE}`);
  const { deskAvailability } = await app.graphql.as<{ deskAvailability: { deskId: string; code: string }[] }>(
    person,
    'query Desks($officeId: ID!, $date: String!) { deskAvailability(officeId: $officeId, date: $date, part: MORNING) { deskId code } }',
    { officeId, date },
  );
  const deskId = deskAvailability.find((desk) => desk.code === DESK)?.deskId;
  if (deskId === undefined) throw new Error(`No desk ${DESK} in ${OFFICE}`);
  await app.graphql.as(person, 'mutation Book($input: BookDeskInput!) { bookDesk(input: $input) { id } }', {
    input: { deskId, date, part: 'MORNING' },
  });
  return officeId;
}

/** The accessible name of what has the focus: its label, its aria-label or its text. */
function focusedName(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!(element instanceof HTMLElement)) return null;
    const label = element.getAttribute('aria-label') ?? (element as HTMLInputElement).labels?.[0]?.textContent;
    return (label ?? element.textContent ?? '').trim();
  });
}
