import { requireCivilDate } from './availability.service.js';
import { BookingRefusedError } from './bookings.errors.js';

const refusalCode = (date: string): string | undefined => {
  try {
    requireCivilDate(date);
    return undefined;
  } catch (error) {
    return error instanceof BookingRefusedError ? error.code : 'OTHER';
  }
};

describe('requireCivilDate (dates found valid are remembered, issue 8)', () => {
  it('answers a valid date the same the first time and every time after', () => {
    expect(requireCivilDate('2027-03-15')).toBe('2027-03-15');
    expect(requireCivilDate('2027-03-15')).toBe('2027-03-15');
    expect(requireCivilDate('2028-02-29')).toBe('2028-02-29');
  });

  it('refuses an impossible or malformed date every time, also beside remembered ones', () => {
    requireCivilDate('2027-02-28');
    for (let i = 0; i < 2; i++) {
      expect(refusalCode('2027-02-30')).toBe('INVALID_DATE');
      expect(refusalCode('2027-2-28')).toBe('INVALID_DATE');
      expect(refusalCode(' 2027-02-28')).toBe('INVALID_DATE');
      expect(refusalCode('1899-12-31')).toBe('INVALID_DATE');
    }
  });

  it('keeps answering right after more dates than it remembers', () => {
    const start = Date.UTC(2030, 0, 1);
    for (let day = 0; day < 5000; day++) {
      const date = new Date(start + day * 86_400_000).toISOString().slice(0, 10);
      expect(requireCivilDate(date)).toBe(date);
    }
    expect(requireCivilDate('2027-03-15')).toBe('2027-03-15');
    expect(refusalCode('2031-02-29')).toBe('INVALID_DATE');
  });
});
