import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { fetchByOperation } from '../../../testing/fetch-router';
import { aProfile, aRole } from '../../../testing/profile';
import { appRoutes } from '../../app.routes';
import type { Profile } from '../graphql/api.types';
import { FETCH } from '../graphql/graphql-endpoint';

describe('access by role (the app routes)', () => {
  let me: Profile | Error;

  async function open(url: string): Promise<{ page: HTMLElement; router: Router }> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(appRoutes),
        {
          provide: FETCH,
          useValue: fetchByOperation({
            Me: () => (me instanceof Error ? me : { me }),
            DemoPeople: { demoPeople: [] },
            OfficeSharings: { officeSharings: [] },
            Organisations: { organisations: [] },
            OrganisationPeople: { organisationPeople: [] },
            OrganisationTeams: { organisationTeams: [] },
            OfficeAreas: { officeAreas: [] },
          }),
        },
      ],
    });
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    await new Promise((resolve) => setTimeout(resolve));
    await harness.fixture.whenStable();
    return { page: harness.routeNativeElement as HTMLElement, router: TestBed.inject(Router) };
  }

  beforeEach(() => {
    localStorage.clear();
    me = aProfile();
  });

  it('sends visitors who are not signed in to the start page, remembering where they wanted to go', async () => {
    const { router } = await open('/verwaltung');
    expect(router.url).toBe('/?ziel=%2Fverwaltung');
  });

  it('keeps the query of a deep link', async () => {
    const { router } = await open('/buchen?buero=o1&datum=2099-01-05');
    expect(decodeURIComponent(router.url)).toBe('/?ziel=/buchen?buero=o1&datum=2099-01-05');
  });

  it('tells a signed-in person without the admin role that the permission is missing', async () => {
    localStorage.setItem('nahbar.demoPersonId', 'p1');
    const { page, router } = await open('/verwaltung');

    expect(router.url).toBe('/verwaltung');
    expect(page.querySelector('[data-testid="forbidden"]')?.textContent).toBe(
      'Für diese Seite fehlt Ihnen die Berechtigung.',
    );
    expect(page.querySelector('a')?.getAttribute('href')).toBe('/buchen');
  });

  it('opens the administration for organisation admins', async () => {
    me = aProfile({ roles: [aRole('STAFF', 'Amt'), aRole('ORGANISATION_ADMIN', 'Amt')] });
    localStorage.setItem('nahbar.demoPersonId', 'p1');
    const { page } = await open('/verwaltung');

    expect(page.querySelector('h1')?.textContent).toBe('Verwaltung');
  });

  it('opens the QR code page, but not the rest of the administration, for facility managers', async () => {
    me = aProfile({ roles: [aRole('STAFF', 'Amt'), aRole('FACILITY_MANAGER', 'Büro Erlangen', { officeId: 'o1' })] });
    localStorage.setItem('nahbar.demoPersonId', 'p1');
    const qr = await open('/verwaltung/qr-codes');
    expect(qr.page.querySelector('h1')?.textContent).toBe('QR-Codes zum Einchecken');

    TestBed.resetTestingModule();
    const admin = await open('/verwaltung');
    expect(admin.page.querySelector('[data-testid="forbidden"]')).not.toBeNull();
  });

  it('opens the QR code page for organisation admins and refuses it to staff', async () => {
    me = aProfile({ roles: [aRole('ORGANISATION_ADMIN', 'Amt')] });
    localStorage.setItem('nahbar.demoPersonId', 'p1');
    const qr = await open('/verwaltung/qr-codes');
    expect(qr.page.querySelector('h1')?.textContent).toBe('QR-Codes zum Einchecken');

    TestBed.resetTestingModule();
    me = aProfile();
    const staff = await open('/verwaltung/qr-codes');
    expect(staff.router.url).toBe('/verwaltung/qr-codes');
    expect(staff.page.querySelector('[data-testid="forbidden"]')).not.toBeNull();
  });

  it('asks a phone that opens a check-in link to sign in first, and to come back', async () => {
    const { router } = await open('/einchecken/tok-a03');
    expect(router.url).toBe('/?ziel=%2Feinchecken%2Ftok-a03');
  });

  it('opens the profile for any signed-in person', async () => {
    localStorage.setItem('nahbar.demoPersonId', 'p1');
    const { page } = await open('/profil');
    expect(page.querySelector('h1')?.textContent).toBe('Ihr Profil');
  });

  it('sends a signed-in person whose profile the API refuses to the start page, which explains', async () => {
    me = new Error('ORGANISATION_UNKNOWN');
    localStorage.setItem('nahbar.demoPersonId', 'p1');
    const { router } = await open('/profil');
    expect(router.url).toBe('/?ziel=%2Fprofil');
  });
});
