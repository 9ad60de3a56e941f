import type { BrowserContextOptions, Page, Route } from 'playwright-core';

import { expectNoAxeViolations } from './support/axe.js';
import { DemoApp } from './support/demo-app.js';

/** Every request for a map tile of the default tile server (OpenStreetMap). */
const TILES = /^https:\/\/tile\.openstreetmap\.org\//;
/** A 1×1 transparent PNG: a tile server that answers, without the network. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

const names = (page: Page): Promise<string[]> =>
  page.getByTestId('near-home-office').getByRole('heading', { level: 3 }).allTextContents();

describe('offices near home', () => {
  let app: DemoApp;

  beforeAll(async () => {
    app = await DemoApp.start();
  });

  afterAll(async () => {
    await app?.stop();
  });

  /** Chooses the demo person on a new device whose tile requests `tiles` answers. */
  async function openAs(
    person: string,
    tiles: (route: Route) => Promise<void>,
    options: BrowserContextOptions = {},
  ): Promise<Page> {
    const device = await app.newDevice(options);
    await device.route(TILES, tiles);
    const page = await device.newPage();
    await page.goto(app.url);
    await DemoApp.choosePerson(page, person);
    await page.waitForURL(/\/buchen/);
    return page;
  }

  it('a person sets a postal code, sees the offices ranked, filters by radius and follows a link to book', async () => {
    const tileRequests: string[] = [];
    const page = await openAs('Mehmet Yılmaz', async (route) => {
      tileRequests.push(route.request().url());
      await route.fulfill({ status: 200, contentType: 'image/png', body: PNG });
    });

    // Without a postal code the page asks for one and links to the profile.
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'In der Nähe' }).click();
    await page.getByTestId('near-home-no-postal-code').waitFor();
    await page.getByRole('link', { name: 'Postleitzahl im Profil eintragen' }).click();
    await page.waitForURL(/\/profil$/);

    // Five digits that are no German postal code: refused next to the field, nothing saved.
    const field = page.getByLabel('Postleitzahl Ihres Wohnorts');
    await field.fill('99999');
    await page.getByRole('button', { name: 'Speichern' }).click();
    // The API's own German message (INVALID_POSTAL_CODE), next to the field that it names.
    await page.locator('#home-postal-code-problem', { hasText: '99999 ist keine deutsche Postleitzahl' }).waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await field.getAttribute('aria-describedby')).toContain('home-postal-code-problem');
    await field.fill('91052');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Ihre Einstellungen sind gespeichert.').waitFor();

    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'In der Nähe' }).click();
    await page.getByTestId('near-home-list').waitFor();
    expect(await page.getByTestId('near-home-postal-code').textContent()).toContain('91052');
    expect(await names(page)).toEqual([
      'Co-Working Erlangen Hauptbahnhof',
      'Satellitenbüro Fürth Rathaus',
      'Satellitenbüro Bamberg',
      'Satellitenbüro Münster',
    ]);
    const distances = await page.getByTestId('near-home-distance').allTextContents();
    for (const distance of distances) expect(distance).toMatch(/^\d{1,3}(\.\d{3})*,\d km$/);
    const km = distances.map((distance) => Number(distance.replace(' km', '').replace('.', '').replace(',', '.')));
    expect(km).toEqual([...km].sort((a, b) => a - b));

    // The map: present, with the offices as numbered markers the keyboard reaches, and its tiles requested.
    await page.getByTestId('office-map').waitFor();
    const markers = page.locator('.nb-map-marker');
    await markers.nth(3).waitFor();
    expect(await markers.count()).toBe(4);
    expect(await markers.first().getAttribute('aria-label')).toMatch(/^1\. Co-Working Erlangen Hauptbahnhof, /);
    await markers.first().focus();
    await page.keyboard.press('Enter');
    await page
      .locator('.leaflet-popup')
      .getByRole('link', { name: /Plätze ansehen/ })
      .waitFor();
    expect(tileRequests.length).toBeGreaterThan(0);
    expect(await page.getByTestId('map-tiles-failed').count()).toBe(0);
    await expectNoAxeViolations(page, 'near home, with the map');

    // Within 25 km: Erlangen and Fürth only, on the map too.
    await page.getByLabel('Umkreis').selectOption({ label: '25 km' });
    await page.getByTestId('near-home-summary').filter({ hasText: '2 Büros im Umkreis von 25 km' }).waitFor();
    expect(await names(page)).toEqual(['Co-Working Erlangen Hauptbahnhof', 'Satellitenbüro Fürth Rathaus']);
    await page.waitForFunction(() => document.querySelectorAll('.nb-map-marker').length === 2);

    // "Plätze ansehen" opens the booking page on that office.
    await page.getByRole('link', { name: 'Plätze ansehen: Satellitenbüro Fürth Rathaus' }).click();
    await page.waitForURL(/\/buchen\?buero=/);
    const officeId = new URL(page.url()).searchParams.get('buero');
    await page
      .getByLabel('Büro')
      .locator('option:checked', { hasText: 'Satellitenbüro Fürth Rathaus' })
      .waitFor({ state: 'attached' });
    expect(await page.getByLabel('Büro').inputValue()).toBe(officeId);
  });

  it('keeps the list fully usable on a 320 px phone when the tile server cannot be reached; markers stay', async () => {
    await app.graphql.as('Lena Hoffmann', 'mutation { updateProfile(input: { homePostalCode: "90762" }) { id } }');
    const page = await openAs('Lena Hoffmann', (route) => route.abort('internetdisconnected'), {
      viewport: { width: 320, height: 640 },
    });
    await page.goto(`${app.url}/in-der-naehe`);
    await page.getByTestId('near-home-list').waitFor();
    // Lena works for the city of Fürth: its own office and the one shared with it.
    expect(await names(page)).toEqual(['Satellitenbüro Fürth Rathaus', 'Co-Working Erlangen Hauptbahnhof']);
    await page.getByTestId('map-tiles-failed').waitFor();
    expect(await page.locator('.nb-map-marker').count()).toBe(2);

    await page.getByLabel('Umkreis').selectOption({ label: '10 km' });
    await page.getByTestId('near-home-summary').filter({ hasText: '1 Büro im Umkreis von 10 km' }).waitFor();
    expect(await names(page)).toEqual(['Satellitenbüro Fürth Rathaus']);
    await page.getByLabel('Umkreis').selectOption({ label: 'alle Büros' });
    await page.getByTestId('near-home-summary').filter({ hasText: '2 Büros, nach Entfernung sortiert' }).waitFor();
    await expectNoAxeViolations(page, 'near home at 320 px, tiles blocked');
    // Nothing wider than the phone: no sideways scrolling.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);

    await page.getByRole('link', { name: 'Plätze ansehen: Co-Working Erlangen Hauptbahnhof' }).click();
    await page.waitForURL(/\/buchen\?buero=/);
  });

  it('credits the postal codes, holidays and map tiles on the about page, linked from every page', async () => {
    const page = await (await app.newDevice()).newPage();
    await page.goto(app.url);
    await page.getByRole('contentinfo').getByRole('link', { name: 'Über nahbar' }).click();
    await page.getByRole('heading', { level: 1, name: 'Über nahbar' }).waitFor();
    expect(await page.getByTestId('credit-geonames').textContent()).toMatch(
      /Postal code data © GeoNames,\s+CC BY 4\.0/,
    );
    expect(await page.getByTestId('credit-holidays').textContent()).toContain('CC BY 3.0');
    expect(await page.getByTestId('credit-osm').textContent()).toContain('OpenStreetMap-Mitwirkende');
    await expectNoAxeViolations(page, 'about nahbar');
  });
});
