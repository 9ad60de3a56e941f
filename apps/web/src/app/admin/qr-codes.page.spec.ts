import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { anOffice } from '../../testing/office';
import { aProfile, aRole } from '../../testing/profile';
import type { DeskQrCode, Profile } from '../core/graphql/api.types';
import { CurrentPerson } from '../core/identity/current-person';
import { svgDataUrl } from '../shared/images/svg-data-url';
import { managedOffices, QrCodesApi } from './data-access/qr-codes.api';
import { QrCodesPage } from './qr-codes.page';

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>';

function aCode(code: string): DeskQrCode {
  return { deskId: `d-${code}`, code, checkInUrl: `https://nahbar.example/einchecken/t-${code}`, svg: SVG };
}

describe('managedOffices', () => {
  it('takes the offices of facility-manager roles and, for admins, the offices their organisation runs', () => {
    const roles = [
      aRole('STAFF', 'Amt', { organisationId: 'org-1' }),
      aRole('FACILITY_MANAGER', 'Co-Working Erlangen Hauptbahnhof', { officeId: 'o1' }),
    ];
    const sharings = [
      { office: anOffice('o2', 'Bürgerbüro Bamberg'), sharedWith: [] },
      { office: anOffice('o1', 'Co-Working Erlangen Hauptbahnhof'), sharedWith: [] },
    ];
    expect(managedOffices(roles, sharings)).toEqual([
      { id: 'o2', name: 'Bürgerbüro Bamberg' },
      { id: 'o1', name: 'Co-Working Erlangen Hauptbahnhof' },
    ]);
    expect(managedOffices([aRole('STAFF', 'Amt')], [])).toEqual([]);
  });
});

describe('svgDataUrl', () => {
  it('encodes the SVG as a data URL for an <img>, so none of its markup enters the page', () => {
    const url = svgDataUrl(SVG);
    expect(url.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
    expect(url).not.toContain('<');
    expect(decodeURIComponent(url.slice(url.indexOf(',') + 1))).toBe(SVG);
  });
});

describe('QrCodesPage', () => {
  let api: { officeSharings: jest.Mock; officeAreas: jest.Mock; deskQrCodes: jest.Mock };
  let profile: Profile;

  async function open(url: string): Promise<{ page: HTMLElement; router: Router }> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'verwaltung/qr-codes', component: QrCodesPage }]),
        { provide: QrCodesApi, useValue: api },
        {
          provide: CurrentPerson,
          useValue: {
            profile: signal(profile),
            isAdmin: signal(profile.roles.some((role) => role.role === 'ORGANISATION_ADMIN')),
          },
        },
      ],
    });
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    for (let i = 0; i < 3; i++) {
      await new Promise((resolve) => setTimeout(resolve));
      await harness.fixture.whenStable();
    }
    return { page: harness.routeNativeElement as HTMLElement, router: TestBed.inject(Router) };
  }

  beforeEach(() => {
    profile = aProfile({ roles: [aRole('FACILITY_MANAGER', 'Co-Working Erlangen Hauptbahnhof', { officeId: 'o1' })] });
    api = {
      officeSharings: jest.fn(async () => []),
      officeAreas: jest.fn(async () => [
        { id: 'a1', name: 'Offene Fläche' },
        { id: 'a2', name: 'Ruhebereich' },
      ]),
      deskQrCodes: jest.fn(async (areaId: string) =>
        areaId === 'a2' ? [aCode('R-01')] : [aCode('A-03'), aCode('A-04')],
      ),
    };
  });

  it('shows per desk the QR code as an image, the code in large type and the instruction', async () => {
    const { page } = await open('/verwaltung/qr-codes');

    expect(api.officeSharings).not.toHaveBeenCalled();
    expect(api.officeAreas).toHaveBeenCalledWith('o1', expect.anything());
    const cards = [...page.querySelectorAll<HTMLElement>('.qr-card')];
    expect(cards.map((card) => card.dataset['deskCode'])).toEqual(['A-03', 'A-04']);
    const image = cards[0]?.querySelector('img');
    expect(image?.getAttribute('alt')).toBe('QR-Code zum Einchecken an Platz A-03');
    expect(image?.getAttribute('src')).toBe(svgDataUrl(SVG));
    expect(cards[0]?.querySelector('.qr-card__code')?.textContent?.trim()).toBe('A-03');
    expect(cards[0]?.textContent).toContain('Mit dem Handy scannen, um einzuchecken');
    // The server's SVG never becomes markup of the page.
    expect(page.querySelector('svg')).toBeNull();
  });

  it('takes office and area from the URL and writes a new choice back', async () => {
    const { page, router } = await open('/verwaltung/qr-codes?buero=o1&bereich=a2');
    expect(api.deskQrCodes).toHaveBeenCalledWith('a2', expect.anything());
    expect([...page.querySelectorAll<HTMLElement>('.qr-card')].map((c) => c.dataset['deskCode'])).toEqual(['R-01']);

    const areaField = page.querySelector<HTMLSelectElement>('#qr-area');
    expect(page.querySelector('label[for="qr-area"]')?.textContent).toBe('Bereich');
    if (areaField) {
      areaField.value = 'a1';
      areaField.dispatchEvent(new Event('change'));
    }
    await new Promise((resolve) => setTimeout(resolve));
    expect(router.url).toBe('/verwaltung/qr-codes?buero=o1&bereich=a1');
  });

  it('prints with the browser’s print dialog', async () => {
    const print = jest.spyOn(window, 'print').mockImplementation(() => undefined);
    const { page } = await open('/verwaltung/qr-codes');

    [...page.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Drucken')?.click();
    expect(print).toHaveBeenCalled();
    print.mockRestore();
  });

  it('lists the offices an admin’s organisation runs', async () => {
    profile = aProfile({ roles: [aRole('ORGANISATION_ADMIN', 'Amt', { organisationId: 'org-1' })] });
    api.officeSharings.mockResolvedValue([{ office: anOffice('o7', 'Bürgerbüro Bamberg'), sharedWith: [] }]);
    const { page } = await open('/verwaltung/qr-codes');

    const options = [...page.querySelectorAll<HTMLOptionElement>('#qr-office option')].map((o) => o.textContent);
    expect(options).toEqual(['Bürgerbüro Bamberg']);
    expect(api.officeAreas).toHaveBeenCalledWith('o7', expect.anything());
  });
});
