import type { CivilDate } from '@nahbar/domain';

import { checkInPhase, checkInWindow, isNoShowDue, officeInstant } from './check-in-window.js';

const times = { opens: '07:00:00', deadlineMorning: '10:00:00', deadlineAfternoon: '14:00' };
const day = (date: string): CivilDate => date as CivilDate;

describe('check-in window (Europe/Berlin, never the machine zone)', () => {
  it('reads the office times as Berlin wall-clock time in winter and summer', () => {
    expect(officeInstant(day('2026-01-15'), '07:00').toISOString()).toBe('2026-01-15T06:00:00.000Z');
    expect(officeInstant(day('2026-07-15'), '07:00:00').toISOString()).toBe('2026-07-15T05:00:00.000Z');
  });

  it('keeps the wall-clock times on the day the clocks go forward (29 March 2026)', () => {
    const window = checkInWindow(day('2026-03-29'), 'MORNING', times);
    expect(window.opens.toISOString()).toBe('2026-03-29T05:00:00.000Z');
    expect(window.deadline.toISOString()).toBe('2026-03-29T08:00:00.000Z');
    // The skipped hour moves forward with the clocks.
    expect(officeInstant(day('2026-03-29'), '02:30').toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('keeps the wall-clock times on the day the clocks go back (25 October 2026)', () => {
    const window = checkInWindow(day('2026-10-25'), 'AFTERNOON', times);
    expect(window.opens.toISOString()).toBe('2026-10-25T06:00:00.000Z');
    expect(window.deadline.toISOString()).toBe('2026-10-25T13:00:00.000Z');
  });

  it('uses the morning deadline for MORNING and FULL_DAY, the afternoon one for AFTERNOON', () => {
    const date = day('2026-03-29');
    const at1030 = new Date('2026-03-29T08:30:00Z'); // 10:30 CEST
    expect(checkInPhase(date, 'MORNING', times, at1030)).toBe('CLOSED');
    expect(checkInPhase(date, 'FULL_DAY', times, at1030)).toBe('CLOSED');
    expect(checkInPhase(date, 'AFTERNOON', times, at1030)).toBe('OPEN');
  });

  it('is not open before the opening time nor on an earlier day, open until just before the deadline', () => {
    const date = day('2026-10-25');
    expect(checkInPhase(date, 'MORNING', times, new Date('2026-10-25T05:59:59Z'))).toBe('NOT_OPEN'); // 06:59:59 CET
    expect(checkInPhase(date, 'MORNING', times, new Date('2026-10-25T06:00:00Z'))).toBe('OPEN');
    expect(checkInPhase(date, 'MORNING', times, new Date('2026-10-24T08:00:00Z'))).toBe('NOT_OPEN');
    expect(checkInPhase(date, 'MORNING', times, new Date('2026-10-25T08:59:59Z'))).toBe('OPEN');
    expect(checkInPhase(date, 'MORNING', times, new Date('2026-10-25T09:00:00Z'))).toBe('CLOSED');
    expect(isNoShowDue(date, 'MORNING', times, new Date('2026-10-25T09:00:00Z'))).toBe(true);
    expect(isNoShowDue(date, 'AFTERNOON', times, new Date('2026-10-25T09:00:00Z'))).toBe(false);
  });

  it('refuses what is not a time', () => {
    expect(() => officeInstant(day('2026-10-25'), 'noon')).toThrow(RangeError);
  });

  it('never counts a booking made at or after its deadline as a no-show: its window lasts the day', () => {
    const date = day('2026-10-25');
    const late = new Date('2026-10-25T10:00:00Z'); // 11:00 CET, after the 10:00 deadline
    expect(checkInWindow(date, 'MORNING', times, late).deadline.toISOString()).toBe('2026-10-25T23:00:00.000Z');
    expect(checkInPhase(date, 'FULL_DAY', times, new Date('2026-10-25T22:59:00Z'), late)).toBe('OPEN');
    expect(isNoShowDue(date, 'MORNING', times, new Date('2026-10-25T22:59:00Z'), late)).toBe(false);
    const early = new Date('2026-10-20T10:00:00Z');
    expect(isNoShowDue(date, 'MORNING', times, new Date('2026-10-25T09:00:00Z'), early)).toBe(true);
  });
});
