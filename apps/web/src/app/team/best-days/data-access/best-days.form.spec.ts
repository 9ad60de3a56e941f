import {
  absentText,
  addDays,
  canComeText,
  daysInRange,
  defaultDraft,
  draftProblem,
  formatLongGermanDate,
  freeDesksText,
} from './best-days.form';

describe('best days form', () => {
  it('adds days across month ends and daylight-saving changes', () => {
    expect(addDays('2026-11-23', 7)).toBe('2026-11-30');
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-10-25', 1)).toBe('2026-10-26');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-11-23', -1)).toBe('2026-11-22');
  });

  it('counts both ends of a range', () => {
    expect(daysInRange('2026-11-23', '2026-11-23')).toBe(1);
    expect(daysInRange('2026-03-01', '2026-04-30')).toBe(61);
  });

  it('offers four weeks from today', () => {
    expect(defaultDraft('2026-11-23')).toEqual({
      from: '2026-11-23',
      to: '2026-12-20',
      officeIds: [],
      part: 'FULL_DAY',
    });
  });

  it('accepts up to 62 days and refuses more, the past and reversed ranges', () => {
    const today = '2026-11-23';
    const draft = defaultDraft(today);
    expect(draftProblem(draft, today)).toBeNull();
    expect(draftProblem({ ...draft, to: addDays(today, 61) }, today)).toBeNull();
    expect(draftProblem({ ...draft, to: addDays(today, 62) }, today)).toContain('höchstens 62 Tage');
    expect(draftProblem({ ...draft, from: '2026-11-22' }, today)).toContain('Vergangenheit');
    expect(draftProblem({ ...draft, to: '2026-11-22' }, today)).toContain('vor dem ersten');
    expect(draftProblem({ ...draft, to: '' }, today)).toContain('gültiges Datum');
    const offices = Array.from({ length: 51 }, (_, index) => `o${index}`);
    expect(draftProblem({ ...draft, officeIds: offices }, today)).toContain('höchstens 50 Büros');
  });

  it('writes dates and counts in plain German', () => {
    expect(formatLongGermanDate('2026-11-24')).toBe('Dienstag, 24. November 2026');
    expect(canComeText(7, 9)).toBe('7 von 9 können kommen');
    expect(canComeText(1, 9)).toBe('1 von 9 kann kommen');
    expect(freeDesksText(0)).toBe('Kein Platz frei');
    expect(freeDesksText(1)).toBe('1 Platz frei');
    expect(absentText(0, 0)).toBeNull();
    expect(absentText(0, 2)).toBe('2 abwesend');
  });
});
