import { TestBed } from '@angular/core/testing';

import { aDesk } from '../../../testing/desk-availability';
import { FakeAvailabilityApi } from '../../../testing/fake-availability-api';
import { anOfficeDay, FULL_BY_CAP_DAY, HOLIDAY_DAY } from '../../../testing/office-day';
import { Announcer } from '../../core/a11y/announcer';
import type { Booking, DeskAvailability } from '../../core/graphql/api.types';
import { GraphqlRequestError } from '../../core/graphql/graphql-request.error';
import type { BookDeskInput } from '../../shared/data-access/bookings.api';
import { BookingsApi } from '../../shared/data-access/bookings.api';
import type { AvailabilityQuery } from './availability.api';
import { AvailabilityApi } from './availability.api';
import { DeskAvailabilityStore } from './desk-availability.store';

const QUERY: AvailabilityQuery = {
  officeId: 'o1',
  date: '2026-11-24',
  part: 'FULL_DAY',
};

const desk = aDesk;

const TAKEN = { morningFree: false, afternoonFree: false, free: false } as const;

function booking(partial: Partial<Booking>): Booking {
  return {
    id: 'b1',
    date: '2026-11-24',
    part: 'FULL_DAY',
    status: 'BOOKED',
    deskId: 'id-A-01',
    deskCode: 'A-01',
    areaName: 'Erdgeschoss',
    createdAt: '2026-11-23T08:00:00Z',
    office: {
      id: 'o1',
      name: 'Rathaus',
      address: 'Markt 1',
      deskCount: 2,
      municipality: { ags: '09162000', name: 'München', land: 'BY' },
      operator: { id: 'org', name: 'Stadt' },
    },
    ...partial,
  };
}

/** Lets awaited promises inside the store run on. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await Promise.resolve();
  }
}

describe('DeskAvailabilityStore', () => {
  let api: FakeAvailabilityApi;
  let bookings: {
    bookDesk: jest.Mock<Promise<Booking>, [BookDeskInput]>;
    cancelBooking: jest.Mock<Promise<Booking>, [string]>;
  };
  let announce: jest.SpyInstance<void, [string]>;
  let store: DeskAvailabilityStore;

  async function showDesks(desks: DeskAvailability[]): Promise<void> {
    store.watch(QUERY);
    api.lastRead().resolve(desks);
    await settle();
  }

  function codesWithStatus(): string[] {
    return store.desks().map((d) => `${d.code}:${d.free ? 'free' : 'taken'}`);
  }

  beforeEach(() => {
    api = new FakeAvailabilityApi();
    bookings = { bookDesk: jest.fn(), cancelBooking: jest.fn() };
    TestBed.configureTestingModule({
      providers: [
        DeskAvailabilityStore,
        { provide: AvailabilityApi, useValue: api },
        { provide: BookingsApi, useValue: bookings },
      ],
    });
    announce = jest.spyOn(TestBed.inject(Announcer), 'announce');
    store = TestBed.inject(DeskAvailabilityStore);
  });

  it('reads the desks of the query and follows the same query', async () => {
    store.watch(QUERY);
    expect(store.loadState()).toBe('loading');
    expect(api.lastRead().query).toEqual(QUERY);
    expect(api.lastFollow().query).toEqual(QUERY);

    api.lastRead().resolve([desk('A-01'), desk('B-01', { areaName: 'OG', ...TAKEN })]);
    await settle();

    expect(store.loadState()).toBe('ready');
    expect(store.areas().map((a) => a.areaName)).toEqual(['Erdgeschoss', 'OG']);
    expect(store.freeCount()).toBe(1);
  });

  it('replaces a desk on an event and announces what changed', async () => {
    await showDesks([desk('A-01'), desk('A-02')]);

    api.lastFollow().sink.next(desk('A-02', TAKEN));

    expect(codesWithStatus()).toEqual(['A-01:free', 'A-02:taken']);
    expect(announce).toHaveBeenCalledWith('Platz A-02 ist jetzt belegt.');
  });

  it('applies events that arrive during a read after the read', async () => {
    store.watch(QUERY);
    api.lastFollow().sink.next(desk('A-02', TAKEN));

    // The read was answered from a state before the event.
    api.lastRead().resolve([desk('A-01'), desk('A-02')]);
    await settle();

    expect(codesWithStatus()).toEqual(['A-01:free', 'A-02:taken']);
  });

  it('reads everything again when the live socket (re)connects', async () => {
    await showDesks([desk('A-01')]);
    const readsBefore = api.reads.length;

    api.reconnect();
    api.lastRead().resolve([desk('A-01', TAKEN)]);
    await settle();

    expect(api.reads.length).toBe(readsBefore + 1);
    expect(codesWithStatus()).toEqual(['A-01:taken']);
  });

  it('stops following the old selection and drops its late answer', async () => {
    store.watch(QUERY);
    const oldRead = api.lastRead();
    const oldFollow = api.lastFollow();

    store.watch({ ...QUERY, part: 'MORNING' });
    expect(oldFollow.stopped).toBe(true);
    expect(api.lastFollow().query.part).toBe('MORNING');

    api.lastRead().resolve([desk('M-01')]);
    oldRead.resolve([desk('OLD-01')]);
    await settle();

    expect(codesWithStatus()).toEqual(['M-01:free']);
  });

  it('does nothing when the same selection is watched again', () => {
    store.watch(QUERY);
    store.watch({ ...QUERY });
    expect(api.reads).toHaveLength(1);
    expect(api.follows).toHaveLength(1);
  });

  it('shows nothing and follows nothing for no selection', async () => {
    await showDesks([desk('A-01')]);
    store.watch(null);
    expect(store.desks()).toEqual([]);
    expect(store.loadState()).toBe('idle');
    expect(api.lastFollow().stopped).toBe(true);
  });

  it('says so in German when the desks cannot be read', async () => {
    store.watch(QUERY);
    api.lastRead().reject(new GraphqlRequestError('NETWORK', 'down'));
    await settle();

    expect(store.loadState()).toBe('error');
    expect(store.loadError()).toContain('Keine Verbindung zum Server');
  });

  it('books a desk, shows it as mine and confirms in words', async () => {
    await showDesks([desk('A-01'), desk('A-02')]);
    bookings.bookDesk.mockResolvedValue(booking({ id: 'b9' }));

    const done = store.book(desk('A-01'));
    expect(store.busyDeskId()).toBe('id-A-01');
    // The own booking's event may overtake the answer; it is not announced twice.
    api.lastFollow().sink.next(desk('A-01', { ...TAKEN, myBookingId: 'b9' }));
    await done;

    expect(bookings.bookDesk).toHaveBeenCalledWith({
      deskId: 'id-A-01',
      date: '2026-11-24',
      part: 'FULL_DAY',
    });
    expect(store.desks()[0]).toMatchObject({ free: false, myBookingId: 'b9' });
    expect(store.note()).toEqual({
      tone: 'success',
      text: 'Platz A-01 ist für Sie gebucht: Di., 24.11.2026, Ganzer Tag.',
    });
    expect(store.busyDeskId()).toBeNull();
    expect(announce).not.toHaveBeenCalled();
  });

  it('explains a desk taken in the meantime and reads the desks again', async () => {
    await showDesks([desk('A-01')]);
    bookings.bookDesk.mockRejectedValue(new GraphqlRequestError('DESK_TAKEN', 'taken'));
    const readsBefore = api.reads.length;

    await store.book(desk('A-01'));

    expect(store.note()).toEqual({
      tone: 'error',
      text: 'Dieser Platz ist für diese Zeit schon vergeben. Bitte wählen Sie einen anderen Platz.',
    });
    expect(api.reads.length).toBe(readsBefore + 1);
  });

  it('cancels the own booking of a desk and shows the desk free again', async () => {
    const mine = desk('A-01', { ...TAKEN, myBookingId: 'b1' });
    await showDesks([mine]);
    bookings.cancelBooking.mockResolvedValue(booking({ id: 'b1', status: 'CANCELLED', part: 'FULL_DAY' }));

    await store.cancel(mine);

    expect(bookings.cancelBooking).toHaveBeenCalledWith('b1');
    expect(store.desks()[0]).toMatchObject({ free: true, myBookingId: null });
    expect(store.note()?.text).toBe('Ihre Buchung von Platz A-01 am Di., 24.11.2026 (Ganzer Tag) ist storniert.');
  });

  it('keeps what a live event said when it overtakes the answer to the own cancellation', async () => {
    const mine = desk('A-01', { ...TAKEN, myBookingId: 'b1' });
    await showDesks([mine]);
    bookings.cancelBooking.mockResolvedValue(booking({ id: 'b1', status: 'CANCELLED', part: 'FULL_DAY' }));

    const done = store.cancel(mine);
    // The waitlist got the desk in the same transaction; its event comes before the answer.
    api.lastFollow().sink.next(desk('A-01', TAKEN));
    await done;

    expect(store.desks()[0]).toMatchObject({ free: false, myBookingId: null });
    expect(store.note()?.text).toBe('Ihre Buchung von Platz A-01 am Di., 24.11.2026 (Ganzer Tag) ist storniert.');
  });

  it('does not add a desk outside the filter when an event comes for it', async () => {
    store.watch({ ...QUERY, filter: { equipment: ['MONITOR'] } });
    api.lastRead().resolve([desk('A-01', { equipment: ['MONITOR'] })]);
    await settle();

    api.lastFollow().sink.next(desk('A-02', { equipment: [] }));
    api.lastFollow().sink.next(desk('A-03', { equipment: ['MONITOR', 'DOCKING_STATION'] }));

    expect(store.desks().map((d) => d.code)).toEqual(['A-01', 'A-03']);
  });

  it('reads again when only the filter changes', async () => {
    await showDesks([desk('A-01')]);
    store.watch({ ...QUERY, filter: { accessible: true } });
    expect(api.lastRead().query.filter).toEqual({ accessible: true });
    expect(api.reads).toHaveLength(2);
  });

  it('calls the office full when every desk is taken by others, or the API says so', async () => {
    await showDesks([desk('A-01', TAKEN), desk('A-02', { ...TAKEN, myBookingId: 'b1' })]);
    expect(store.officeFull()).toBe(false);

    await showDesks([]);
    store.watch({ ...QUERY, date: '2026-11-25' });
    api.lastRead().resolve([desk('A-01', TAKEN), desk('A-02', TAKEN)]);
    await settle();
    expect(store.officeFull()).toBe(true);

    store.watch({ ...QUERY, date: '2026-11-26' });
    api.lastRead().resolve([desk('A-01')]);
    await settle();
    expect(store.officeFull()).toBe(false);
    bookings.bookDesk.mockRejectedValue(new GraphqlRequestError('OVER_CAPACITY', 'full'));
    await store.book(desk('A-01'));
    expect(store.officeFull()).toBe(true);
  });

  it('does not call the office full when only the filtered desks are taken', async () => {
    store.watch({ ...QUERY, filter: { accessible: true } });
    api.lastRead().resolve([desk('A-01', { ...TAKEN, accessible: true })]);
    await settle();
    expect(store.officeFull()).toBe(false);
    expect(store.noneFreeWithFilter()).toBe(true);
  });

  describe('the office day', () => {
    it('is read with the desks, and again after every desk event and on reconnecting', async () => {
      await showDesks([desk('A-01'), desk('A-02')]);
      expect(api.dayReads.map((read) => read.query)).toEqual([QUERY]);
      api.lastDayRead().resolve(anOfficeDay({ capacity: 2, booked: 1 }));
      await settle();
      expect(store.day()).toMatchObject({ booked: 1, full: false });
      expect(store.officeFull()).toBe(false);

      // Another person books: the count against the cap changes.
      api.lastFollow().sink.next(desk('A-02', TAKEN));
      expect(api.dayReads).toHaveLength(2);
      api.lastDayRead().resolve(FULL_BY_CAP_DAY);
      await settle();
      expect(store.day()).toBe(FULL_BY_CAP_DAY);
      expect(store.officeFull()).toBe(true);
      expect(store.dayRefused()).toBe(true);
      expect(store.dayClosed()).toBe(false);

      api.reconnect();
      expect(api.dayReads).toHaveLength(3);
      api.lastDayRead().resolve(anOfficeDay({ capacity: 2, booked: 1 }));
      api.lastRead().resolve([desk('A-01'), desk('A-02', TAKEN)]);
      await settle();
      expect(store.officeFull()).toBe(false);
    });

    it('keeps only the answer to the newest read', async () => {
      await showDesks([desk('A-01')]);
      const older = api.lastDayRead();
      api.lastFollow().sink.next(desk('A-01', TAKEN));
      api.lastDayRead().resolve(anOfficeDay({ booked: 1 }));
      older.resolve(anOfficeDay({ booked: 0 }));
      await settle();
      expect(store.day()?.booked).toBe(1);
    });

    it('forgets the day of another selection', async () => {
      await showDesks([desk('A-01')]);
      const old = api.lastDayRead();
      store.watch({ ...QUERY, date: '2026-11-25' });
      old.resolve(HOLIDAY_DAY);
      await settle();
      expect(store.day()).toBeNull();
      expect(api.lastDayRead().query.date).toBe('2026-11-25');
    });

    it('calls a closed day closed, not full, even when every desk is taken', async () => {
      await showDesks([desk('A-01', TAKEN)]);
      expect(store.officeFull()).toBe(true);
      api.lastDayRead().resolve(HOLIDAY_DAY);
      await settle();
      expect(store.dayClosed()).toBe(true);
      expect(store.officeFull()).toBe(false);
    });

    it('is left out when it cannot be read: the desks still show', async () => {
      await showDesks([desk('A-01')]);
      api.lastDayRead().reject(new Error('offline'));
      await settle();
      expect(store.day()).toBeNull();
      expect(store.loadState()).toBe('ready');
    });
  });

  it('stops following and listening when the page goes away', async () => {
    await showDesks([desk('A-01')]);
    const follow = api.lastFollow();

    TestBed.resetTestingModule();

    expect(follow.stopped).toBe(true);
    expect(api.connectedListeners.size).toBe(0);
  });
});
