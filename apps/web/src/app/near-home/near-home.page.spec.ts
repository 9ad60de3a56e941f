import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { fetchByOperation } from '../../testing/fetch-router';
import { anOffice } from '../../testing/office';
import { aProfile } from '../../testing/profile';
import type { Profile } from '../core/graphql/api.types';
import { FETCH } from '../core/graphql/graphql-endpoint';
import { CurrentPerson } from '../core/identity/current-person';
import { DemoSession } from '../core/identity/demo-session';
import type { MapConfiguration, OfficeNearHome } from './data-access/near-home.api';
import { NearHomePage } from './near-home.page';
import { LEAFLET_LOADER } from './ui/leaflet-loader';

const near = (id: string, name: string, distanceKm: number): OfficeNearHome => ({
  office: anOffice(id, name),
  distanceKm,
  latitude: 49.59,
  longitude: 11.0,
});

const ALL = [
  near('o1', 'Co-Working Erlangen Hauptbahnhof', 0.9),
  near('o2', 'Satellitenbüro Fürth Rathaus', 12.34),
  near('o3', 'Satellitenbüro Münster', 389.6),
];

describe('NearHomePage', () => {
  let fixture: ComponentFixture<NearHomePage>;
  let page: HTMLElement;
  let fetchMock: ReturnType<typeof fetchByOperation>;
  let map: MapConfiguration;
  let missing: boolean;
  let loadLeaflet: jest.Mock;

  async function stable(): Promise<void> {
    for (let i = 0; i < 3; i += 1) {
      await new Promise((resolve) => setTimeout(resolve));
      await fixture.whenStable();
    }
  }

  async function open(me: Profile): Promise<void> {
    fetchMock = fetchByOperation({
      Me: { me },
      OfficesNearHome: (variables: Record<string, unknown>) => {
        if (missing) return new Error('HOME_POSTAL_CODE_MISSING');
        const radius = variables['radiusKm'] as number | null;
        return { officesNearHome: ALL.filter((entry) => radius === null || entry.distanceKm <= radius) };
      },
      PostalCodePlace: {
        postalCodePlace: { code: '91052', place: 'Erlangen', land: 'BY', latitude: 49.5888, longitude: 11.0098 },
      },
      MapConfiguration: { mapConfiguration: map },
    });
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        { provide: FETCH, useValue: fetchMock },
        { provide: LEAFLET_LOADER, useValue: loadLeaflet },
      ],
    });
    TestBed.inject(DemoSession).choose('p1');
    await TestBed.inject(CurrentPerson).load();
    fixture = TestBed.createComponent(NearHomePage);
    page = fixture.nativeElement as HTMLElement;
    await stable();
  }

  const names = (): string[] =>
    [...page.querySelectorAll('[data-testid="near-home-office"] h3')].map((h3) => h3.textContent?.trim() ?? '');
  const distances = (): string[] =>
    [...page.querySelectorAll('[data-testid="near-home-distance"]')].map((el) => el.textContent?.trim() ?? '');
  const requests = (operation: string): Record<string, unknown>[] =>
    fetchMock.mock.calls
      .map(([, init]) => JSON.parse(String(init.body)) as { query: string; variables: Record<string, unknown> })
      .filter((body) => body.query.includes(operation))
      .map((body) => body.variables);

  beforeEach(() => {
    localStorage.clear();
    map = { tileUrl: 'https://tile.example/{z}/{x}/{y}.png', attribution: '© Beispiel' };
    missing = false;
    loadLeaflet = jest.fn(() => Promise.reject(new Error('offline')));
  });

  it('ranks the offices nearest first with German distances and a link to book each', async () => {
    await open(aProfile({ homePostalCode: '91052' }));
    expect(page.querySelector('[data-testid="near-home-postal-code"]')?.textContent).toContain('91052');
    expect(page.querySelector('[data-testid="near-home-postal-code"]')?.textContent).toContain('Erlangen (Bayern)');
    expect(names()).toEqual([
      'Co-Working Erlangen Hauptbahnhof',
      'Satellitenbüro Fürth Rathaus',
      'Satellitenbüro Münster',
    ]);
    expect(distances()).toEqual(['0,9 km', '12,3 km', '389,6 km']);
    const links = [...page.querySelectorAll<HTMLAnchorElement>('[data-testid="near-home-office"] a')];
    expect(links.map((link) => link.getAttribute('aria-label'))).toEqual([
      'Plätze ansehen: Co-Working Erlangen Hauptbahnhof',
      'Plätze ansehen: Satellitenbüro Fürth Rathaus',
      'Plätze ansehen: Satellitenbüro Münster',
    ]);
    expect(links[1]?.getAttribute('href')).toBe('/buchen?buero=o2');
    expect(requests('OfficesNearHome')).toEqual([{ radiusKm: null }]);
  });

  it('filters by the chosen radius and says how many offices are left', async () => {
    await open(aProfile({ homePostalCode: '91052' }));
    const select = page.querySelector<HTMLSelectElement>('#near-home-radius');
    expect(page.querySelector('label[for="near-home-radius"]')?.textContent).toBe('Umkreis');
    expect([...(select?.options ?? [])].map((option) => option.textContent?.trim())).toEqual([
      '10 km',
      '25 km',
      '50 km',
      '100 km',
      'alle Büros',
    ]);
    if (!select) throw new Error('no radius select');
    select.value = '25';
    select.dispatchEvent(new Event('change'));
    await stable();
    expect(requests('OfficesNearHome').at(-1)).toEqual({ radiusKm: 25 });
    expect(names()).toEqual(['Co-Working Erlangen Hauptbahnhof', 'Satellitenbüro Fürth Rathaus']);
    expect(page.querySelector('[data-testid="near-home-summary"]')?.textContent).toContain(
      '2 Büros im Umkreis von 25 km',
    );
  });

  it('asks for the postal code, with a link to the profile, when the person has none', async () => {
    await open(aProfile({ homePostalCode: null }));
    expect(page.querySelector('[data-testid="near-home-no-postal-code"]')?.textContent).toContain(
      'noch keine Postleitzahl',
    );
    expect(page.querySelector<HTMLAnchorElement>('a[href="/profil"]')?.textContent).toContain(
      'Postleitzahl im Profil eintragen',
    );
    expect(requests('OfficesNearHome')).toEqual([]);
    expect(page.querySelector('#near-home-radius')).toBeNull();
  });

  it('treats HOME_POSTAL_CODE_MISSING from the API like a missing postal code', async () => {
    missing = true;
    await open(aProfile({ homePostalCode: '00000' }));
    expect(page.querySelector('[data-testid="near-home-no-postal-code"]')?.textContent).toContain(
      'Ihre Postleitzahl 00000 kennt nahbar nicht',
    );
  });

  it('keeps the list when the map cannot load, and says so where the map would be', async () => {
    await open(aProfile({ homePostalCode: '91052' }));
    expect(loadLeaflet).toHaveBeenCalled();
    expect(page.querySelector('[data-testid="map-failed"]')?.textContent).toContain(
      'Die Karte konnte nicht geladen werden',
    );
    expect(names()).toHaveLength(3);
  });

  it('shows no map when the server has none set up', async () => {
    map = { tileUrl: null, attribution: null };
    await open(aProfile({ homePostalCode: '91052' }));
    expect(page.querySelector('nb-office-map')).toBeNull();
    expect(loadLeaflet).not.toHaveBeenCalled();
    expect(names()).toHaveLength(3);
  });
});
