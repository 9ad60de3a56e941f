import { readFile } from 'node:fs/promises';

import { openDayIn } from './support/dates.js';
import { DemoApp } from './support/demo-app.js';

/** Lena Hoffmann is the facility manager of Satellitenbüro Fürth Rathaus. */
const OFFICE = 'Satellitenbüro Fürth Rathaus';
const MANAGER = 'Lena Hoffmann';

describe('a facility manager imports desks from a spreadsheet file', () => {
  let app: DemoApp;

  beforeAll(async () => {
    app = await DemoApp.start();
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('downloads the template, sees the faulty line, fixes it, imports, and finds the new desks on the booking page', async () => {
    const page = await app.openAs(MANAGER);
    await page.goto(`${app.url}/standort`);
    await page.getByRole('navigation', { name: 'Standort' }).getByRole('link', { name: 'Import' }).click();
    await page.getByRole('heading', { level: 1, name: 'Plätze importieren' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/standort/import');

    // The template: German headers, a byte-order mark for Excel, two example lines.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Vorlage herunterladen (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('nahbar-plaetze-vorlage.csv');
    const template = await readFile(await download.path(), 'utf8');
    const [header, ...examples] = template.split('\r\n').filter((line) => line !== '');
    expect(header).toBe(
      '\uFEFFBüro;Adresse;Gemeindeschlüssel (AGS);Öffnungstage;Bereich;Platz;Ausstattung;Barrierefrei;Aktiv',
    );
    expect(examples).toHaveLength(2);

    // Her list, as Excel on a German computer saves it: ";" and Windows-1252. Line 3 has equipment nahbar lacks.
    const list = (equipment: string) =>
      Buffer.from(
        [
          header?.replace('\uFEFF', ''),
          `${OFFICE};;;;Dachgeschoss;D-01;Monitor, Dockingstation;ja;ja`,
          `${OFFICE};;;;Dachgeschoss;D-02;${equipment};nein;ja`,
          '',
        ].join('\r\n'),
        'latin1',
      );
    const fileInput = page.getByLabel('CSV-Datei');
    await fileInput.setInputFiles({ name: 'plaetze.csv', mimeType: 'text/csv', buffer: list('Monitor, Beamer') });
    const errors = page.getByRole('table', { name: /Fehler in der Datei/ });
    await errors.waitFor();
    const cells = await errors.getByRole('row').nth(1).getByRole('cell').allTextContents();
    expect(cells.map((cell) => cell.trim())).toEqual([
      '3',
      'Ausstattung',
      expect.stringContaining('Unbekannte Ausstattung „Beamer“'),
    ]);
    await page.getByText('Die Datei hat 1 Fehler').waitFor();
    expect(await page.getByRole('button', { name: 'Importieren' }).isDisabled()).toBe(true);

    // Corrected and chosen again: a clean check, with what the import would do.
    await fileInput.setInputFiles({ name: 'plaetze.csv', mimeType: 'text/csv', buffer: list('Monitor') });
    await page.getByText('Die Datei ist fehlerfrei (2 Zeilen)').waitFor();
    await page.getByText('Windows-1252', { exact: false }).waitFor();
    expect(await errors.count()).toBe(0);
    const plan = page.getByRole('table', { name: /Was der Import ändern würde/ });
    expect(await plan.getByRole('row', { name: /Dachgeschoss/ }).textContent()).toContain('2');

    await page.getByRole('button', { name: 'Importieren' }).click();
    await page.getByRole('heading', { name: 'Import abgeschlossen' }).waitFor();
    await page.getByText('Import abgeschlossen: 0 neue Büros, 1 neuer Bereich, 2 neue Plätze').waitFor();

    // The booking page shows the new desks.
    await page.getByRole('link', { name: `Plätze in ${OFFICE} ansehen` }).click();
    await page.waitForURL(/\/buchen\?buero=/);
    const officeId = new URL(page.url()).searchParams.get('buero');
    await page.goto(`${app.url}/buchen?buero=${officeId}&datum=${openDayIn('BY', 4)}&teil=MORNING`);
    await page.locator('[data-desk-code="D-01"] [data-status="free"]').waitFor({ timeout: 10_000 });
    await page.locator('[data-desk-code="D-02"] [data-status="free"]').waitFor();
  });
});
