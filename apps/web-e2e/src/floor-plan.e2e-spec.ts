import type { Page } from 'playwright-core';

import { openDayInBavaria } from './support/dates.js';
import { DemoApp } from './support/demo-app.js';
import { officeIdOf } from './support/pages.js';

const OFFICE = 'Co-Working Erlangen Hauptbahnhof';

describe('the floor plan', () => {
  let app: DemoApp;

  beforeAll(async () => {
    app = await DemoApp.start();
  });

  afterAll(async () => {
    await app?.stop();
  });

  const openAs = (personName: string): Promise<Page> => app.openAs(personName);

  it('books a desk from the plan with the keyboard; the list of someone else shows it taken live', async () => {
    const date = openDayInBavaria(9);
    const planner = await openAs('Mehmet Yılmaz');
    const officeId = await officeIdOf(planner, OFFICE);
    await planner.goto(`${app.url}/buchen?buero=${officeId}&datum=${date}&teil=MORNING&ansicht=grundriss`);
    const watcher = await openAs('Thomas Becker');
    await watcher.goto(`${app.url}/buchen?buero=${officeId}&datum=${date}&teil=MORNING`);
    await watcher.locator('[data-desk-code="A-02"] [data-status="free"]').waitFor();

    // The plan is an image with the area's name; the desks on it are buttons with names a screen reader reads out.
    await planner.getByRole('img', { name: /Offene Fläche – Grundriss/ }).waitFor();
    const marker = planner.getByRole('button', { name: 'Platz A-02, frei – buchen' });
    await marker.focus();
    await planner.keyboard.press('Enter');
    await planner.getByRole('button', { name: 'Platz A-02, Ihre Buchung – stornieren' }).waitFor({ timeout: 5000 });

    await watcher.locator('[data-desk-code="A-02"] [data-status="taken"]').waitFor({ timeout: 1000 });
    // A taken desk on the plan is announced as taken, not offered.
    expect(await planner.getByRole('button', { name: 'Platz A-02, frei – buchen' }).count()).toBe(0);
  });
});
