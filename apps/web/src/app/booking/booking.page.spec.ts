import { signal, type WritableSignal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { aDesk } from '../../testing/desk-availability';
import { FakeAvailabilityApi } from '../../testing/fake-availability-api';
import { aBooking, aColleagueInOffice, aFavouriteDesk, FakeColleaguesApi } from '../../testing/fake-colleagues-api';
import { anOfficeDay, HOLIDAY_DAY } from '../../testing/office-day';
import type { BookingChange, Office } from '../core/graphql/api.types';
import { ColleaguesApi } from '../favourites/data-access/colleagues.api';
import { BookingsApi } from '../shared/data-access/bookings.api';
import { MyBookingChanges } from '../shared/data-access/my-booking-changes';
import { WaitlistApi } from '../shared/data-access/waitlist.api';
import { todayInOfficeZone } from '../shared/date/civil-date';
import { BookingPage } from './booking.page';
import { AvailabilityApi } from './data-access/availability.api';
import { WHOS_IN_DEBOUNCE_MS } from './data-access/whos-in.store';

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
  let waitlist: { myWaitlist: jest.Mock; join: jest.Mock; leave: jest.Mock };
  let colleagues: FakeColleaguesApi;
  let myBookings: jest.Mock;

  beforeEach(() => {
    changes = signal<BookingChange | null>(null);
    waitlist = { myWaitlist: jest.fn(async () => []), join: jest.fn(), leave: jest.fn() };
    colleagues = new FakeColleaguesApi();
    myBookings = jest.fn(async () => []);
    api = new FakeAvailabilityApi();
    api.officeList = [office('o1', 'Rathaus'), office('o2', 'Bürgerhaus')];
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'buchen', component: BookingPage }]),
        { provide: AvailabilityApi, useValue: api },
        { provide: BookingsApi, useValue: { myBookings } },
        { provide: ColleaguesApi, useValue: colleagues },
        { provide: WHOS_IN_DEBOUNCE_MS, useValue: 0 },
        { provide: MyBookingChanges, useValue: { latest: changes.asReadonly(), version: signal(0) } },
        { provide: WaitlistApi, useValue: waitlist },
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

  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await harness.fixture.whenStable();
  }

  it('reads the filters from the URL and asks the API for those desks only', async () => {
    api.areasByOffice = {
      o1: [
        { id: 'a1', name: 'Erdgeschoss' },
        { id: 'a2', name: 'Obergeschoss' },
      ],
    };
    const page = await open('/buchen?ausstattung=MONITOR,DOCKING_STATION&barrierefrei=ja&bereich=a2');
    await settle();

    expect(api.lastRead().query.filter).toEqual({
      equipment: ['DOCKING_STATION', 'MONITOR'],
      accessible: true,
      areaId: 'a2',
    });
    const boxes = [...page.querySelectorAll<HTMLInputElement>('fieldset input[type="checkbox"]')];
    expect(boxes.map((box) => [box.closest('label')?.textContent?.trim(), box.checked])).toEqual([
      ['Monitor', true],
      ['Dockingstation', true],
      ['Höhenverstellbarer Tisch', false],
    ]);
    expect(boxes[0]?.closest('fieldset')?.querySelector('legend')?.textContent?.trim()).toBe('Ausstattung');
    const area = [...page.querySelectorAll('label')].find((l) => l.textContent?.trim() === 'Bereich');
    const areaSelect = page.querySelector<HTMLSelectElement>(`#${area?.getAttribute('for')}`);
    expect(areaSelect?.value).toBe('a2');
    expect(areaSelect?.options[0]?.textContent?.trim()).toBe('Alle Bereiche');
    expect(TestBed.inject(Router).url).toContain('ausstattung=MONITOR');
  });

  it('writes a changed filter into the URL and keeps office, date and part', async () => {
    const page = await open('/buchen');
    const accessible = [...page.querySelectorAll('label')]
      .find((l) => l.textContent?.trim() === 'Nur barrierefreie Plätze')
      ?.querySelector('input');
    if (!accessible) {
      throw new Error('no accessible checkbox');
    }

    accessible.checked = true;
    accessible.dispatchEvent(new Event('change'));
    await settle();

    expect(TestBed.inject(Router).url).toBe(`/buchen?buero=o1&datum=${today}&teil=FULL_DAY&barrierefrei=ja`);
    expect(api.lastFollow().query.filter).toEqual({ accessible: true });
  });

  it('offers the waitlist when every desk is taken, and shows the place after joining', async () => {
    const page = await open('/buchen?buero=o1&datum=2099-01-05&teil=MORNING');
    const taken = { free: false, morningFree: false, afternoonFree: false };
    api.lastRead().resolve([desk('A-01', taken), desk('A-02', taken)]);
    await settle();

    const box = page.querySelector('[data-testid="waitlist-box"]');
    expect(box?.querySelector('h3')?.textContent?.trim()).toBe('Alle Plätze sind belegt');
    const button = box?.querySelector('button');
    expect(button?.textContent?.trim()).toBe('Auf die Warteliste setzen');

    waitlist.join.mockResolvedValue({
      id: 'w1',
      office: office('o1', 'Rathaus'),
      date: '2099-01-05',
      part: 'MORNING',
      status: 'WAITING',
      position: 2,
      booking: null,
    });
    button?.click();
    await settle();

    expect(waitlist.join).toHaveBeenCalledWith({ officeId: 'o1', date: '2099-01-05', part: 'MORNING' });
    expect(page.querySelector('[data-testid="waitlist-state"]')?.textContent?.trim()).toBe(
      'Sie stehen auf Platz 2 der Warteliste.',
    );
    // The same button, so the focus stays.
    expect(box?.querySelector('button')).toBe(button);
    expect(button?.textContent?.trim()).toBe('Warteliste verlassen');
  });

  it('shows no waitlist while a desk is free', async () => {
    const page = await open('/buchen');
    api.lastRead().resolve([desk('A-01')]);
    await settle();
    expect(page.querySelector('[data-testid="waitlist-box"]')).toBeNull();
  });

  describe('the office day', () => {
    function notice(page: HTMLElement): Element | null {
      return page.querySelector('[data-testid="office-day-notice"]');
    }

    it('says upfront that the office is closed on a holiday and marks the desks as not bookable', async () => {
      const page = await open('/buchen?buero=o1&datum=2026-12-25&teil=MORNING');
      expect(api.lastDayRead().query).toEqual({ officeId: 'o1', date: '2026-12-25', part: 'MORNING' });
      api.lastRead().resolve([desk('A-01'), desk('A-02', { free: false, morningFree: false, afternoonFree: false })]);
      api.lastDayRead().resolve(HOLIDAY_DAY);
      await settle();

      expect(notice(page)?.getAttribute('role')).toBe('status');
      expect(notice(page)?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
        'Büro geschlossen: Am 25.12.2026 ist 1. Weihnachtsfeiertag – ein Feiertag in Bayern. Bitte wählen Sie einen anderen Tag.',
      );
      expect(statusOf(page, 'A-01')).toBe('closed');
      expect(page.querySelector('[data-desk-code="A-01"]')?.textContent).toContain('an diesem Tag nicht buchbar');
      expect([...page.querySelectorAll('.desk-grid button')].map((b) => b.textContent?.trim())).not.toContain('Buchen');
      expect(page.querySelector('.summary')?.textContent).toContain('Keine Buchung möglich.');
      // Nothing frees up on a holiday: no waitlist.
      expect(page.querySelector('[data-testid="waitlist-box"]')).toBeNull();
    });

    it('says when the office is full by its cap and offers the waitlist at once, while desks look free', async () => {
      const page = await open('/buchen?buero=o1&datum=2099-01-05&teil=MORNING');
      api.lastRead().resolve([desk('A-01', { free: false, morningFree: false, afternoonFree: false }), desk('A-02')]);
      api.lastDayRead().resolve(
        anOfficeDay({
          bookable: false,
          capacity: 1,
          booked: 1,
          full: true,
          refusal: { code: 'OVER_CAPACITY', messageDe: 'Höchstens 1 Platz …', message: 'At most 1 desk …' },
        }),
      );
      await settle();

      expect(notice(page)?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
        'Voll: Das Büro ist an diesem Tag voll (Obergrenze 1 von 2 Plätzen).',
      );
      const box = page.querySelector('[data-testid="waitlist-box"]');
      expect(box?.querySelector('button')?.textContent?.trim()).toBe('Auf die Warteliste setzen');
      expect(statusOf(page, 'A-02')).toBe('closed');
    });

    it('says nothing while desks can be booked, and follows a desk event with a new read', async () => {
      const page = await open('/buchen?buero=o1&datum=2099-01-05&teil=MORNING');
      api.lastRead().resolve([desk('A-01'), desk('A-02')]);
      api.lastDayRead().resolve(anOfficeDay({ capacity: 1, booked: 0 }));
      await settle();
      expect(notice(page)?.textContent?.trim()).toBe('');
      expect(page.querySelector('[data-testid="waitlist-box"]')).toBeNull();

      api.lastFollow().sink.next(desk('A-01', { free: false, morningFree: false, afternoonFree: false }));
      api.lastDayRead().resolve(anOfficeDay({ bookable: false, capacity: 1, booked: 1, full: true }));
      await settle();
      expect(notice(page)?.textContent).toContain('Das Büro ist an diesem Tag voll (Obergrenze 1 von 2 Plätzen).');
      expect(page.querySelector('[data-testid="waitlist-box"]')).not.toBeNull();
    });

    it('lists a blocked desk with its reason in words, without a way to book it', async () => {
      const page = await open('/buchen?buero=o1&datum=2099-01-05&teil=MORNING');
      api.lastRead().resolve([
        desk('A-01'),
        desk('A-03', {
          free: false,
          morningFree: false,
          afternoonFree: false,
          blocked: true,
          blockedReason: 'Monitor defekt',
        }),
      ]);
      await settle();

      expect(statusOf(page, 'A-03')).toBe('blocked');
      const card = page.querySelector('[data-desk-code="A-03"]');
      expect(card?.textContent).toContain('gesperrt: Monitor defekt');
      // Only the favourite toggle: no way to book it.
      expect(card?.querySelector('button:not([data-testid="favourite-toggle"])')).toBeNull();
      expect(page.querySelector('.summary')?.textContent).toContain('1 von 2 Plätzen frei');
    });
  });

  it('books a desk on several days in a dialog and shows the result per date', async () => {
    const page = await open('/buchen?buero=o1&datum=2099-01-05&teil=MORNING');
    api.lastRead().resolve([desk('A-03')]);
    await settle();
    const bookRecurring = jest.fn(async () => ({
      complete: false,
      bookedCount: 1,
      outcomes: [
        { date: '2099-01-05', status: 'BOOKED', booking: null, refusal: null },
        {
          date: '2099-01-12',
          status: 'REFUSED',
          booking: null,
          refusal: { code: 'CLOSURE', message: 'closed', messageDe: 'Das Büro ist geschlossen.' },
        },
      ],
    }));
    Object.assign(TestBed.inject(BookingsApi), { bookRecurring });

    const trigger = page.querySelector<HTMLButtonElement>('[aria-label="Platz A-03 regelmäßig buchen"]');
    trigger?.focus();
    trigger?.click();
    await settle();

    const dialog = page.querySelector('dialog');
    expect(dialog?.hasAttribute('open')).toBe(true);
    expect(dialog?.querySelector('h2')?.textContent?.trim()).toBe('Platz A-03 regelmäßig buchen');
    const checked = [...(dialog?.querySelectorAll<HTMLInputElement>('input[type="checkbox"]') ?? [])]
      .filter((box) => box.checked)
      .map((box) => box.closest('label')?.textContent?.trim());
    // 5 January 2099 is a Monday.
    expect(checked).toEqual(['Montag']);
    expect(dialog?.querySelector<HTMLInputElement>('input[type="number"]')?.value).toBe('4');

    dialog?.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await settle();

    expect(bookRecurring).toHaveBeenCalledWith({
      deskId: 'id-A-03',
      from: '2099-01-05',
      part: 'MORNING',
      weeks: 4,
      weekdays: [1],
      allOrNothing: false,
    });
    expect(dialog?.querySelector('[role="status"]')?.textContent).toContain('1 von 2 Terminen gebucht.');
    const rows = [...(dialog?.querySelectorAll('tbody tr') ?? [])].map((row) =>
      [...row.children].map((cell) => cell.textContent?.replace(/[✓✕]/g, '').trim()),
    );
    expect(rows).toEqual([
      ['Mo., 05.01.2099', 'Gebucht'],
      ['Mo., 12.01.2099', 'Nicht gebucht: Das Büro ist geschlossen.'],
    ]);
    // The desk list is read again: the first date is now the person's own booking.
    expect(api.reads).toHaveLength(2);
    api.lastRead().resolve([desk('A-03', { free: false, morningFree: false, myBookingId: 'b1' })]);
    await settle();
    expect(statusOf(page, 'A-03')).toBe('mine');

    // What the browser fires on Esc in a modal dialog.
    dialog?.dispatchEvent(new Event('cancel', { cancelable: true }));
    await settle();
    expect(page.querySelector('dialog')).toBeNull();
    expect(document.activeElement).toBe(trigger);
  });

  it('explains a recurring form that cannot be sent and focuses the problem', async () => {
    const page = await open('/buchen?buero=o1&datum=2099-01-05&teil=MORNING');
    api.lastRead().resolve([desk('A-03')]);
    await settle();
    page.querySelector<HTMLButtonElement>('[aria-label="Platz A-03 regelmäßig buchen"]')?.click();
    await settle();
    const dialog = page.querySelector('dialog');
    const monday = dialog?.querySelector<HTMLInputElement>('input[type="checkbox"]');
    if (!monday) {
      throw new Error('no weekday');
    }
    monday.checked = false;
    monday.dispatchEvent(new Event('change'));

    dialog?.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await settle();

    expect(dialog?.textContent).toContain('Bitte wählen Sie mindestens einen Wochentag.');
    expect(document.activeElement).toBe(monday);
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

  describe('floor-plan view', () => {
    const PLAN = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50"></svg>';
    let bookings: { bookDesk: jest.Mock; cancelBooking: jest.Mock };

    beforeEach(() => {
      bookings = { bookDesk: jest.fn(() => new Promise(() => undefined)), cancelBooking: jest.fn() };
      TestBed.overrideProvider(BookingsApi, { useValue: bookings });
      api.floorPlansByOffice = { o1: [{ id: 'area-eg', name: 'Erdgeschoss', floorPlanSvg: PLAN }] };
      api.positions = { 'id-A-01': { x: 0.25, y: 0.5 }, 'id-A-02': { x: 0.75, y: 0.2 } };
    });

    async function settle(): Promise<void> {
      for (let i = 0; i < 3; i++) {
        await new Promise((resolve) => setTimeout(resolve));
        await harness.fixture.whenStable();
      }
    }

    async function openWithDesks(url: string): Promise<HTMLElement> {
      const page = await open(url);
      api
        .lastRead()
        .resolve([desk('A-01'), desk('A-02', { free: false, morningFree: false, afternoonFree: false }), desk('A-03')]);
      await settle();
      return page;
    }

    function marker(page: HTMLElement, code: string): HTMLButtonElement | null {
      return page.querySelector<HTMLButtonElement>(`button[data-marker-code="${code}"]`);
    }

    it('offers no view switch while the API has no floor plan', async () => {
      api.floorPlansByOffice = {};
      const page = await openWithDesks('/buchen?ansicht=grundriss');

      expect(page.querySelector('[data-testid="view-plan"]')).toBeNull();
      expect(statusOf(page, 'A-01')).toBe('free');
    });

    it('shows the list by default and switches to the plan, remembered in the URL', async () => {
      const page = await openWithDesks('/buchen');

      expect(page.querySelector('[data-testid="view-list"]')?.getAttribute('aria-pressed')).toBe('true');
      expect(statusOf(page, 'A-01')).toBe('free');
      expect(marker(page, 'A-01')).toBeNull();

      page.querySelector<HTMLButtonElement>('[data-testid="view-plan"]')?.click();
      await settle();

      expect(TestBed.inject(Router).url).toContain('ansicht=grundriss');
      expect(page.querySelector('[data-testid="view-plan"]')?.getAttribute('aria-pressed')).toBe('true');
      expect(page.querySelector('[data-desk-code]')).toBeNull();
      expect(page.querySelector('img')?.getAttribute('alt')).toBe('Erdgeschoss – Grundriss');

      page.querySelector<HTMLButtonElement>('[data-testid="view-list"]')?.click();
      await settle();
      expect(TestBed.inject(Router).url).not.toContain('ansicht');
      expect(statusOf(page, 'A-01')).toBe('free');
    });

    it('places named markers, lists desks without a position, and follows live changes', async () => {
      const page = await openWithDesks('/buchen?ansicht=grundriss');

      const free = marker(page, 'A-01');
      expect(free?.getAttribute('aria-label')).toBe('Platz A-01, frei – buchen');
      expect(free?.closest('li')?.style.left).toBe('25%');
      expect(free?.closest('li')?.style.top).toBe('50%');
      const taken = marker(page, 'A-02');
      expect(taken?.getAttribute('aria-label')).toBe('Platz A-02, belegt');
      expect(taken?.getAttribute('aria-disabled')).toBe('true');
      expect(page.querySelector('.unplaced')?.textContent).toContain('Ohne Position im Grundriss:');
      expect(marker(page, 'A-03')?.closest('.unplaced')).not.toBeNull();
      expect(page.querySelector('[data-testid="plan-legend"]')?.textContent?.replace(/\s+/g, ' ')).toContain(
        '✓ frei · ✕ belegt · ★ Ihre Buchung',
      );

      api.lastFollow().sink.next(desk('A-01', { free: false, morningFree: false, afternoonFree: false }));
      await settle();
      expect(marker(page, 'A-01')?.getAttribute('aria-label')).toBe('Platz A-01, belegt');
    });

    it('books a free desk from its marker, with the store action of the cards', async () => {
      const page = await openWithDesks('/buchen?ansicht=grundriss');

      marker(page, 'A-02')?.click();
      expect(bookings.bookDesk).not.toHaveBeenCalled();
      marker(page, 'A-01')?.click();
      expect(bookings.bookDesk).toHaveBeenCalledWith({ deskId: 'id-A-01', date: today, part: 'FULL_DAY' });
    });
  });
  describe('who is in', () => {
    function section(page: HTMLElement): HTMLElement {
      const found = page.querySelector<HTMLElement>('[data-testid="whos-in"]');
      if (found === null) throw new Error('no "Wer ist da?" section');
      return found;
    }

    function text(element: Element | null | undefined): string {
      return element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    }

    it('lists the colleagues who allow it, with desk, area, part of the day and favourites in words', async () => {
      colleagues.whosInList = [
        aColleagueInOffice('Wiebke Fischer', {
          colleague: { id: 'w', displayName: 'Wiebke Fischer', favourite: true },
        }),
        aColleagueInOffice('Mehmet Yılmaz', { deskCode: 'A-03', part: 'FULL_DAY' }),
      ];
      const page = await open('/buchen?buero=o1&datum=2099-01-05&teil=MORNING');
      await settle();

      expect(colleagues.whosInReads.at(-1)).toEqual({ officeId: 'o1', date: '2099-01-05' });
      const items = [...section(page).querySelectorAll('li')];
      expect(items.map((item) => text(item.querySelector('.whos-in__name')))).toEqual([
        'Wiebke Fischer ★ Favorit',
        'Mehmet Yılmaz',
      ]);
      expect(text(items[1]?.querySelector('.whos-in__where'))).toBe('Platz A-03 · Erdgeschoss · Ganzer Tag');
      expect(items[1]?.querySelector('button')?.getAttribute('aria-label')).toBe(
        'Daneben buchen (neben Mehmet Yılmaz)',
      );
    });

    it('explains an empty list and links to the profile', async () => {
      const page = await open('/buchen?buero=o1&datum=2099-01-05&teil=MORNING');
      await settle();

      expect(text(section(page))).toContain('Nur Kolleginnen und Kollegen, die das freigeben, erscheinen hier.');
      expect(section(page).querySelector('[data-testid="whos-in-empty"]')).not.toBeNull();
      expect(section(page).querySelector('a')?.getAttribute('href')).toBe('/profil#profile-settings');
    });

    it('reads again when a desk event of the office arrives', async () => {
      const page = await open('/buchen?buero=o1&datum=2099-01-05&teil=MORNING');
      api.lastRead().resolve([desk('A-01'), desk('A-02')]);
      await settle();
      const before = colleagues.whosInReads.length;

      colleagues.whosInList = [aColleagueInOffice('Wiebke Fischer', { deskCode: 'A-02' })];
      api.lastFollow().sink.next(desk('A-02', { free: false, morningFree: false, afternoonFree: false }));
      await settle();
      await settle();

      expect(colleagues.whosInReads.length).toBe(before + 1);
      expect(text(section(page))).toContain('Wiebke Fischer');
    });

    it('books next to a colleague for the part shown, says so and moves the focus to the desk', async () => {
      colleagues.whosInList = [aColleagueInOffice('Mehmet Yılmaz')];
      colleagues.nextBooking = aBooking({ deskId: 'id-A-04', deskCode: 'A-04' });
      const page = await open('/buchen?buero=o1&datum=2099-01-05&teil=MORNING');
      api.lastRead().resolve([desk('A-03', { free: false }), desk('A-04')]);
      await settle();

      section(page).querySelector('button')?.click();
      await settle();
      await settle();

      expect(colleagues.bookNextToCalls).toEqual([
        { colleagueId: 'p-Mehmet Yılmaz', date: '2099-01-05', part: 'MORNING' },
      ]);
      expect(text(section(page).querySelector('[role="status"]'))).toBe(
        'Erledigt: Platz A-04 neben Mehmet Yılmaz gebucht: Mo., 05.01.2099, Vormittag.',
      );
      expect(document.activeElement?.id).toBe('desk-id-A-04');
      // The person holds a desk that morning now: the button is gone and the page says why.
      expect(section(page).querySelector('button')).toBeNull();
      expect(text(section(page).querySelector('[data-testid="next-to-refusal"]'))).toContain(
        'Sie haben zu dieser Zeit schon Platz A-04',
      );
    });

    it('offers no "Daneben buchen" when the person holds a desk that day already, and says why', async () => {
      colleagues.whosInList = [aColleagueInOffice('Mehmet Yılmaz')];
      myBookings.mockResolvedValue([aBooking({ date: '2099-01-05', part: 'FULL_DAY', deskCode: 'B-01' })]);
      const page = await open('/buchen?buero=o1&datum=2099-01-05&teil=AFTERNOON');
      await settle();

      expect(section(page).querySelector('button')).toBeNull();
      expect(text(section(page).querySelector('[data-testid="next-to-refusal"]'))).toBe(
        'Hinweis: Sie haben zu dieser Zeit schon Platz B-01 in Co-Working Erlangen Hauptbahnhof gebucht (Ganzer Tag). ' +
          'Neben jemandem buchen können Sie nur, wenn Sie zu dieser Zeit noch keinen Platz haben. Stornieren Sie dafür zuerst Ihre Buchung.',
      );
    });
  });

  describe('favourite desks', () => {
    function toggle(page: HTMLElement, code: string): HTMLButtonElement | null {
      return page.querySelector<HTMLButtonElement>(`[data-desk-code="${code}"] [data-testid="favourite-toggle"]`);
    }

    it('marks favourites in words and toggles them with a pressed state named after the desk', async () => {
      colleagues.favouriteDeskList = [aFavouriteDesk('A-02')];
      const page = await open('/buchen?buero=o1&datum=2099-01-05&teil=MORNING');
      api.lastRead().resolve([desk('A-01'), desk('A-02')]);
      await settle();

      expect(toggle(page, 'A-02')?.getAttribute('aria-pressed')).toBe('true');
      expect(toggle(page, 'A-02')?.getAttribute('aria-label')).toBe('Platz A-02 als Favorit entfernen');
      expect(page.querySelector('[data-desk-code="A-02"] [data-testid="favourite-mark"]')?.textContent).toContain(
        'Ihr Favorit',
      );
      const first = toggle(page, 'A-01');
      expect(first?.getAttribute('aria-pressed')).toBe('false');
      expect(first?.textContent?.replace(/\s+/g, ' ').trim()).toBe('☆ Als Favorit merken');

      first?.click();
      await settle();

      expect(toggle(page, 'A-01')).toBe(first);
      expect(first?.getAttribute('aria-pressed')).toBe('true');
      expect(first?.textContent?.replace(/\s+/g, ' ').trim()).toBe('★ Favorit entfernen');
    });
  });
});
