import type { Page } from 'playwright-core';

import { openDayInBavaria } from './support/dates.js';
import { DemoApp } from './support/demo-app.js';

const OFFICE = 'Co-Working Erlangen Hauptbahnhof';
const DESK = 'A-07';
const DATE = openDayInBavaria(5);

interface Manifest {
  readonly name?: unknown;
  readonly short_name?: unknown;
  readonly start_url?: unknown;
  readonly display?: unknown;
  readonly theme_color?: unknown;
  readonly icons?: readonly { readonly src: string; readonly sizes: string; readonly type: string }[];
}

describe('the installable app on a phone', () => {
  let app: DemoApp;

  beforeAll(async () => {
    app = await DemoApp.start();
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('serves a valid web manifest with icons, and the service worker fresh, with the right content types', async () => {
    const manifestResponse = await fetch(`${app.url}/manifest.webmanifest`);
    expect(manifestResponse.status).toBe(200);
    expect(manifestResponse.headers.get('content-type')).toMatch(/^application\/manifest\+json/);
    const manifest = (await manifestResponse.json()) as Manifest;
    expect(manifest).toMatchObject({ name: expect.stringContaining('nahbar'), short_name: 'nahbar' });
    expect(manifest.display).toBe('standalone');
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(typeof manifest.start_url).toBe('string');
    const sizes = (manifest.icons ?? []).map((icon) => icon.sizes);
    expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
    for (const icon of manifest.icons ?? []) {
      const response = await fetch(new URL(icon.src, `${app.url}/manifest.webmanifest`));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain(icon.type);
    }
    // The page names the manifest.
    const html = await (await fetch(app.url)).text();
    expect(html).toContain('rel="manifest" href="manifest.webmanifest"');

    const worker = await fetch(`${app.url}/sw.js`);
    expect(worker.status).toBe(200);
    expect(worker.headers.get('content-type')).toMatch(/^(text|application)\/javascript/);
    expect(worker.headers.get('cache-control')).toBe('no-cache');
  });

  it('registers the service worker and, offline after a reload, shows the last known bookings with a notice', async () => {
    const { deskAvailability } = await app.graphql.as<{ deskAvailability: { deskId: string; code: string }[] }>(
      'Mehmet Yılmaz',
      'query Desks($officeId: ID!, $date: String!) { deskAvailability(officeId: $officeId, date: $date, part: MORNING) { deskId code } }',
      { officeId: await officeId(app), date: DATE },
    );
    const deskId = deskAvailability.find((desk) => desk.code === DESK)?.deskId;
    await app.graphql.as('Mehmet Yılmaz', 'mutation Book($input: BookDeskInput!) { bookDesk(input: $input) { id } }', {
      input: { deskId, date: DATE, part: 'MORNING' },
    });

    const page = await app.openAs('Mehmet Yılmaz', {
      viewport: { width: 320, height: 640 },
      isMobile: true,
      hasTouch: true,
    });
    await page.getByRole('link', { name: 'Meine Buchungen' }).click();
    const booking = page.locator('article.booking', { hasText: `Platz ${DESK}` });
    await booking.waitFor();
    expect(await page.getByTestId('offline-notice').count()).toBe(0);

    // The service worker takes over the page and keeps the app's files.
    await waitForServiceWorker(page);

    await page.context().setOffline(true);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Meine Buchungen' }).waitFor();
    const notice = page.getByTestId('offline-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/Offline – Stand: \w+\., \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2} Uhr\./);
    expect(await notice.getAttribute('role')).toBe('status');
    await booking.waitFor();
    expect(await booking.textContent()).toContain(OFFICE);

    // Back online, "Erneut laden" shows the live list and the notice goes.
    await page.context().setOffline(false);
    await page.getByRole('button', { name: 'Erneut laden' }).click();
    await notice.waitFor({ state: 'detached' });
    await booking.waitFor();
  });
});

async function officeId(app: DemoApp): Promise<string> {
  const { offices } = await app.graphql.as<{ offices: { id: string; name: string }[] }>(
    'Mehmet Yılmaz',
    '{ offices { id name } }',
  );
  const id = offices.find((office) => office.name === OFFICE)?.id;
  if (!id) throw new Error(`No office ${OFFICE}`);
  return id;
}

/** Waits until the service worker is active, controls the page, and has kept the page's scripts. */
async function waitForServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 15_000 });
  await page.waitForFunction(
    async () => {
      const scripts = [...document.querySelectorAll('script[src]')].map((script) => (script as HTMLScriptElement).src);
      const names = await caches.keys();
      if (names.length === 0) return false;
      const cache = await caches.open(names[0] ?? '');
      const kept = await Promise.all(scripts.map((src) => cache.match(src)));
      return (await cache.match('/')) !== undefined && kept.every((response) => response !== undefined);
    },
    undefined,
    { timeout: 15_000, polling: 250 },
  );
}
