import { aBooking } from '../../../testing/fake-colleagues-api';
import { alreadyBookedText, ownBookingAt, partsOverlap } from './colleagues.state';

describe('colleagues state', () => {
  it('knows which parts of the day share a half', () => {
    expect(partsOverlap('MORNING', 'AFTERNOON')).toBe(false);
    expect(partsOverlap('MORNING', 'MORNING')).toBe(true);
    expect(partsOverlap('FULL_DAY', 'AFTERNOON')).toBe(true);
    expect(partsOverlap('AFTERNOON', 'FULL_DAY')).toBe(true);
  });

  it('finds the own live booking at a time, not a cancelled one or another day', () => {
    const bookings = [
      aBooking({ id: 'cancelled', date: '2099-01-05', status: 'CANCELLED' }),
      aBooking({ id: 'other day', date: '2099-01-06' }),
      aBooking({ id: 'afternoon', date: '2099-01-05', part: 'AFTERNOON' }),
    ];
    expect(ownBookingAt(bookings, '2099-01-05', 'MORNING')).toBeNull();
    expect(ownBookingAt(bookings, '2099-01-05', 'FULL_DAY')?.id).toBe('afternoon');
  });

  it('says why no second desk can be booked, with the desk when known', () => {
    expect(alreadyBookedText(aBooking({ deskCode: 'B-01', part: 'FULL_DAY' }))).toMatch(
      /^Sie haben zu dieser Zeit schon Platz B-01 in Co-Working Erlangen Hauptbahnhof gebucht \(Ganzer Tag\)\. /,
    );
    expect(alreadyBookedText(null)).toMatch(/^Sie haben zu dieser Zeit schon einen Platz gebucht\. /);
  });
});
