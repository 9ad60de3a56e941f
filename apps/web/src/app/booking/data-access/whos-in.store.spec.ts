import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';

import { aBooking, aColleagueInOffice, FakeColleaguesApi } from '../../../testing/fake-colleagues-api';
import type { Booking } from '../../core/graphql/api.types';
import { GraphqlRequestError } from '../../core/graphql/graphql-request.error';
import { ColleaguesApi } from '../../favourites/data-access/colleagues.api';
import { BookingsApi } from '../../shared/data-access/bookings.api';
import { MyBookingChanges } from '../../shared/data-access/my-booking-changes';
import { WHOS_IN_DEBOUNCE_MS, WhosInStore } from './whos-in.store';

describe('WhosInStore', () => {
  let api: FakeColleaguesApi;
  let myBookings: Booking[];
  const version = signal(0);

  function create(): WhosInStore {
    return TestBed.inject(WhosInStore);
  }

  beforeEach(() => {
    api = new FakeColleaguesApi();
    myBookings = [];
    version.set(0);
    TestBed.configureTestingModule({
      providers: [
        WhosInStore,
        { provide: ColleaguesApi, useValue: api },
        { provide: BookingsApi, useValue: { myBookings: async () => myBookings } },
        { provide: MyBookingChanges, useValue: { version: version.asReadonly(), latest: signal(null) } },
        { provide: WHOS_IN_DEBOUNCE_MS, useValue: 100 },
      ],
    });
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  it('reads who is in for the office and date, and the own bookings', async () => {
    api.whosInList = [aColleagueInOffice('Mehmet Yılmaz')];
    myBookings = [aBooking({ date: '2099-01-05', part: 'AFTERNOON' })];
    const store = create();

    store.watch({ officeId: 'o1', date: '2099-01-05' });
    await store.reload();

    expect(api.whosInReads.at(-1)).toEqual({ officeId: 'o1', date: '2099-01-05' });
    expect(store.colleagues().map((entry) => entry.colleague.displayName)).toEqual(['Mehmet Yılmaz']);
    expect(store.loadState()).toBe('ready');
    // An afternoon booking leaves the morning free, not the full day.
    expect(store.ownBookingFor('MORNING')).toBeNull();
    expect(store.ownBookingFor('FULL_DAY')?.deskCode).toBe('A-04');
    expect(store.ownBookingFor('AFTERNOON')?.deskCode).toBe('A-04');
  });

  it('reads once for a burst of live events, after the pause', async () => {
    jest.useFakeTimers();
    const store = create();
    store.watch({ officeId: 'o1', date: '2099-01-05' });
    await jest.advanceTimersByTimeAsync(0);
    const before = api.whosInReads.length;

    api.whosInList = [aColleagueInOffice('Wiebke Fischer')];
    store.refresh();
    store.refresh();
    store.refresh();
    await jest.advanceTimersByTimeAsync(50);
    expect(api.whosInReads.length).toBe(before);

    await jest.advanceTimersByTimeAsync(100);
    expect(api.whosInReads.length).toBe(before + 1);
    expect(store.colleagues().map((entry) => entry.colleague.displayName)).toEqual(['Wiebke Fischer']);
  });

  it('reads again after the live socket reconnects and after a change of the own bookings', async () => {
    jest.useFakeTimers();
    const store = create();
    store.watch({ officeId: 'o1', date: '2099-01-05' });
    await jest.advanceTimersByTimeAsync(0);
    const before = api.whosInReads.length;

    api.reconnect();
    await jest.advanceTimersByTimeAsync(100);
    expect(api.whosInReads.length).toBe(before + 1);

    version.set(1);
    TestBed.tick();
    await jest.advanceTimersByTimeAsync(100);
    expect(api.whosInReads.length).toBe(before + 2);
  });

  it('books next to a colleague for the part asked and says where', async () => {
    const mehmet = aColleagueInOffice('Mehmet Yılmaz');
    api.whosInList = [mehmet];
    api.nextBooking = aBooking({ deskCode: 'A-04' });
    const store = create();
    store.watch({ officeId: 'o1', date: '2099-01-05' });
    await store.reload();

    const booking = await store.bookNextTo(mehmet, 'MORNING');

    expect(api.bookNextToCalls).toEqual([{ colleagueId: mehmet.colleague.id, date: '2099-01-05', part: 'MORNING' }]);
    expect(booking?.deskCode).toBe('A-04');
    expect(store.note()).toEqual({
      tone: 'success',
      text: 'Platz A-04 neben Mehmet Yılmaz gebucht: Mo., 05.01.2099, Vormittag.',
    });
    // From now on the person holds a desk that morning: no second "Daneben buchen".
    expect(store.ownBookingFor('MORNING')?.deskCode).toBe('A-04');
  });

  it('shows a refusal in the words the API sent, and reads the list again', async () => {
    const mehmet = aColleagueInOffice('Mehmet Yılmaz');
    api.whosInList = [mehmet];
    api.bookNextToError = new GraphqlRequestError('UNKNOWN', 'no desk', {
      de: 'In diesem Büro ist für diese Tageszeit kein Platz mehr frei.',
      en: 'There is no free desk left in this office for that part of the day.',
    });
    const store = create();
    store.watch({ officeId: 'o1', date: '2099-01-05' });
    await store.reload();
    const before = api.whosInReads.length;

    expect(await store.bookNextTo(mehmet, 'MORNING')).toBeNull();

    expect(store.note()).toEqual({
      tone: 'error',
      text: 'In diesem Büro ist für diese Tageszeit kein Platz mehr frei.',
    });
    expect(api.whosInReads.length).toBe(before + 1);
    expect(store.busyColleagueId()).toBeNull();
  });

  it('shows nobody and reads nothing without an office', async () => {
    const store = create();
    store.watch(null);
    store.refresh();
    await store.reload();
    expect(api.whosInReads).toEqual([]);
    expect(store.loadState()).toBe('idle');
  });
});
