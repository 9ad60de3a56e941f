import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';

import type { Person } from '../core/graphql/api.types';
import { GraphqlRequestError } from '../core/graphql/graphql-request.error';
import { DemoSession } from '../core/identity/demo-session';
import { DemoPeopleApi } from './data-access/demo-people.api';
import { DemoStart } from './demo-start';

const PEOPLE: Person[] = [
  { id: 'p1', displayName: 'Erika Mustermann', organisation: { id: 'o1', name: 'Landesamt für Statistik' } },
  { id: 'p2', displayName: 'Max Muster', organisation: { id: 'o2', name: 'Stadt Musterhausen' } },
];

describe('DemoStart', () => {
  let demoPeople: jest.Mock<Promise<Person[]>, []>;

  let fixture: ComponentFixture<DemoStart>;

  async function render(returnUrl: string | null = null): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), { provide: DemoPeopleApi, useValue: { demoPeople } }],
    });
    fixture = TestBed.createComponent(DemoStart);
    fixture.componentRef.setInput('returnUrl', returnUrl);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  beforeEach(() => {
    localStorage.clear();
    demoPeople = jest.fn(async () => PEOPLE);
  });

  it('says it is a demo and asks who the user wants to be', async () => {
    const page = await render();
    expect(page.querySelector('h1')?.textContent).toContain('Als wer möchten Sie nahbar ausprobieren?');
    expect(page.textContent).toContain('Demo-Modus');
    expect(page.textContent).toContain('keine Anmeldung eingerichtet');
    const labels = [...page.querySelectorAll('label')].map((l) => l.textContent);
    expect(labels[0]).toContain('Erika Mustermann');
    expect(labels[1]).toContain('Stadt Musterhausen');
  });

  it('remembers the chosen person and goes on to booking', async () => {
    const page = await render();
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);

    page.querySelectorAll<HTMLInputElement>('input[type="radio"]')[1]?.click();
    page.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();

    expect(TestBed.inject(DemoSession).personId()).toBe('p2');
    expect(localStorage.getItem('nahbar.demoPersonId')).toBe('p2');
    expect(navigate).toHaveBeenCalledWith('/buchen');
  });

  it('goes on to the page that sent the person here', async () => {
    const page = await render('/profil');
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);

    page.querySelectorAll<HTMLInputElement>('input[type="radio"]')[0]?.click();
    page.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();

    expect(navigate).toHaveBeenCalledWith('/profil');
  });

  it('asks for a choice instead of going on without one', async () => {
    const page = await render();
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl');

    page.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await fixture.whenStable();

    expect(page.querySelector('#person-problem')?.textContent).toContain('Bitte wählen Sie zuerst eine Person aus.');
    expect(navigate).not.toHaveBeenCalled();
    expect(TestBed.inject(DemoSession).personId()).toBeNull();
  });

  it('explains when the people cannot be loaded', async () => {
    demoPeople.mockRejectedValue(new GraphqlRequestError('NETWORK', 'down'));
    const page = await render();
    expect(page.querySelector('[role="alert"]')?.textContent).toContain('Keine Verbindung zum Server');
  });
});
