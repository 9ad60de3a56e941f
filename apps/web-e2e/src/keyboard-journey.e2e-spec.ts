import type { Page } from 'playwright-core';

import { officeTime, openDayInBavaria } from './support/dates.js';
import { DemoApp } from './support/demo-app.js';

const PERSON = 'Mehmet Yılmaz';
const OFFICE = 'Co-Working Erlangen Hauptbahnhof';
const DESK = 'A-05';
/** The app's today, at 08:30: check-in is open (from 07:00) for the morning. */
const TODAY = openDayInBavaria(1);
const NOW = officeTime(TODAY, '08:30');
/** A later open day, within the office's booking horizon. */
const LATER = openDayInBavaria(6);

/** What has the keyboard focus: its kind, accessible name as far as the page says it, and whether it shows. */
interface Focus {
  readonly tag: string;
  readonly type: string | null;
  readonly name: string;
  readonly checked: boolean;
  /** A focus ring: an outline or a box shadow, as the element is drawn now. */
  readonly visible: boolean;
}

function focused(page: Page): Promise<Focus | null> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!(element instanceof HTMLElement) || element === document.body) return null;
    const labelled = element.getAttribute('aria-labelledby');
    const label =
      element.getAttribute('aria-label') ??
      (labelled ? document.getElementById(labelled)?.textContent : null) ??
      ('labels' in element ? (element as HTMLInputElement).labels?.[0]?.textContent : null) ??
      element.textContent ??
      '';
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    return {
      tag: element.tagName.toLowerCase(),
      type: element.getAttribute('type'),
      name: label.replace(/\s+/g, ' ').trim(),
      checked: element instanceof HTMLInputElement && element.checked,
      visible: outline || (style.boxShadow !== 'none' && style.boxShadow !== ''),
    };
  });
}

/** Fails unless something has the focus and shows it (once the page has settled, within a second). */
async function expectVisibleFocus(page: Page, step: string): Promise<Focus> {
  let focus = await focused(page);
  for (let attempt = 0; attempt < 10 && !focus?.visible; attempt++) {
    await page.waitForTimeout(100);
    focus = await focused(page);
  }
  if (focus === null) throw new Error(`${step}: nothing has the focus`);
  if (!focus.visible) throw new Error(`${step}: the focus on <${focus.tag}> "${focus.name}" is not visible`);
  return focus;
}

/**
 * Presses Tab (or Shift+Tab) until the focused element matches; every element passed on the way must show its
 * focus, too. Fails after `max` presses.
 */
async function tabTo(
  page: Page,
  step: string,
  matches: (focus: Focus) => boolean,
  { backwards = false, max = 120 } = {},
): Promise<Focus> {
  for (let press = 0; press < max; press++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const focus = await expectVisibleFocus(page, `${step} (Tab ${press + 1})`);
    if (matches(focus)) return focus;
  }
  throw new Error(`${step}: not reached with ${max} presses of Tab`);
}

/** Presses an arrow key on a radio group until the radio named `name` is checked. */
async function arrowToRadio(page: Page, step: string, name: RegExp): Promise<void> {
  for (let press = 0; press < 30; press++) {
    const focus = await expectVisibleFocus(page, step);
    if (focus.tag === 'input' && focus.type === 'radio' && focus.checked && name.test(focus.name)) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`${step}: no radio ${name} in the group`);
}

const dateValue = (page: Page): Promise<string> =>
  page.evaluate(() => (document.activeElement instanceof HTMLInputElement ? document.activeElement.value : ''));

type Segment = 'day' | 'month' | 'year';

/**
 * Which part of the date the focused segment of the date field changes (the order depends on the browser's locale),
 * or undefined when the page refuses every change of it: in December, the month segment wraps within its year (up to
 * January, down to November), and both are in the past.
 */
async function focusedSegment(page: Page): Promise<Segment | undefined> {
  const before = await dateValue(page);
  // Up then down (or the other way at the end of a range, where up would wrap into the past and be refused).
  for (const [there, back] of [
    ['ArrowUp', 'ArrowDown'],
    ['ArrowDown', 'ArrowUp'],
  ] as const) {
    await page.keyboard.press(there);
    const after = await dateValue(page);
    await page.keyboard.press(back);
    await page.waitForFunction((value) => (document.activeElement as HTMLInputElement).value === value, before);
    if (after !== before) {
      const [y1, m1] = before.split('-');
      const [y2, m2] = after.split('-');
      return y1 !== y2 ? 'year' : m1 !== m2 ? 'month' : 'day';
    }
  }
  return undefined;
}

/** Moves within the date field to the segment for `part`. */
async function goToSegment(page: Page, part: Segment): Promise<void> {
  for (const direction of ['ArrowRight', 'ArrowLeft'] as const) {
    for (let press = 0; press < 3; press++) {
      if ((await focusedSegment(page)) === part) return;
      await page.keyboard.press(direction);
    }
  }
  throw new Error(`No ${part} in the date field that the page lets change (value ${await dateValue(page)})`);
}

/** Presses ArrowUp (positive `steps`) or ArrowDown on the focused segment `steps` times. */
async function stepSegment(page: Page, steps: number): Promise<void> {
  for (let press = 0; press < Math.abs(steps); press++) {
    await page.keyboard.press(steps > 0 ? 'ArrowUp' : 'ArrowDown');
  }
}

/**
 * Sets the focused date field to `date` with the arrow keys. Typing the digits would pass through days in the past
 * (typing "30" sets the 3rd first), which the page refuses. Arrows keep every step at or after the earlier of the two
 * dates, so at or after today: forwards year, month, then day (a later year first, so that the months can be stepped
 * back to January without passing the past), backwards day, month, then year. The order of the segments in the field
 * follows the browser's locale, so the test finds them.
 */
async function arrowToDate(page: Page, date: string): Promise<void> {
  const target = date.split('-').map(Number);
  const forwards = date > (await dateValue(page));
  const order: readonly [Segment, number][] = forwards
    ? [
        ['year', 0],
        ['month', 1],
        ['day', 2],
      ]
    : [
        ['day', 2],
        ['month', 1],
        ['year', 0],
      ];
  for (const [segment, index] of order) {
    const steps = (target[index] ?? 0) - ((await dateValue(page)).split('-').map(Number)[index] ?? 0);
    if (steps === 0) continue;
    await goToSegment(page, segment);
    await stepSegment(page, steps);
  }
  await page.waitForFunction((wanted) => (document.activeElement as HTMLInputElement).value === wanted, date, {
    timeout: 5000,
  });
  await expectVisibleFocus(page, `date ${date}`);
}

/** Chooses the office on the booking page by typing the start of its name on the closed select, if not chosen. */
async function chooseOffice(page: Page): Promise<string> {
  await tabTo(page, 'office', (focus) => focus.tag === 'select');
  const selected = async (): Promise<string> =>
    (await page.locator('select option:checked').first().textContent()) ?? '';
  if (!(await selected()).includes(OFFICE)) {
    await page.keyboard.type(OFFICE.slice(0, 12), { delay: 50 });
    await page.waitForURL(/buero=/);
  }
  expect(await selected()).toContain(OFFICE);
  return page.getByLabel('Büro').inputValue();
}

describe('the whole journey by keyboard alone, with the focus always visible', () => {
  let app: DemoApp;

  beforeAll(async () => {
    app = await DemoApp.start({ now: NOW });
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('chooses a person, books, sees and cancels the booking, books today and checks in – without the mouse', async () => {
    const page = await (await app.newDevice({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(app.url);
    await page.getByRole('radio').first().waitFor();

    // The skip link comes first.
    const skip = await tabTo(page, 'skip link', (focus) => focus.tag === 'a');
    expect(skip.name).toBe('Zum Inhalt springen');

    // Choose the person: into the radio group, then arrows.
    await tabTo(page, 'person', (focus) => focus.type === 'radio');
    await arrowToRadio(page, 'person', new RegExp(PERSON));
    await tabTo(page, 'Weiter', (focus) => focus.tag === 'button' && focus.name === 'Weiter');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/buchen/);
    await page.getByLabel('Büro').waitFor();

    // The office: type its name on the closed select.
    const officeId = await chooseOffice(page);

    // The date and the morning.
    await tabTo(page, 'date', (focus) => focus.tag === 'input' && focus.type === 'date');
    await arrowToDate(page, LATER);
    await page.waitForURL(new RegExp(`datum=${LATER}`));
    await tabTo(page, 'part of the day', (focus) => focus.type === 'radio');
    await arrowToRadio(page, 'part of the day', /Vormittag/);
    await page.waitForURL(/teil=MORNING/);

    // Book the desk; the button keeps the focus and turns into "Stornieren".
    await page.locator(`[data-desk-code="${DESK}"] [data-status="free"]`).waitFor();
    await tabTo(page, 'book', (focus) => focus.tag === 'button' && focus.name === `Platz ${DESK} buchen`);
    await page.keyboard.press('Enter');
    await page.locator(`[data-desk-code="${DESK}"] [data-status="mine"]`).waitFor();
    // The live event can mark the desk mine before the booking's own answer: wait until the button is idle again.
    await page.getByRole('button', { name: `Buchung von Platz ${DESK} stornieren` }).waitFor();
    const afterBooking = await expectVisibleFocus(page, 'after booking');
    expect(afterBooking.name).toMatch(new RegExp(`Platz ${DESK}.*stornieren`, 'i'));

    // My bookings, through the main navigation (backwards from here).
    await tabTo(page, 'my bookings link', (focus) => focus.tag === 'a' && focus.name === 'Meine Buchungen', {
      backwards: true,
    });
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/meine-buchungen/);
    const booking = page.locator('article.booking', { hasText: `Platz ${DESK}` });
    await booking.waitFor();

    // Cancel it: the button asks once more, Enter again confirms.
    await tabTo(page, 'cancel', (focus) => focus.tag === 'button' && /^Stornieren/.test(focus.name));
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: /^Wirklich stornieren\?/ }).waitFor();
    const confirm = await expectVisibleFocus(page, 'confirm cancel');
    expect(confirm.name).toMatch(/^Wirklich stornieren\?/);
    await page.keyboard.press('Enter');
    await page.getByText(`Ihre Buchung von Platz ${DESK}`).waitFor();
    expect(await booking.count()).toBe(0);

    // Book today's morning, back on the booking page: the choices stayed in the address.
    await tabTo(page, 'booking link', (focus) => focus.tag === 'a' && focus.name === 'Buchen', { backwards: true });
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/buchen/);
    await page.getByLabel('Datum').waitFor();
    await chooseOffice(page);
    await tabTo(page, 'date', (focus) => focus.tag === 'input' && focus.type === 'date');
    await arrowToDate(page, TODAY);
    await tabTo(page, 'part of the day', (focus) => focus.type === 'radio');
    await arrowToRadio(page, 'part of the day', /Vormittag/);
    await page.locator(`[data-desk-code="${DESK}"] [data-status="free"]`).waitFor();
    await tabTo(page, 'book today', (focus) => focus.tag === 'button' && focus.name === `Platz ${DESK} buchen`);
    await page.keyboard.press('Enter');
    await page.locator(`[data-desk-code="${DESK}"] [data-status="mine"]`).waitFor();

    // The desk's QR code opens the check-in page (as a phone would, by its address); check in by keyboard.
    const checkInPath = await checkInPathOf(app, officeId, DESK);
    await page.goto(`${app.url}${checkInPath}`);
    await page.getByTestId('check-in-desk').waitFor();
    await tabTo(page, 'check in', (focus) => focus.tag === 'button' && focus.name === 'Jetzt einchecken');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Sie sind eingecheckt.' }).waitFor();

    // And my bookings say so.
    await tabTo(page, 'my bookings link', (focus) => focus.tag === 'a' && focus.name === 'Meine Buchungen', {
      backwards: true,
    });
    await page.keyboard.press('Enter');
    await page
      .locator('article.booking', { hasText: `Platz ${DESK}` })
      .locator('[data-status="checked-in"]')
      .waitFor();
  }, 180_000);
});

/** The check-in link of a desk, as its QR code encodes it: read as the office's facility manager. */
async function checkInPathOf(app: DemoApp, officeId: string, deskCode: string): Promise<string> {
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
    if (code) return new URL(code.checkInUrl).pathname;
  }
  throw new Error(`No QR code for desk ${deskCode}`);
}
