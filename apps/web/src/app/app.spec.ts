import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';

import { graphqlResponse } from '../testing/graphql-response';
import { App } from './app';
import { FETCH } from './core/graphql/graphql-endpoint';
import { DemoIdentity } from './core/identity/demo-identity';

describe('App', () => {
  let fetchMock: jest.Mock;

  beforeEach(async () => {
    localStorage.clear();
    fetchMock = jest.fn(async () =>
      graphqlResponse({
        data: {
          me: {
            id: 'p1',
            displayName: 'Erika Mustermann',
            organisation: { id: 'o1', name: 'Landesamt' },
          },
        },
      }),
    );
    await TestBed.configureTestingModule({
      imports: [App],
      providers: [provideRouter([]), { provide: FETCH, useValue: fetchMock }],
    }).compileComponents();
  });

  it('offers a skip link to the main area', async () => {
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;

    const skip = root.querySelector<HTMLAnchorElement>('a.skip-link');
    expect(skip?.textContent?.trim()).toBe('Zum Inhalt springen');
    skip?.click();
    expect(document.activeElement).toBe(root.querySelector('main#main'));
  });

  it('hides navigation until a person is chosen', async () => {
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;

    expect(root.querySelector('nav')).toBeNull();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('shows who the user is, with navigation and a way to switch', async () => {
    TestBed.inject(DemoIdentity).choose('p1');
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;

    const links = [...root.querySelectorAll('nav a')].map((a) => a.textContent?.trim());
    expect(links).toEqual(['Buchen', 'Meine Buchungen']);
    expect(root.querySelector('[data-testid="current-person"]')?.textContent).toContain('Erika Mustermann');
    expect(root.querySelector('.who__switch')?.textContent).toContain('Person wechseln');
    const [, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(init.headers).toMatchObject({ 'x-nahbar-demo-person': 'p1' });
  });

  it('forgets a person the API does not know and goes back to the start page', async () => {
    fetchMock.mockResolvedValue(
      graphqlResponse({ errors: [{ message: 'unknown person', extensions: { code: 'UNAUTHENTICATED' } }] }),
    );
    const identity = TestBed.inject(DemoIdentity);
    identity.choose('gone');
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);

    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();

    expect(identity.personId()).toBeNull();
    expect(localStorage.getItem('nahbar.demoPersonId')).toBeNull();
    expect(navigate).toHaveBeenCalledWith('/');
  });
});
