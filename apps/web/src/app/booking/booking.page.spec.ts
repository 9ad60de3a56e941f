import { signal, type WritableSignal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { aDesk } from '../../testing/desk-availability';
import { FakeAvailabilityApi } from '../../testing/fake-availability-api';
import type { BookingChange, Office } from '../core/graphql/api.types';
import { BookingsApi } from '../shared/data-access/bookings.api';
import { MyBookingChanges } from '../shared/data-access/my-booking-changes';
import { todayInOfficeZone } from '../shared/date/civil-date';
import { BookingPage } from './booking.page';
import { AvailabilityApi } from './data-access/availability.api';

function office(id: string, name: string): Office {
  return {
    id,
    name,
    address: 'Marktplatz 1',
    deskCount: 2,
    municipality: { ags: '09162000', name: 'München', land: 'BY' },
    operator: { id: 'org', name: 'Stadt München' },
  };
}

const desk = aDesk;

describe('BookingPage', () => {
  let api: FakeAvailabilityApi;
  let harness: RouterTestingHarness;
  const today = todayInOfficeZone();

  async function open(url: string): Promise<HTMLElement> {
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url, BookingPage);
    await harness.fixture.whenStable();
    return harness.routeNativeElement as HTMLElement;
  }

  function statusOf(page: HTMLElement, code: string): string | null | undefined {
    return page.querySelector(`[data-desk-code="${code}"] [data-status]`)?.getAttribute('data-status');
  }

  let changes: WritableSignal<BookingChange | null>;

  beforeEach(() => {
    changes = signal<BookingChange | null>(null);
    api = new FakeAvailabilityApi();
    api.officeList = [office('o1', 'Rathaus'), office('o2', 'Bürgerhaus')];
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'buchen', component: BookingPage }]),
        { provide: AvailabilityApi, useValue: api },
        { provide: BookingsApi, useValue: {} },
        { provide: MyBookingChanges, useValue: { latest: changes.asReadonly() } },
      ],
    });
  });

  it('fills in office, today and full day, and writes them into the URL', async () => {
    await open('/buchen');

    expect(TestBed.inject(Router).url).toBe(`/buchen?buero=o1&datum=${today}&teil=FULL_DAY`);
    expect(api.lastFollow().query).toEqual({
      officeId: 'o1',
      date: today,
      part: 'FULL_DAY',
    });
  });

  it('takes the selection from the URL, so a reload keeps it', async () => {
    const page = await open('/buchen?buero=o2&datum=2099-01-05&teil=MORNING');

    expect(api.lastRead().query).toEqual({
      officeId: 'o2',
      date: '2099-01-05',
      part: 'MORNING',
    });
    expect(page.querySelector<HTMLSelectElement>('select')?.value).toBe('o2');
    expect(page.querySelector<HTMLInputElement>('input[type="date"]')?.value).toBe('2099-01-05');
    const checked = page.querySelector<HTMLInputElement>('input[type="radio"]:checked');
    expect(checked?.closest('label')?.textContent?.trim()).toBe('Vormittag');
  });

  it('labels every control in plain German', async () => {
    const page = await open('/buchen');
    const labelOf = (selector: string): string | undefined => {
      const id = page.querySelector(selector)?.id;
      return page.querySelector(`label[for="${id}"]`)?.textContent?.trim();
    };
    expect(labelOf('select')).toBe('Büro');
    expect(labelOf('input[type="date"]')).toBe('Datum');
    const radios = [...page.querySelectorAll('input[type="radio"]')].map((r) =>
      r.closest('label')?.textContent?.trim(),
    );
    expect(radios).toEqual(['Vormittag', 'Nachmittag', 'Ganzer Tag']);
  });

  it('shows desks by area and turns one to belegt when an event says so', async () => {
    const page = await open('/buchen');
    api.lastRead().resolve([desk('A-01'), desk('A-02'), desk('B-01', { areaName: 'OG' })]);
    // Let the store's awaited read finish before Angular renders.
    await new Promise((resolve) => setTimeout(resolve));
    await harness.fixture.whenStable();

    expect([...page.querySelectorAll('h3')].map((h) => h.textContent?.trim())).toEqual(['Erdgeschoss', 'OG']);
    expect(statusOf(page, 'A-02')).toBe('free');
    expect(page.textContent).toContain('3 von 3 Plätzen frei');

    api.lastFollow().sink.next(desk('A-02', { free: false, morningFree: false, afternoonFree: false }));
    await harness.fixture.whenStable();

    expect(statusOf(page, 'A-02')).toBe('taken');
    expect(page.textContent).toContain('2 von 3 Plätzen frei');
  });

  it('follows another selection and stops following the old one', async () => {
    const page = await open('/buchen');
    const first = api.lastFollow();
    const select = page.querySelector<HTMLSelectElement>('select');
    if (select === null) {
      throw new Error('no office select');
    }

    select.value = 'o2';
    select.dispatchEvent(new Event('change'));
    await harness.fixture.whenStable();

    expect(first.stopped).toBe(true);
    expect(api.lastFollow().query.officeId).toBe('o2');
    expect(TestBed.inject(Router).url).toContain('buero=o2');
  });

  it('reads the offices again when an office is no longer shared with the person’s organisation', async () => {
    const page = await open('/buchen');
    const offices = jest.spyOn(api, 'offices');
    api.officeList = [office('o2', 'Bürgerhaus')];

    changes.set({ reason: 'SHARING_REVOKED', booking: {} as BookingChange['booking'] });
    await harness.fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    await harness.fixture.whenStable();

    expect(offices).toHaveBeenCalled();
    expect(page.querySelector('select')?.textContent).not.toContain('Rathaus');
  });
});
