import { TestBed } from '@angular/core/testing';
import { ActivatedRoute, convertToParamMap, provideRouter } from '@angular/router';
import { of } from 'rxjs';

import { anOffice } from '../../testing/office';
import type { Booking, CheckInDesk } from '../core/graphql/api.types';
import { GraphqlRequestError } from '../core/graphql/graphql-request.error';
import { CheckInPage, checkInState } from './check-in.page';
import { CheckInApi } from './data-access/check-in.api';

const OFFICE = anOffice('o1', 'Co-Working Erlangen Hauptbahnhof');

const BOOKING: Booking = {
  id: 'b1',
  date: '2026-11-24',
  part: 'MORNING',
  status: 'BOOKED',
  deskId: 'd3',
  deskCode: 'A-03',
  areaName: 'Offene Fläche',
  createdAt: '2026-11-20T09:00:00Z',
  office: OFFICE,
};

function aDesk(myBookingToday: Booking | null): CheckInDesk {
  return { deskId: 'd3', code: 'A-03', areaName: 'Offene Fläche', office: OFFICE, myBookingToday };
}

describe('checkInState', () => {
  it('offers the check-in for a booking of today', () => {
    expect(checkInState(aDesk(BOOKING), null)).toEqual({ kind: 'ready', booking: BOOKING });
  });

  it('says checked in for a booking already checked in, or after checking in here', () => {
    const checkedIn: Booking = { ...BOOKING, status: 'CHECKED_IN', checkedInAt: '2026-11-24T08:01:00Z' };
    expect(checkInState(aDesk(checkedIn), null).kind).toBe('checked-in');
    expect(checkInState(aDesk(BOOKING), checkedIn).kind).toBe('checked-in');
  });

  it('has nothing to check in without an active booking', () => {
    expect(checkInState(aDesk(null), null).kind).toBe('no-booking');
    expect(checkInState(aDesk({ ...BOOKING, status: 'RELEASED' }), null).kind).toBe('no-booking');
  });
});

describe('CheckInPage', () => {
  let api: { deskByToken: jest.Mock; checkIn: jest.Mock };

  async function render(): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      imports: [CheckInPage],
      providers: [
        provideRouter([]),
        { provide: CheckInApi, useValue: api },
        { provide: ActivatedRoute, useValue: { paramMap: of(convertToParamMap({ token: 'tok-a03' })) } },
      ],
    });
    const fixture = TestBed.createComponent(CheckInPage);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  /** Lets the click's request answer and the page show it. */
  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
    await new Promise((resolve) => setTimeout(resolve));
  }

  function button(root: HTMLElement, name: string): HTMLButtonElement | undefined {
    return [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
  }

  beforeEach(() => {
    api = { deskByToken: jest.fn(async () => aDesk(BOOKING)), checkIn: jest.fn() };
  });

  it('shows the desk and the booking of today, and checks in', async () => {
    api.checkIn.mockResolvedValue({ ...BOOKING, status: 'CHECKED_IN', checkedInAt: '2026-11-24T08:01:00Z' });
    const root = await render();

    expect(api.deskByToken).toHaveBeenCalledWith('tok-a03', expect.anything());
    expect(root.querySelector('[data-testid="check-in-desk"]')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Platz A-03 · Offene Fläche · Co-Working Erlangen Hauptbahnhof',
    );
    expect(root.textContent).toContain('Ihre Buchung heute: Vormittag');

    button(root, 'Jetzt einchecken')?.click();
    await settle();

    expect(api.checkIn).toHaveBeenCalledWith('tok-a03');
    expect(root.querySelector('#check-in-result')?.textContent).toContain('Sie sind eingecheckt. Schönen Arbeitstag!');
    expect(button(root, 'Jetzt einchecken')).toBeUndefined();
  });

  it('explains a check-in that is too early, in the API’s own words when it sends them', async () => {
    api.checkIn.mockRejectedValue(
      new GraphqlRequestError('CHECK_IN_NOT_OPEN', 'not open', { de: 'Einchecken ist ab 7:30 Uhr möglich.' }),
    );
    const root = await render();

    button(root, 'Jetzt einchecken')?.click();
    await settle();

    expect(root.querySelector('[role="alert"]')?.textContent).toContain('Einchecken ist ab 7:30 Uhr möglich.');
    expect(button(root, 'Jetzt einchecken')).toBeDefined();
  });

  it('explains a check-in that is too late and offers to book anew', async () => {
    api.checkIn.mockRejectedValue(new GraphqlRequestError('CHECK_IN_CLOSED', 'closed'));
    const root = await render();

    button(root, 'Jetzt einchecken')?.click();
    await settle();

    expect(root.querySelector('[role="alert"]')?.textContent).toContain('Die Zeit zum Einchecken ist vorbei.');
    expect(root.querySelector('a[href^="/buchen"]')?.textContent).toContain(
      'Einen Platz in Co-Working Erlangen Hauptbahnhof buchen',
    );
  });

  it('without a booking of today, explains that and links to booking in that office', async () => {
    api.deskByToken.mockResolvedValue(aDesk(null));
    const root = await render();

    expect(root.textContent).toContain('Sie haben heute keine Buchung für diesen Platz.');
    expect(button(root, 'Jetzt einchecken')).toBeUndefined();
    expect(root.querySelector('a[href^="/buchen"]')?.getAttribute('href')).toBe('/buchen?buero=o1');
  });

  it('says so when a booking is checked in already', async () => {
    api.deskByToken.mockResolvedValue(aDesk({ ...BOOKING, status: 'CHECKED_IN' }));
    const root = await render();

    expect(root.textContent).toContain('Sie sind eingecheckt. Schönen Arbeitstag!');
  });

  it('explains an unknown QR code', async () => {
    api.deskByToken.mockRejectedValue(new GraphqlRequestError('DESK_NOT_FOUND', 'not found'));
    const root = await render();

    expect(root.querySelector('[role="alert"]')?.textContent).toContain('Zu diesem QR-Code gibt es keinen Platz');
  });
});
