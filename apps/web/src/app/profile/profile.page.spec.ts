import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';

import { fetchByOperation } from '../../testing/fetch-router';
import { aProfile, aRole } from '../../testing/profile';
import type { Profile } from '../core/graphql/api.types';
import { FETCH } from '../core/graphql/graphql-endpoint';
import { CurrentPerson } from '../core/identity/current-person';
import { DemoSession } from '../core/identity/demo-session';
import { ProfilePage } from './profile.page';

describe('ProfilePage', () => {
  let fixture: ComponentFixture<ProfilePage>;
  let page: HTMLElement;
  let fetchMock: ReturnType<typeof fetchByOperation>;
  let saved: Profile | Error;

  async function stable(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  function field(): HTMLInputElement {
    const input = page.querySelector<HTMLInputElement>('#home-postal-code');
    if (input === null) {
      throw new Error('no postal code field');
    }
    return input;
  }

  function type(value: string): void {
    field().value = value;
    field().dispatchEvent(new Event('input'));
  }

  function submit(): void {
    page.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
  }

  function status(): string {
    return page.querySelector('[role="status"]')?.textContent?.trim() ?? '';
  }

  beforeEach(async () => {
    localStorage.clear();
    const me = aProfile({
      homePostalCode: '91052',
      roles: [
        aRole('STAFF', 'Landesamt für Statistik'),
        aRole('FACILITY_MANAGER', 'Satellitenbüro Münster', { officeId: 'f1' }),
      ],
    });
    saved = me;
    fetchMock = fetchByOperation({
      Me: { me },
      UpdateProfile: () => (saved instanceof Error ? saved : { updateProfile: saved }),
    });
    TestBed.configureTestingModule({ providers: [{ provide: FETCH, useValue: fetchMock }] });
    TestBed.inject(DemoSession).choose('p1');
    await TestBed.inject(CurrentPerson).load();
    fixture = TestBed.createComponent(ProfilePage);
    page = fixture.nativeElement as HTMLElement;
    await stable();
  });

  it('shows name, e-mail, organisation and the roles in plain German', () => {
    expect(page.querySelector('[data-testid="profile-name"]')?.textContent).toBe('Anna Schmidt');
    expect(page.textContent).toContain('anna.schmidt@example.de');
    const roles = [...page.querySelectorAll('[data-testid="profile-roles"] li')].map((li) => li.textContent?.trim());
    expect(roles).toEqual(['Beschäftigte: Landesamt für Statistik', 'Standortverwaltung: Satellitenbüro Münster']);
  });

  it('labels the postal code field, explains it, and fills in the saved value', () => {
    expect(page.querySelector('label[for="home-postal-code"]')?.textContent).toBe('Postleitzahl Ihres Wohnorts');
    expect(field().getAttribute('aria-describedby')).toBe('home-postal-code-hint');
    expect(page.querySelector('#home-postal-code-hint')?.textContent).toContain('nur, um Ihnen Büros in Ihrer Nähe');
    expect(field().value).toBe('91052');
  });

  it('offers the three visibility choices with explanations, nobody being the default', () => {
    const labels = [...page.querySelectorAll('fieldset label')].map((label) =>
      label.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(labels).toEqual([
      'Niemand (Voreinstellung): Andere sehen nur, dass ein Platz belegt ist, nicht von wem.',
      expect.stringMatching(/^Meine Teams: /),
      expect.stringMatching(/^Meine Organisation: /),
    ]);
    expect(page.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.value).toBe('NOBODY');
  });

  it('refuses a postal code that is not five digits, names the problem and keeps focus on the field', async () => {
    type('9105');
    submit();
    await stable();

    expect(field().getAttribute('aria-invalid')).toBe('true');
    expect(field().getAttribute('aria-describedby')).toContain('home-postal-code-problem');
    expect(page.querySelector('#home-postal-code-problem')?.textContent).toContain('genau fünf Ziffern');
    expect(document.activeElement).toBe(field());
    expect(status()).toContain('Bitte prüfen Sie die Postleitzahl.');
    expect(fetchMock.mock.calls.some(([, init]) => String(init.body).includes('UpdateProfile'))).toBe(false);
  });

  it('saves only what changed and says so in the status region', async () => {
    saved = aProfile({ homePostalCode: '91052', visibility: 'TEAMS' });
    page.querySelectorAll<HTMLInputElement>('input[type="radio"]')[1]?.click();
    submit();
    await stable();

    const update = fetchMock.mock.calls.find(([, init]) => String(init.body).includes('UpdateProfile'));
    expect(JSON.parse(String(update?.[1].body)).variables).toEqual({ input: { visibility: 'TEAMS' } });
    expect(status()).toContain('Erledigt: Ihre Einstellungen sind gespeichert.');
    expect(TestBed.inject(CurrentPerson).profile()?.visibility).toBe('TEAMS');
  });

  it('reports a refused change in plain German', async () => {
    saved = new Error('BAD_USER_INPUT');
    type('48143');
    submit();
    await stable();

    expect(status()).toContain('Fehler: Die Angaben sind nicht vollständig oder nicht gültig.');
  });

  it('shows INVALID_POSTAL_CODE next to the field, and clears it when the person types again', async () => {
    saved = new Error('INVALID_POSTAL_CODE');
    type('99999');
    submit();
    await stable();

    expect(field().getAttribute('aria-invalid')).toBe('true');
    expect(field().getAttribute('aria-describedby')).toContain('home-postal-code-problem');
    expect(page.querySelector('#home-postal-code-problem')?.textContent).toContain(
      'Diese Postleitzahl gibt es in Deutschland nicht.',
    );
    expect(document.activeElement).toBe(field());
    expect(status()).toContain('Es wurde nichts gespeichert.');
    expect(TestBed.inject(CurrentPerson).profile()?.homePostalCode).toBe('91052');

    type('9999');
    await stable();
    expect(page.querySelector('#home-postal-code-problem')?.textContent).not.toContain('gibt es in Deutschland nicht');
  });

  it('says when there is nothing to save', async () => {
    submit();
    await stable();
    expect(status()).toContain('Sie haben nichts geändert.');
  });
});
