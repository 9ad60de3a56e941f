import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import type { BrowserContextOptions, Page } from 'playwright-core';

import { axeViolations, describe as describeViolations } from './support/axe.js';
import { openDayInBavaria } from './support/dates.js';
import { DemoApp } from './support/demo-app.js';
import { PHONE_320 } from './support/pages.js';

const OFFICE = 'Co-Working Erlangen Hauptbahnhof';
const DATE = openDayInBavaria(8);
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };

/** One page of the app as a person sees it: who, which address, and what shows once it has loaded. */
interface Visit {
  /** Key of the page's route in ROUTE_PATHS (apps/web/src/app/app.paths.ts); several visits may share one. */
  readonly route: string;
  readonly name: string;
  /** Demo person, or null for nobody chosen. */
  readonly person: string | null;
  readonly path: (ids: Ids) => string;
  /** Resolves when the page shows its content (not its loading state). */
  readonly ready: (page: Page) => Promise<unknown>;
}

interface Ids {
  readonly officeId: string;
  readonly teamId: string;
  readonly checkInPath: string;
}

const heading = (page: Page, name: string | RegExp): Promise<void> =>
  page.getByRole('heading', { level: 1, name }).waitFor({ timeout: 10_000 });

/** For pages without a landmark of their own to wait for: the heading shows and the requests are done. */
async function settled(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 10_000 });
  await page.waitForLoadState('networkidle');
}

const VISITS: readonly Visit[] = [
  {
    route: 'start',
    name: 'start page (choice of demo person)',
    person: null,
    path: () => '/',
    ready: (page) => page.getByRole('radio').first().waitFor({ timeout: 10_000 }),
  },
  {
    route: 'accessibility',
    name: 'accessibility statement, nobody chosen',
    person: null,
    path: () => '/barrierefreiheit',
    ready: (page) => page.getByTestId('accessibility-contact').waitFor({ timeout: 10_000 }),
  },
  {
    route: 'booking',
    name: 'booking, list of desks with an own booking',
    person: 'Mehmet Yılmaz',
    path: ({ officeId }) => `/buchen?buero=${officeId}&datum=${DATE}&teil=MORNING`,
    ready: (page) => page.locator('[data-desk-code="A-01"] [data-status="mine"]').waitFor({ timeout: 10_000 }),
  },
  {
    route: 'booking',
    name: 'booking, floor plan',
    person: 'Mehmet Yılmaz',
    path: ({ officeId }) => `/buchen?buero=${officeId}&datum=${DATE}&teil=MORNING&ansicht=grundriss`,
    ready: (page) =>
      page
        .getByRole('img', { name: /Grundriss/ })
        .first()
        .waitFor({ timeout: 10_000 }),
  },
  {
    route: 'myBookings',
    name: 'my bookings',
    person: 'Mehmet Yılmaz',
    path: () => '/meine-buchungen',
    ready: (page) => page.locator('article.booking').first().waitFor({ timeout: 10_000 }),
  },
  {
    route: 'profile',
    name: 'profile',
    person: 'Mehmet Yılmaz',
    path: () => '/profil',
    ready: (page) => page.getByRole('button').first().waitFor({ timeout: 10_000 }),
  },
  {
    route: 'team',
    name: 'list of my teams',
    person: 'Mehmet Yılmaz',
    path: () => '/team',
    ready: (page) => page.getByRole('link', { name: 'Geodaten' }).waitFor({ timeout: 10_000 }),
  },
  {
    route: 'team',
    name: 'team page of its lead',
    person: 'Mehmet Yılmaz',
    path: ({ teamId }) => `/team/${teamId}`,
    ready: (page) => heading(page, 'Team Geodaten'),
  },
  {
    route: 'checkIn',
    name: 'check-in from the QR code',
    person: 'Mehmet Yılmaz',
    path: ({ checkInPath }) => checkInPath,
    ready: (page) => page.getByTestId('check-in-desk').waitFor({ timeout: 10_000 }),
  },
  {
    route: 'admin',
    name: 'administration',
    person: 'Anna Schmidt',
    path: () => '/verwaltung',
    ready: (page) => page.getByRole('heading', { level: 2 }).first().waitFor({ timeout: 10_000 }),
  },
  {
    route: 'admin',
    name: 'administration refused (no permission)',
    person: 'Mehmet Yılmaz',
    path: () => '/verwaltung',
    ready: (page) => heading(page, /Keine Berechtigung/),
  },
  {
    route: 'qrCodes',
    name: 'QR codes of a facility manager',
    person: 'Sabine Wagner',
    path: ({ officeId }) => `/verwaltung/qr-codes?buero=${officeId}`,
    ready: (page) => page.locator('img, svg').first().waitFor({ timeout: 10_000 }),
  },
  {
    route: 'facility',
    name: 'occupancy board of a facility manager',
    person: 'Lena Hoffmann',
    path: () => '/standort',
    ready: (page) => page.getByRole('table').waitFor({ timeout: 10_000 }),
  },
  {
    route: 'facilityImport',
    name: 'desk import of a facility manager',
    person: 'Lena Hoffmann',
    path: () => '/standort/import',
    ready: (page) => page.getByLabel('CSV-Datei').waitFor({ timeout: 10_000 }),
  },
  {
    route: 'facilityUtilisation',
    name: 'utilisation of an office (chart, tables, heatmap)',
    person: 'Lena Hoffmann',
    path: () => '/standort/auslastung',
    ready: (page) => page.getByTestId('weekday-table').waitFor({ timeout: 10_000 }),
  },
  {
    route: 'myWeek',
    name: 'my week',
    person: 'Mehmet Yılmaz',
    path: () => '/meine-woche',
    ready: settled,
  },
  {
    route: 'nearHome',
    name: 'offices near home',
    person: 'Mehmet Yılmaz',
    path: () => '/in-der-naehe',
    ready: settled,
  },
  {
    route: 'favourites',
    name: 'favourite desks and colleagues',
    person: 'Mehmet Yılmaz',
    path: () => '/favoriten',
    ready: (page) => page.locator('[data-testid="favourite-colleagues"] [data-date]').waitFor({ timeout: 10_000 }),
  },
  {
    route: 'about',
    name: 'about nahbar',
    person: null,
    path: () => '/ueber',
    ready: settled,
  },
  {
    route: 'accessibility',
    name: 'accessibility statement, signed in',
    person: 'Mehmet Yılmaz',
    path: () => '/barrierefreiheit',
    ready: (page) => page.getByTestId('accessibility-contact').waitFor({ timeout: 10_000 }),
  },
];

/** Routes that are no page of their own a person looks at. */
const NOT_PAGES = new Set(['signInCallback']);

/** The keys of ROUTE_PATHS as the app defines them now: a page added later fails the test until it is visited here. */
function routeKeys(): string[] {
  const source = readFileSync(resolve(import.meta.dirname, '../../web/src/app/app.paths.ts'), 'utf8');
  const block = /export const ROUTE_PATHS = \{([\s\S]*?)\} as const;/.exec(source)?.[1] ?? '';
  return [...block.matchAll(/^\s*(\w+):/gm)].map((match) => match[1] ?? '');
}

describe('every page passes axe-core (WCAG 2.1 A and AA), on a computer and at 320 px', () => {
  let app: DemoApp;
  let ids: Ids;

  beforeAll(async () => {
    app = await DemoApp.start();
    ids = await setUp(app);
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('visits every route of the app', () => {
    const visited = new Set(VISITS.map((visit) => visit.route));
    expect(routeKeys().filter((key) => !visited.has(key) && !NOT_PAGES.has(key))).toEqual([]);
  });

  it('would notice a violation (an image without a text alternative)', async () => {
    const page = await (await app.newDevice(DESKTOP)).newPage();
    await page.goto(app.url);
    await page.getByRole('radio').first().waitFor();
    await page.evaluate(() => document.querySelector('main')?.append(document.createElement('img')));
    expect((await axeViolations(page)).map((violation) => violation.id)).toContain('image-alt');
  });

  it.each([
    ['a computer', DESKTOP],
    ['a phone at 320 px', PHONE_320],
  ])(
    'has no violations on %s',
    async (_device, device) => {
      const pages = new Map<string | null, Page>();
      const problems: string[] = [];
      for (const visit of VISITS) {
        let page = pages.get(visit.person);
        if (!page) {
          page = await (await app.newDevice(device)).newPage();
          if (visit.person !== null) {
            await page.goto(app.url);
            await DemoApp.choosePerson(page, visit.person);
            await page.waitForURL(/\/buchen/);
          }
          pages.set(visit.person, page);
        }
        await page.goto(`${app.url}${visit.path(ids)}`);
        const loaded = await visit.ready(page).then(
          () => true,
          (error: unknown) => {
            problems.push(`${visit.name} (${visit.path(ids)}) did not load: ${String(error)}`);
            return false;
          },
        );
        if (!loaded) continue;
        const path = new URL(`${app.url}${visit.path(ids)}`).pathname;
        if (new URL(page.url()).pathname !== path) {
          problems.push(`${visit.name}: sent on to ${page.url()} instead of ${path}`);
          continue;
        }
        const statementLinks = page
          .getByRole('contentinfo')
          .getByRole('link', { name: 'Erklärung zur Barrierefreiheit' });
        if ((await statementLinks.count()) !== 1)
          problems.push(`${visit.name}: no link to the accessibility statement`);
        const width = device.viewport?.width ?? 0;
        const contentWidth = await page.evaluate(
          () => (document.scrollingElement ?? document.documentElement).scrollWidth,
        );
        if (contentWidth > width) {
          problems.push(`${visit.name}: ${contentWidth} px wide on a ${width} px screen (scrolls sideways)`);
        }
        const violations = await axeViolations(page);
        if (violations.length > 0) {
          problems.push(`${visit.name} (${visit.path(ids)}):\n${describeViolations(violations)}`);
        }
      }
      if (problems.length > 0) throw new Error(`axe-core violations:\n${problems.join('\n')}`);
    },
    240_000,
  );
});

/** Mehmet books A-01 for the morning of DATE and keeps favourites; Wiebke books A-05; the ids the visits need. */
async function setUp(app: DemoApp): Promise<Ids> {
  const { offices } = await app.graphql.as<{ offices: { id: string; name: string }[] }>(
    'Mehmet Yılmaz',
    '{ offices { id name } }',
  );
  const officeId = offices.find((office) => office.name === OFFICE)?.id;
  if (!officeId) throw new Error(`No office ${OFFICE}`);
  const { officeAreas } = await app.graphql.as<{ officeAreas: { id: string }[] }>(
    'Sabine Wagner',
    'query Areas($officeId: ID!) { officeAreas(officeId: $officeId) { id } }',
    { officeId },
  );
  const areaId = officeAreas[0]?.id ?? '';
  const { deskQrCodes } = await app.graphql.as<{ deskQrCodes: { code: string; checkInUrl: string }[] }>(
    'Sabine Wagner',
    'query Codes($areaId: ID!) { deskQrCodes(areaId: $areaId) { code checkInUrl } }',
    { areaId },
  );
  const qr = deskQrCodes.find((code) => code.code === 'A-01');
  if (!qr) throw new Error('No QR code for A-01');
  const { deskAvailability } = await app.graphql.as<{ deskAvailability: { deskId: string; code: string }[] }>(
    'Mehmet Yılmaz',
    'query Desks($officeId: ID!, $date: String!) { deskAvailability(officeId: $officeId, date: $date, part: MORNING) { deskId code } }',
    { officeId, date: DATE },
  );
  const deskId = deskAvailability.find((desk) => desk.code === 'A-01')?.deskId;
  if (!deskId) throw new Error('No desk A-01');
  await app.graphql.as('Mehmet Yılmaz', 'mutation Book($input: BookDeskInput!) { bookDesk(input: $input) { id } }', {
    input: { deskId, date: DATE, part: 'MORNING' },
  });
  // Favourites of Mehmet: the desk A-01 and Wiebke Fischer (she shares her days with the organisation), in on DATE.
  await app.graphql.as('Mehmet Yılmaz', 'mutation Fav($deskId: ID!) { addFavouriteDesk(deskId: $deskId) { deskId } }', {
    deskId,
  });
  const wiebkeDeskId = deskAvailability.find((desk) => desk.code === 'A-05')?.deskId;
  if (!wiebkeDeskId) throw new Error('No desk A-05');
  await app.graphql.as('Wiebke Fischer', 'mutation Book($input: BookDeskInput!) { bookDesk(input: $input) { id } }', {
    input: { deskId: wiebkeDeskId, date: DATE, part: 'FULL_DAY' },
  });
  await app.graphql.as(
    'Mehmet Yılmaz',
    'mutation Fav($colleagueId: ID!) { addFavouriteColleague(colleagueId: $colleagueId) { id } }',
    { colleagueId: await app.graphql.personId('Wiebke Fischer') },
  );
  const { myTeams } = await app.graphql.as<{ myTeams: { id: string; name: string }[] }>(
    'Mehmet Yılmaz',
    '{ myTeams { id name } }',
  );
  const teamId = myTeams.find((team) => team.name === 'Geodaten')?.id;
  if (!teamId) throw new Error('No team Geodaten');
  return { officeId, teamId, checkInPath: new URL(qr.checkInUrl).pathname };
}
