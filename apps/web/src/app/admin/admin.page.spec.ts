import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { FakeAdminApi } from '../../testing/fake-admin-api';
import { anOffice } from '../../testing/office';
import { aMember, aProfile, aRole } from '../../testing/profile';
import { CurrentPerson } from '../core/identity/current-person';
import { AdminPage } from './admin.page';
import { AdminApi } from './data-access/admin.api';

describe('AdminPage', () => {
  let api: FakeAdminApi;
  let fixture: ComponentFixture<AdminPage>;
  let page: HTMLElement;

  async function stable(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  function buttonIn(scope: ParentNode, name: string): HTMLButtonElement | undefined {
    return [...scope.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
  }

  beforeEach(async () => {
    api = new FakeAdminApi();
    api.sharings = [
      { office: anOffice('o1', 'Co-Working Erlangen'), sharedWith: [{ id: 'stadt', name: 'Stadt Erlangen' }] },
    ];
    api.organisationList = [
      { id: 'land', name: 'Landesamt für Statistik' },
      { id: 'stadt', name: 'Stadt Erlangen' },
    ];
    api.people = [aMember('p2', 'Thomas Becker', [aRole('STAFF', 'Landesamt', { organisationId: 'org-1' })])];
    api.teams = [{ id: 't1', name: 'Team Statistik', organisationId: 'org-1' }];
    const admin = aProfile({ roles: [aRole('STAFF', 'Landesamt'), aRole('ORGANISATION_ADMIN', 'Landesamt')] });
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        { provide: AdminApi, useValue: api },
        { provide: CurrentPerson, useValue: { profile: () => admin, isAdmin: () => true, reload: jest.fn() } },
      ],
    });
    fixture = TestBed.createComponent(AdminPage);
    page = fixture.nativeElement as HTMLElement;
    await stable();
  });

  it('has the two sections with headings', () => {
    expect([...page.querySelectorAll('h2')].map((h) => h.textContent)).toEqual(['Büros freigeben', 'Rollen']);
    expect(page.querySelector('[data-office-id="o1"] h3')?.textContent).toBe('Co-Working Erlangen');
    expect(page.querySelector('[data-person-id="p2"] h3')?.textContent).toBe('Thomas Becker');
    expect(page.querySelector('label[for="people-search"]')?.textContent).toBe('Person suchen');
  });

  it('revokes a sharing, cancelling the bookings, and reports the count', async () => {
    api.cancelledBookings = 3;
    const card = page.querySelector('[data-office-id="o1"]') as HTMLElement;
    buttonIn(card, 'Freigabe entziehen')?.click();
    await stable();
    buttonIn(card, 'Bestehende Buchungen stornieren')?.click();
    await stable();

    expect(page.querySelector('[role="status"]')?.textContent).toContain('3 Buchungen wurden storniert.');
    expect(card.querySelector('.row__name')).toBeNull();
  });

  it('grants the team lead role through the form, choosing the team', async () => {
    const card = page.querySelector('[data-person-id="p2"]') as HTMLElement;
    card.querySelector<HTMLButtonElement>('button[aria-label="Rolle vergeben an Thomas Becker"]')?.click();
    await stable();

    const role = card.querySelector<HTMLSelectElement>('select');
    expect(document.activeElement).toBe(role);
    if (role) {
      role.value = 'TEAM_LEAD';
      role.dispatchEvent(new Event('change'));
    }
    await stable();
    const team = card.querySelectorAll<HTMLSelectElement>('select')[1];
    expect(card.querySelector(`label[for="${team?.id}"]`)?.textContent).toBe('Team');
    if (team) {
      team.value = 't1';
      team.dispatchEvent(new Event('change'));
    }
    buttonIn(card, 'Rolle vergeben')?.click();
    await stable();

    expect(api.calls.at(-1)).toEqual({ name: 'grantRole', input: { personId: 'p2', role: 'TEAM_LEAD', teamId: 't1' } });
    expect(card.querySelector('form')).toBeNull();
    expect([...card.querySelectorAll('.row__name')].map((r) => r.textContent)).toContain('Teamleitung: t1');
  });

  it('keeps the form open and says what is missing', async () => {
    const card = page.querySelector('[data-person-id="p2"]') as HTMLElement;
    card.querySelector<HTMLButtonElement>('button[aria-label="Rolle vergeben an Thomas Becker"]')?.click();
    await stable();
    buttonIn(card, 'Rolle vergeben')?.click();
    await stable();

    expect(card.querySelector('form .field-problem')?.textContent).toBe('Bitte wählen Sie eine Rolle.');
  });
});
