import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';

import type { Booking } from '../../core/graphql/api.types';
import { MyBookingItem } from './my-booking-item';

const BOOKING: Booking = {
  id: 'b1',
  date: '2026-11-24',
  part: 'MORNING',
  status: 'BOOKED',
  deskId: 'd3',
  deskCode: 'A-03',
  areaName: 'Erdgeschoss',
  createdAt: '2026-11-20T09:00:00Z',
  office: {
    id: 'o1',
    name: 'Coworking im Rathaus',
    address: 'Marktplatz 1',
    deskCount: 12,
    municipality: { ags: '09162000', name: 'München', land: 'BY' },
    operator: { id: 'org', name: 'Stadt München' },
  },
};

describe('MyBookingItem', () => {
  let fixture: ComponentFixture<MyBookingItem>;
  let root: HTMLElement;
  let cancel: jest.Mock;

  function buttons(): HTMLButtonElement[] {
    return [...root.querySelectorAll('button')];
  }

  beforeEach(async () => {
    fixture = TestBed.createComponent(MyBookingItem);
    fixture.componentRef.setInput('booking', BOOKING);
    cancel = jest.fn();
    fixture.componentInstance.cancelBooking.subscribe(cancel);
    await fixture.whenStable();
    root = fixture.nativeElement as HTMLElement;
  });

  it('shows date, part of the day, office and desk in German', () => {
    expect(root.textContent).toContain('Di., 24.11.2026 · Vormittag');
    expect(root.textContent).toContain('Coworking im Rathaus, München');
    expect(root.textContent).toContain('A-03');
  });

  it('cancels only after a second click on the same button', async () => {
    buttons()[0]?.click();
    await fixture.whenStable();

    expect(cancel).not.toHaveBeenCalled();
    expect(buttons()[0]?.textContent?.trim()).toBe('Wirklich stornieren?');
    expect(buttons()[0]?.getAttribute('aria-label')).toBe(
      'Wirklich stornieren? – Platz A-03, Di., 24.11.2026, Vormittag',
    );

    buttons()[0]?.click();
    expect(cancel).toHaveBeenCalledTimes(1);
  });

  it('can be talked out of cancelling', async () => {
    buttons()[0]?.click();
    await fixture.whenStable();
    const keep = buttons().find((b) => b.textContent?.includes('Nein, behalten'));
    keep?.click();
    await fixture.whenStable();

    expect(buttons()).toHaveLength(1);
    expect(buttons()[0]?.textContent?.trim()).toBe('Stornieren');
    expect(cancel).not.toHaveBeenCalled();
  });
});
