import { signal } from '@angular/core';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { anOffice } from '../../testing/office';
import type { Booking, WaitlistEntry } from '../core/graphql/api.types';
import { BookingsApi } from '../shared/data-access/bookings.api';
import { MyBookingChanges } from '../shared/data-access/my-booking-changes';
import { WaitlistApi } from '../shared/data-access/waitlist.api';
import { MyBookingsPage } from './my-bookings.page';

const booking = (id: string, date: string): Booking => ({
  id,
  date,
  part: 'MORNING',
  status: 'BOOKED',
  deskId: `d-${id}`,
  deskCode: 'A-03',
  areaName: 'Erdgeschoss',
  createdAt: '2026-11-20T09:00:00Z',
  office: anOffice('o1', 'Co-Working Erlangen Hauptbahnhof'),
});

describe('MyBookingsPage', () => {
  let list: Booking[];
  let savedAt: string | null;
  let version: ReturnType<typeof signal<number>>;
  let waiting: WaitlistEntry[];
  let fixture: ComponentFixture<MyBookingsPage>;

  async function stable(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  beforeEach(async () => {
    list = [booking('b1', '2099-01-05'), booking('b2', '2099-01-06')];
    savedAt = null;
    version = signal(0);
    waiting = [];
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        {
          provide: BookingsApi,
          useValue: { myBookingsOrLastKnown: jest.fn(async () => ({ bookings: list, savedAt })) },
        },
        { provide: MyBookingChanges, useValue: { version } },
        { provide: WaitlistApi, useValue: { myWaitlist: jest.fn(async () => waiting), leave: jest.fn() } },
      ],
    });
    fixture = TestBed.createComponent(MyBookingsPage);
    await stable();
  });

  it('lists the waitlist with the place in line or the desk assigned, and leaves it', async () => {
    waiting = [
      {
        id: 'w1',
        office: anOffice('o1', 'Co-Working Erlangen Hauptbahnhof'),
        date: '2099-01-05',
        part: 'MORNING',
        status: 'WAITING',
        position: 2,
        booking: null,
      },
      {
        id: 'w2',
        office: anOffice('o1', 'Co-Working Erlangen Hauptbahnhof'),
        date: '2099-01-07',
        part: 'FULL_DAY',
        status: 'ASSIGNED',
        position: null,
        booking: booking('b9', '2099-01-07'),
      },
    ];
    version.set(1);
    await stable();
    const page = fixture.nativeElement as HTMLElement;

    const section = page.querySelector('[aria-labelledby="waitlist-heading"]');
    expect(section?.querySelector('h2')?.textContent?.trim()).toBe('Warteliste');
    const items = [...(section?.querySelectorAll('[data-waitlist-id]') ?? [])];
    expect(items[0]?.textContent).toContain('Mo., 05.01.2099 (Vormittag)');
    expect(items[0]?.textContent).toContain('Platz 2 der Warteliste');
    expect(items[1]?.textContent).toContain('Platz zugeteilt');
    expect(items[1]?.textContent).toContain('A-03');
    expect(items[1]?.querySelector('button')).toBeNull();

    const api = TestBed.inject(WaitlistApi) as unknown as { leave: jest.Mock };
    api.leave.mockResolvedValue({ ...waiting[0], status: 'LEFT', position: null });
    items[0]?.querySelector('button')?.click();
    await stable();

    expect(api.leave).toHaveBeenCalledWith('w1');
    expect(page.querySelectorAll('[data-waitlist-id]')).toHaveLength(1);
    expect(page.textContent).toContain('Sie stehen nicht mehr auf der Warteliste');
  });

  it('reads the list again when a booking changed elsewhere, without a reload of the page', async () => {
    const page = fixture.nativeElement as HTMLElement;
    expect(page.querySelectorAll('[data-booking-id]')).toHaveLength(2);

    list = [booking('b2', '2099-01-06')];
    version.set(1);
    await stable();

    expect([...page.querySelectorAll('[data-booking-id]')].map((b) => b.getAttribute('data-booking-id'))).toEqual([
      'b2',
    ]);
    expect(TestBed.inject(BookingsApi).myBookingsOrLastKnown).toHaveBeenCalledTimes(2);
  });

  it('says "Offline" and since when when it shows the bookings last kept on this device', async () => {
    const page = fixture.nativeElement as HTMLElement;
    expect(page.querySelector('[data-testid="offline-notice"]')).toBeNull();

    savedAt = '2026-11-23T07:30:00Z';
    version.set(1);
    await stable();

    const notice = page.querySelector('[data-testid="offline-notice"]');
    expect(notice?.getAttribute('role')).toBe('status');
    expect(notice?.textContent).toContain('Offline – Stand: Mo., 23.11.2026, 08:30 Uhr.');
    expect(page.querySelectorAll('[data-booking-id]')).toHaveLength(2);

    savedAt = null;
    notice?.querySelector('button')?.click();
    await stable();
    expect(page.querySelector('[data-testid="offline-notice"]')).toBeNull();
  });
});
