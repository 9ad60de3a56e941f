import { readFile } from 'node:fs/promises';

import { expectNoAxeViolations } from './support/axe.js';
import { DemoApp } from './support/demo-app.js';

const OFFICE = 'Satellitenbüro Fürth Rathaus';

describe('utilisation of an office for its facility manager', () => {
  let app: DemoApp;

  beforeAll(async () => {
    app = await DemoApp.start();
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('opens the tab, shows the figures as a chart and in tables, and downloads them as a CSV file', async () => {
    // Lena Hoffmann runs the Fürth office: "Standort", then the tab "Auslastung".
    const page = await app.openAs('Lena Hoffmann');
    await page.getByRole('link', { name: 'Standort' }).click();
    await page.waitForURL(/\/standort$/);
    await page.getByRole('navigation', { name: 'Standort' }).getByRole('link', { name: 'Auslastung' }).click();
    await page.waitForURL(/\/standort\/auslastung$/);
    await page.getByRole('heading', { level: 1, name: 'Auslastung' }).waitFor();
    expect(
      await page
        .getByRole('navigation', { name: 'Standort' })
        .getByRole('link', { name: 'Auslastung' })
        .getAttribute('aria-current'),
    ).toBe('page');
    expect(await page.getByLabel('Büro').locator('option:checked').textContent()).toBe(OFFICE);

    // The same figures as a chart (Chart.js, loaded with this page only) and as tables with headers.
    const table = page.getByRole('table', { name: new RegExp(`Auslastung ${OFFICE} nach Wochentag`) });
    await table.waitFor();
    expect(await table.getByRole('columnheader').allTextContents()).toContain('Check-in-Quote');
    expect(await table.getByRole('rowheader').first().textContent()).toContain('Montag');
    await page.getByRole('table', { name: new RegExp(`Auslastung ${OFFICE} nach Bereich`) }).waitFor();
    await page
      .getByRole('img', { name: /Diagramm: Auslastung, Check-in-Quote und No-Show-Quote nach Wochentag/ })
      .waitFor();
    await page
      .getByRole('table', { name: /Auslastung der Plätze im Bereich/ })
      .first()
      .waitFor();
    await expectNoAxeViolations(page, 'the utilisation page');

    // The CSV: fetched with her credentials and saved; UTF-8 with a BOM, German headers with umlauts, ";".
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Als CSV herunterladen' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^nahbar-auslastung-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = await readFile(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, total] = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(header).toBe(
      'Büro;Von;Bis;Gliederung;Bezeichnung;Öffnungstage;Verfügbare Platztage;Gebuchte Platztage;Auslastung (%);' +
        'Fällige Buchungen;Eingecheckt;Check-in-Quote (%);Nicht erschienen;No-Show-Quote (%);Spitzentage',
    );
    expect(total).toMatch(new RegExp(`^${OFFICE};\\d{4}-\\d{2}-\\d{2};\\d{4}-\\d{2}-\\d{2};Büro gesamt;`));
    await page.getByRole('status').filter({ hasText: 'Die CSV-Datei wurde heruntergeladen.' }).waitFor();

    // Counts only: no person's name on the page.
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toContain('Mehmet');
  });
});
