import { type CivilDate, type Weekday } from './civil-date.js';
import { closureCovers, isOpenOn, type OfficeCalendar, whyClosed } from './office-calendar.js';

const d = (date: string): CivilDate => date as CivilDate;
const weekdaysOnly = new Set<Weekday>([1, 2, 3, 4, 5]);

const bavarian: OfficeCalendar = {
  land: 'BY',
  openingWeekdays: weekdaysOnly,
  closures: [
    { from: d('2027-12-24'), to: d('2028-01-01'), reason: 'Betriebsferien' },
    { from: d('2027-06-04'), to: d('2027-06-04'), reason: 'Umzug' },
  ],
};

describe('whyClosed', () => {
  it('is undefined on an ordinary working day', () => {
    expect(whyClosed(bavarian, d('2027-03-09'))).toBeUndefined();
    expect(isOpenOn(bavarian, d('2027-03-09'))).toBe(true);
  });

  it("names the Land's public holiday", () => {
    expect(whyClosed(bavarian, d('2027-10-04'))).toBeUndefined();
    const reason = whyClosed(bavarian, d('2027-11-01'));
    expect(reason).toEqual({ code: 'HOLIDAY', holiday: { date: '2027-11-01', name: 'Allerheiligen' }, land: 'BY' });
  });

  it('names a holiday before a closure covering the same day', () => {
    expect(whyClosed(bavarian, d('2027-12-25'))?.code).toBe('HOLIDAY');
    expect(whyClosed(bavarian, d('2027-12-27'))).toEqual({ code: 'CLOSURE', closure: bavarian.closures[0] });
  });

  it('treats both ends of a closure as closed, the days around it as open', () => {
    expect(whyClosed(bavarian, d('2027-12-23'))).toBeUndefined();
    expect(whyClosed(bavarian, d('2027-12-24'))?.code).toBe('CLOSURE');
    expect(whyClosed(bavarian, d('2027-12-31'))?.code).toBe('CLOSURE');
    expect(whyClosed(bavarian, d('2028-01-03'))).toBeUndefined();
    expect(whyClosed(bavarian, d('2027-06-04'))?.code).toBe('CLOSURE');
    expect(whyClosed(bavarian, d('2027-06-03'))).toBeUndefined();
    expect(whyClosed(bavarian, d('2027-05-27'))?.code).toBe('HOLIDAY'); // Fronleichnam
  });

  it('names the weekday when the office does not open on it, across a daylight-saving change', () => {
    expect(whyClosed(bavarian, d('2027-03-27'))).toEqual({ code: 'CLOSED_WEEKDAY', weekday: 6 });
    // 28 March 2027 is the change itself (and Easter Sunday, a holiday in Brandenburg only).
    expect(whyClosed(bavarian, d('2027-03-28'))).toEqual({ code: 'CLOSED_WEEKDAY', weekday: 7 });
    expect(whyClosed({ ...bavarian, land: 'BB' }, d('2027-03-28'))?.code).toBe('HOLIDAY');
    expect(whyClosed(bavarian, d('2027-03-30'))).toBeUndefined();
  });

  it('uses the opening weekdays of the office', () => {
    const tuesdayAndThursday: OfficeCalendar = { land: 'HE', openingWeekdays: new Set<Weekday>([2, 4]), closures: [] };
    expect(whyClosed(tuesdayAndThursday, d('2026-10-26'))).toEqual({ code: 'CLOSED_WEEKDAY', weekday: 1 });
    expect(whyClosed(tuesdayAndThursday, d('2026-10-27'))).toBeUndefined();
    expect(whyClosed(tuesdayAndThursday, d('2026-10-29'))).toBeUndefined();
  });
});

describe('closureCovers', () => {
  it('is inclusive at both ends', () => {
    const closure = { from: d('2027-03-26'), to: d('2027-03-29'), reason: 'x' };
    expect(closureCovers(closure, d('2027-03-25'))).toBe(false);
    expect(closureCovers(closure, d('2027-03-26'))).toBe(true);
    expect(closureCovers(closure, d('2027-03-29'))).toBe(true);
    expect(closureCovers(closure, d('2027-03-30'))).toBe(false);
  });
});
