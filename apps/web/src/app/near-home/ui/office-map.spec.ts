import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import * as Leaflet from 'leaflet';

import { anOffice } from '../../../testing/office';
import type { OfficeNearHome } from '../data-access/near-home.api';
import { LEAFLET_LOADER } from './leaflet-loader';
import { OfficeMap } from './office-map';

const near = (id: string, name: string, distanceKm: number, latitude: number, longitude: number): OfficeNearHome => ({
  office: anOffice(id, name),
  distanceKm,
  latitude,
  longitude,
});

describe('OfficeMap (Leaflet in jsdom)', () => {
  let fixture: ComponentFixture<OfficeMap>;
  let element: HTMLElement;

  async function stable(): Promise<void> {
    for (let i = 0; i < 3; i += 1) {
      await new Promise((resolve) => setTimeout(resolve));
      await fixture.whenStable();
    }
  }

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), { provide: LEAFLET_LOADER, useValue: async () => Leaflet }],
    });
    fixture = TestBed.createComponent(OfficeMap);
    fixture.componentRef.setInput('offices', [
      near('o1', 'Co-Working Erlangen Hauptbahnhof', 0.9, 49.5958, 11.0019),
      near('o2', 'Satellitenbüro Fürth Rathaus', 12.3, 49.4771, 10.9887),
    ]);
    fixture.componentRef.setInput('home', {
      code: '91052',
      place: 'Erlangen',
      land: 'BY',
      latitude: 49.5888,
      longitude: 11.0098,
    });
    fixture.componentRef.setInput('tileUrl', 'https://tile.example/{z}/{x}/{y}.png');
    fixture.componentRef.setInput('attribution', '<b>© Beispiel</b>');
    element = fixture.nativeElement as HTMLElement;
    await stable();
  });

  afterEach(() => fixture.destroy());

  it('puts numbered office markers in the tab order, named like the list', () => {
    const markers = [...element.querySelectorAll<HTMLElement>('.nb-map-marker')];
    expect(markers.map((marker) => marker.getAttribute('aria-label'))).toEqual([
      '1. Co-Working Erlangen Hauptbahnhof, Erlangen, 0,9 km',
      '2. Satellitenbüro Fürth Rathaus, Erlangen, 12,3 km',
    ]);
    expect(markers.map((marker) => marker.tabIndex)).toEqual([0, 0]);
    expect(markers.map((marker) => marker.getAttribute('role'))).toEqual(['button', 'button']);
    expect(markers.map((marker) => marker.textContent)).toEqual(['1', '2']);
    // Home is shown but is no stop in the tab order.
    expect(element.querySelector<HTMLElement>('.nb-map-home')?.title).toBe('Ihr Wohnort: 91052 Erlangen');
    expect(element.querySelector<HTMLElement>('.nb-map-home')?.tabIndex).toBe(-1);
  });

  it('shows the configured credit as text, never as markup', () => {
    const credit = element.querySelector('.leaflet-control-attribution');
    expect(credit?.textContent).toContain('<b>© Beispiel</b>');
    expect(credit?.querySelector('b')).toBeNull();
  });

  it('opens a popup with a link to book the office, followed by the router', async () => {
    const router = TestBed.inject(Router);
    const navigate = jest.spyOn(router, 'navigateByUrl').mockResolvedValue(true);
    element.querySelectorAll<HTMLElement>('.nb-map-marker')[1]?.click();
    await stable();
    const link = element.querySelector<HTMLAnchorElement>('.leaflet-popup a[aria-label]');
    expect(link?.getAttribute('aria-label')).toBe('Plätze ansehen: Satellitenbüro Fürth Rathaus');
    expect(link?.getAttribute('href')).toBe('/buchen?buero=o2');
    link?.click();
    expect(navigate).toHaveBeenCalledWith(router.parseUrl('/buchen?buero=o2'));
  });

  it('says so when the tiles fail, and keeps the markers', async () => {
    element.querySelector('.leaflet-tile')?.dispatchEvent(new Event('error'));
    await stable();
    expect(element.querySelector('[data-testid="map-tiles-failed"]')?.textContent).toContain(
      'Der Kartenhintergrund konnte nicht geladen werden',
    );
    expect(element.querySelectorAll('.nb-map-marker')).toHaveLength(2);
  });
});
