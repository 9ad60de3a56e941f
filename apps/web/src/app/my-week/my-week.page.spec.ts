import { signal } from '@angular/core';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { anOffice } from '../../testing/office';
import type { Booking, PresenceProgress } from '../core/graphql/api.types';
import { MyBookingChanges } from '../shared/data-access/my-booking-changes';
import { todayInOfficeZone } from '../shared/date/civil-date';
import { CalendarApi, type CalendarFeed } from './data-access/calendar.api';
import { MyWeekApi, type WeekTeamDay } from './data-access/my-week.api';
import { addDays, weekOf } from './data-access/week-dates';
import { MyWeekPage } from './my-week.page';

const monday = weekOf(todayInOfficeZone()).from;
const tuesday = addDays(monday, 1);

const booking = (id: string, overrides: Partial<Booking> = {}): Booking => ({
  id,
  date: tuesday,
  part: 'MORNING',
  status: 'BOOKED',
  deskId: `d-${id}`,
  deskCode: 'A-03',
  areaName: 'Erdgeschoss',
  createdAt: '2026-11-20T09:00:00Z',
  checkedInAt: null,
  office: anOffice('o1', 'Co-Working Erlangen Hauptbahnhof'),
  ...overrides,
});

const teamDay: WeekTeamDay = {
  id: 'p1',
  teamId: 't1',
  teamName: 'Statistik',
  date: addDays(monday, 3),
  part: 'FULL_DAY',
  mandatory: true,
  note: 'Planung 2027',
  cancelled: false,
  myAnswer: 'ATTENDING',
  office: { id: 'o1', name: 'Co-Working Erlangen Hauptbahnhof' },
};

const progress: PresenceProgress = {
  team: { id: 't1', name: 'Statistik' },
  policy: { period: 'WEEK', minDays: 2, fixedWeekdays: [1, 3] },
  periods: [
    {
      from: monday,
      to: addDays(monday, 6),
      required: 2,
      planned: 1,
      met: false,
      workingDays: 5,
      holidays: [],
      missingFixedWeekdays: [],
    },
  ],
};

describe('MyWeekPage', () => {
  let fixture: ComponentFixture<MyWeekPage>;
  let feed: CalendarFeed;
  let calendar: {
    feed: jest.Mock;
    createFeed: jest.Mock;
    revokeFeed: jest.Mock;
    downloadBooking: jest.Mock;
  };
  let bookings: Booking[];

  async function stable(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  const page = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const button = (text: string): HTMLButtonElement => {
    const found = [...page().querySelectorAll('button')].find((b) => b.textContent?.trim().startsWith(text));
    if (!found) throw new Error(`no button ${text}`);
    return found;
  };

  beforeEach(async () => {
    feed = { exists: false, createdAt: null };
    bookings = [
      booking('b1', { status: 'CHECKED_IN', checkedInAt: `${tuesday}T07:12:00Z` }),
      booking('b2', { part: 'AFTERNOON', deskCode: 'B-07' }),
      booking('b3', { status: 'CANCELLED', deskCode: 'Z-99' }),
    ];
    calendar = {
      feed: jest.fn(async () => feed),
      createFeed: jest.fn(async () => ({
        url: 'http://localhost:3000/calendar/secret.ics',
        createdAt: '2026-11-23T06:00:00Z',
      })),
      revokeFeed: jest.fn(async () => true),
      downloadBooking: jest.fn(async () => undefined),
    };
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        {
          provide: MyWeekApi,
          useValue: {
            bookingsBetween: jest.fn(async () => bookings),
            teams: jest.fn(async () => [{ id: 't1', name: 'Statistik' }]),
            teamDays: jest.fn(async () => [teamDay]),
            progress: jest.fn(async () => [progress]),
            followTeam: jest.fn(() => () => undefined),
          },
        },
        { provide: CalendarApi, useValue: calendar },
        { provide: MyBookingChanges, useValue: { version: signal(0) } },
      ],
    });
    fixture = TestBed.createComponent(MyWeekPage);
    await stable();
  });

  it('shows each working day under its own heading, with bookings, status in words and team days', () => {
    const headings = [...page().querySelectorAll('h3')].map((h) => h.textContent?.trim() ?? '');
    expect(headings.length).toBeGreaterThanOrEqual(5);
    expect(headings[0]).toMatch(/^Montag, \d{1,2}\. \w+ \d{4}/);
    const items = [...page().querySelectorAll('[data-testid="week-booking"]')].map((li) =>
      (li.textContent ?? '').replace(/\s+/g, ' '),
    );
    expect(items).toHaveLength(2);
    expect(items[0]).toContain('Platz A-03');
    expect(items[0]).toContain('Vormittag (8:00 bis 12:30 Uhr)');
    expect(items[0]).toMatch(/Status: Eingecheckt um \d\d:\d\d Uhr/);
    expect(items[1]).toContain('Status: Gebucht, noch nicht eingecheckt');
    expect(page().textContent).not.toContain('Z-99');
    const team = page().querySelector('[data-testid="week-team-day"]')?.textContent?.replace(/\s+/g, ' ');
    expect(team).toContain('Präsenztag Statistik');
    expect(team).toContain('verpflichtend');
    expect(team).toContain('Sie haben zugesagt');
    const policy = page().querySelector('[data-testid="week-progress"]')?.textContent?.replace(/\s+/g, ' ');
    expect(policy).toContain('mindestens 2 Bürotage pro Woche, feste Tage: Montag und Mittwoch');
    expect(policy).toContain('1 von 2 Bürotagen geplant – noch nicht erfüllt');
  });

  it('offers each live booking as an .ics file, labelled with what it saves', async () => {
    const download = page().querySelector<HTMLButtonElement>('[data-testid="week-booking"] button');
    expect(download?.textContent?.trim()).toBe('In Kalender (.ics)');
    expect(download?.getAttribute('aria-label')).toMatch(/^In Kalender \(\.ics\): Platz A-03 am .+, Vormittag$/);
    download?.click();
    await stable();
    expect(calendar.downloadBooking).toHaveBeenCalledWith(expect.objectContaining({ id: 'b1' }));
    expect(page().textContent).toContain('Die Kalenderdatei für Platz A-03');
  });

  it('creates the calendar subscription, shows its address once, and revokes it', async () => {
    expect(page().textContent).toContain('Wer die Adresse kennt, sieht Ihre Buchungen');
    button('Kalender-Abo einrichten').click();
    await stable();
    const field = page().querySelector<HTMLInputElement>('#calendar-feed-url');
    expect(field?.value).toBe('http://localhost:3000/calendar/secret.ics');
    expect(page().querySelector('label[for="calendar-feed-url"]')?.textContent).toContain(
      'Adresse Ihres Kalender-Abos',
    );
    button('Kalender-Abo widerrufen').click();
    await stable();
    expect(calendar.revokeFeed).toHaveBeenCalled();
    expect(page().querySelector('#calendar-feed-url')).toBeNull();
    expect(page().textContent).toContain('Ihr Kalender-Abo ist widerrufen');
  });

  it('moves to the next week', async () => {
    button('Nächste Woche').click();
    await stable();
    expect(page().querySelector('[data-testid="week-heading"]')?.textContent).not.toContain('(diese Woche)');
    expect(button('Diese Woche')).toBeTruthy();
  });
});
