import { BookingRefusalCode, checkBookingDate } from './booking-rules.js';

// 10:00 in Berlin on Tuesday 24 November 2026.
const now = new Date('2026-11-24T09:00:00Z');

describe('checkBookingDate', () => {
  it('accepts today and later days', () => {
    expect(checkBookingDate('2026-11-24', now)).toEqual({ ok: true, date: '2026-11-24' });
    expect(checkBookingDate('2027-02-28', now)).toEqual({ ok: true, date: '2027-02-28' });
  });

  it('refuses a day in the past with DATE_IN_PAST', () => {
    const result = checkBookingDate('2026-11-23', now);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.refusal.code).toBe(BookingRefusalCode.DateInPast);
  });

  it('decides "today" by the Berlin day even just after midnight in Berlin', () => {
    const justAfterMidnightInBerlin = new Date('2026-11-24T23:05:00Z'); // 00:05 on 25 Nov in Berlin
    const result = checkBookingDate('2026-11-24', justAfterMidnightInBerlin);
    expect(!result.ok && result.refusal.code).toBe(BookingRefusalCode.DateInPast);
  });

  it.each(['2027-02-30', 'tomorrow', '24.11.2026'])('refuses %p with INVALID_DATE and says what to do', (input) => {
    const result = checkBookingDate(input, now);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.refusal.code).toBe(BookingRefusalCode.InvalidDate);
      expect(result.refusal.message.length).toBeGreaterThan(10);
    }
  });
});
