import { addDays, type CivilDate, parseCivilDate, todayInOfficeZone, weekdayOf } from './civil-date.js';

describe('parseCivilDate', () => {
  it.each(['2027-03-15', '2028-02-29', '2026-12-31', '2027-01-01', '9998-12-31'])(
    'accepts the real day %s',
    (input) => {
      expect(parseCivilDate(input)).toEqual({ ok: true, date: input });
    },
  );

  it.each([
    '2027-02-30',
    '2027-02-29',
    '2027-04-31',
    '2027-13-01',
    '2027-00-10',
    '2027-01-00',
    '0000-01-01',
    '1899-12-31',
    // A year beyond it would take week and range arithmetic to year 10000, which has no YYYY-MM-DD form.
    '9999-01-01',
  ])('refuses the impossible day %s', (input) => {
    expect(parseCivilDate(input)).toEqual({ ok: false, reason: 'IMPOSSIBLE' });
  });

  it.each(['', '15.03.2027', '2027-3-15', '2027-03-15T00:00', ' 2027-03-15', '20270315', 'morgen'])(
    'refuses the malformed input %p',
    (input) => {
      expect(parseCivilDate(input)).toEqual({ ok: false, reason: 'MALFORMED' });
    },
  );
});

describe('todayInOfficeZone', () => {
  it('uses the Berlin calendar day, not the machine zone or UTC', () => {
    // 23:30 UTC on 31 Dec is already 1 Jan in Berlin (UTC+1 in winter).
    expect(todayInOfficeZone(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    // 21:59 UTC in summer is 23:59 in Berlin (UTC+2): still the same day.
    expect(todayInOfficeZone(new Date('2027-07-14T21:59:00Z'))).toBe('2027-07-14');
    expect(todayInOfficeZone(new Date('2027-07-14T22:00:00Z'))).toBe('2027-07-15');
  });
});

describe('addDays across daylight-saving changes', () => {
  it('keeps whole calendar days over the spring change (29 March 2026)', () => {
    expect(addDays('2026-03-28' as CivilDate, 1)).toBe('2026-03-29');
    expect(addDays('2026-03-28' as CivilDate, 2)).toBe('2026-03-30');
  });

  it('keeps whole calendar days over the autumn change (25 October 2026)', () => {
    expect(addDays('2026-10-24' as CivilDate, 1)).toBe('2026-10-25');
    expect(addDays('2026-10-25' as CivilDate, 1)).toBe('2026-10-26');
    expect(addDays('2026-10-26' as CivilDate, -2)).toBe('2026-10-24');
  });

  it('keeps the weekday: a Tuesday plus 7 days is a Tuesday across both changes', () => {
    let date = '2026-03-24' as CivilDate; // a Tuesday
    for (let week = 0; week < 40; week += 1) {
      expect(weekdayOf(date)).toBe(2);
      date = addDays(date, 7);
    }
  });
});
