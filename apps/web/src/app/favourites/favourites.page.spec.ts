import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { aBooking, aFavouriteDesk, FakeColleaguesApi } from '../../testing/fake-colleagues-api';
import { Announcer } from '../core/a11y/announcer';
import { BookingsApi } from '../shared/data-access/bookings.api';
import { MyBookingChanges } from '../shared/data-access/my-booking-changes';
import type { FavouriteColleague } from './data-access/colleagues.api';
import { ColleaguesApi } from './data-access/colleagues.api';
import { FavouritesPage } from './favourites.page';

const MEHMET: FavouriteColleague = {
  id: 'p-mehmet',
  displayName: 'Mehmet Yılmaz',
  visible: true,
  upcoming: [
    {
      date: '2099-01-05',
      part: 'MORNING',
      officeId: 'o1',
      officeName: 'Co-Working Erlangen Hauptbahnhof',
      deskId: 'id-A-03',
      deskCode: 'A-03',
      areaName: 'Erdgeschoss',
    },
  ],
};

const VANESSA: FavouriteColleague = { id: 'p-vanessa', displayName: 'Vanessa Richter', visible: false, upcoming: [] };

describe('FavouritesPage', () => {
  let api: FakeColleaguesApi;
  let harness: RouterTestingHarness;
  let myBookings: jest.Mock;
  const version = signal(0);
  let announced: string[];

  async function open(): Promise<HTMLElement> {
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/favoriten', FavouritesPage);
    await settle();
    return harness.routeNativeElement as HTMLElement;
  }

  async function settle(): Promise<void> {
    for (let round = 0; round < 3; round++) {
      await new Promise((resolve) => setTimeout(resolve));
      await harness.fixture.whenStable();
    }
  }

  const text = (element: Element | null | undefined): string => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  function section(page: HTMLElement, id: string): HTMLElement {
    const found = page.querySelector<HTMLElement>(`[data-testid="${id}"]`);
    if (found === null) throw new Error(`no section ${id}`);
    return found;
  }

  beforeEach(() => {
    api = new FakeColleaguesApi();
    myBookings = jest.fn(async () => []);
    version.set(0);
    announced = [];
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'favoriten', component: FavouritesPage }]),
        { provide: ColleaguesApi, useValue: api },
        { provide: BookingsApi, useValue: { myBookings } },
        { provide: MyBookingChanges, useValue: { version: version.asReadonly(), latest: signal(null) } },
        { provide: Announcer, useValue: { announce: (message: string) => announced.push(message) } },
      ],
    });
  });

  it('lists favourite desks with their office, a link to book there and a way to remove them', async () => {
    api.favouriteDeskList = [aFavouriteDesk('A-04', { blocked: true })];
    const page = await open();
    const desks = section(page, 'favourite-desks');

    const item = desks.querySelector('[data-desk-code="A-04"]');
    expect(text(item)).toContain('Platz A-04');
    expect(text(item)).toContain('Co-Working Erlangen Hauptbahnhof, Bereich Erdgeschoss');
    expect(text(item)).toContain('Zurzeit gesperrt');
    expect(item?.querySelector('a')?.getAttribute('href')).toBe('/buchen?buero=o1');
    const remove = item?.querySelector('button');
    expect(remove?.getAttribute('aria-label')).toBe(
      'Platz A-04 in Co-Working Erlangen Hauptbahnhof aus den Favoriten entfernen',
    );

    remove?.click();
    await settle();

    expect(desks.querySelector('[data-desk-code="A-04"]')).toBeNull();
    expect(text(desks)).toContain('Sie haben noch keine Lieblingsplätze.');
    expect(announced).toContain('Platz A-04 ist kein Favorit mehr.');
    expect(document.activeElement?.id).toBe('favourite-desks-heading');
  });

  it('shows favourite colleagues with their days, or that they do not share it', async () => {
    api.favouriteColleagueList = [MEHMET, VANESSA];
    const page = await open();
    const colleagues = section(page, 'favourite-colleagues');

    const mehmet = colleagues.querySelector('[data-colleague="Mehmet Yılmaz"]');
    expect(text(mehmet?.querySelector('[data-date="2099-01-05"] p'))).toBe(
      'Mo., 05.01.2099, Vormittag: Co-Working Erlangen Hauptbahnhof, Platz A-03 (Erdgeschoss)',
    );
    expect(mehmet?.querySelector('[data-date="2099-01-05"] button')?.getAttribute('aria-label')).toBe(
      'Daneben buchen (neben Mehmet Yılmaz am Mo., 05.01.2099)',
    );
    expect(text(colleagues.querySelector('[data-colleague="Vanessa Richter"]'))).toContain(
      'Vanessa Richter teilt derzeit nicht, wann sie oder er im Büro ist.',
    );
  });

  it('books next to a favourite colleague on their day and part, and reads again on a booking change', async () => {
    api.favouriteColleagueList = [MEHMET];
    api.nextBooking = aBooking({ deskCode: 'A-04' });
    const page = await open();
    const colleagues = section(page, 'favourite-colleagues');

    myBookings.mockResolvedValue([aBooking({ deskCode: 'A-04' })]);
    colleagues.querySelector<HTMLButtonElement>('[data-date="2099-01-05"] button')?.click();
    await settle();

    expect(api.bookNextToCalls).toEqual([{ colleagueId: 'p-mehmet', date: '2099-01-05', part: 'MORNING' }]);
    expect(text(colleagues.querySelector('[role="status"]'))).toBe(
      'Erledigt: Platz A-04 neben Mehmet Yılmaz gebucht: Mo., 05.01.2099, Vormittag. Büro: Co-Working Erlangen Hauptbahnhof.',
    );
    expect(colleagues.querySelector('[data-date="2099-01-05"] button')).toBeNull();
    expect(text(colleagues.querySelector('[data-date="2099-01-05"]'))).toContain(
      'Sie haben zu dieser Zeit schon Platz A-04',
    );
    expect(document.activeElement?.id).toBe('colleague-p-mehmet');

    const reads = myBookings.mock.calls.length;
    version.set(1);
    await settle();
    expect(myBookings.mock.calls.length).toBe(reads + 1);
  });

  it('asks for two letters, then lists what the search found and adds a colleague', async () => {
    const page = await open();
    const colleagues = section(page, 'favourite-colleagues');
    const field = colleagues.querySelector<HTMLInputElement>('input[type="search"]');
    expect(colleagues.querySelector(`label[for="${field?.id}"]`)?.textContent?.trim()).toBe('Name');
    const form = colleagues.querySelector('form');

    if (field) field.value = 'W';
    form?.dispatchEvent(new Event('submit'));
    await settle();
    expect(text(colleagues.querySelector('#colleague-search-problem'))).toBe(
      'Bitte geben Sie mindestens 2 Buchstaben des Namens ein.',
    );
    expect(field?.getAttribute('aria-invalid')).toBe('true');

    api.searchResults = [{ id: 'p-wiebke', displayName: 'Wiebke Fischer', favourite: false }];
    if (field) field.value = 'Wiebke';
    form?.dispatchEvent(new Event('submit'));
    await settle();
    expect(announced).toContain('Eine Person gefunden.');
    const result = colleagues.querySelector('[data-testid="search-results"] [data-colleague="Wiebke Fischer"]');
    const add = result?.querySelector('button');
    expect(add?.getAttribute('aria-label')).toBe('Wiebke Fischer als Favorit hinzufügen');

    api.favouriteColleagueList = [{ id: 'p-wiebke', displayName: 'Wiebke Fischer', visible: true, upcoming: [] }];
    add?.click();
    await settle();

    expect(text(result)).toContain('schon Favorit');
    expect(text(colleagues.querySelector('.favourites-colleagues [data-colleague="Wiebke Fischer"]'))).toContain(
      'In den nächsten zwei Wochen hat Wiebke Fischer keinen Platz',
    );
    expect(document.activeElement?.id).toBe('colleague-p-wiebke');
  });

  it('removes a favourite colleague', async () => {
    api.favouriteColleagueList = [VANESSA];
    const page = await open();
    const colleagues = section(page, 'favourite-colleagues');
    const remove = colleagues.querySelector('[data-colleague="Vanessa Richter"] > button');
    expect(remove?.getAttribute('aria-label')).toBe('Vanessa Richter aus den Favoriten entfernen');

    (remove as HTMLButtonElement | null)?.click();
    await settle();

    expect(colleagues.querySelector('[data-colleague="Vanessa Richter"]')).toBeNull();
    expect(text(colleagues.querySelector('[role="status"]'))).toBe(
      'Erledigt: Vanessa Richter ist nicht mehr unter Ihren Favoriten.',
    );
  });
});
