import type { BookingQueryParams } from './booking-selection';
import { queryParamsFromSelection, queryParamsMatch, selectionFromQueryParams } from './booking-selection';

const TODAY = '2026-11-23';

function params(partial: Partial<BookingQueryParams>): BookingQueryParams {
  return { office: undefined, date: undefined, part: undefined, ...partial };
}

describe('booking selection in the URL', () => {
  it('reads office, date and part', () => {
    expect(selectionFromQueryParams(params({ office: 'o1', date: '2026-11-24', part: 'MORNING' }), TODAY)).toEqual({
      officeId: 'o1',
      date: '2026-11-24',
      part: 'MORNING',
    });
  });

  it('fills in today and the full day when nothing is given', () => {
    expect(selectionFromQueryParams(params({}), TODAY)).toEqual({
      officeId: null,
      date: TODAY,
      part: 'FULL_DAY',
    });
  });

  it('replaces past, impossible and malformed dates with today', () => {
    for (const date of ['2026-11-22', '2026-02-30', '24.11.2026', '']) {
      expect(selectionFromQueryParams(params({ date }), TODAY).date).toBe(TODAY);
    }
  });

  it('keeps today and later dates', () => {
    expect(selectionFromQueryParams(params({ date: TODAY }), TODAY).date).toBe(TODAY);
    expect(selectionFromQueryParams(params({ date: '2027-01-04' }), TODAY).date).toBe('2027-01-04');
  });

  it('ignores an unknown part of the day and a blank office', () => {
    const selection = selectionFromQueryParams(params({ office: '  ', part: 'EVENING' }), TODAY);
    expect(selection.officeId).toBeNull();
    expect(selection.part).toBe('FULL_DAY');
  });

  it('writes the German parameter names and reads them back', () => {
    const selection = { officeId: 'o2', date: '2026-11-24', part: 'AFTERNOON' } as const;
    const written = queryParamsFromSelection(selection);
    expect(written).toEqual({ buero: 'o2', datum: '2026-11-24', teil: 'AFTERNOON' });

    const readBack = params({
      office: written['buero'] ?? undefined,
      date: written['datum'] ?? undefined,
      part: written['teil'] ?? undefined,
    });
    expect(selectionFromQueryParams(readBack, TODAY)).toEqual(selection);
    expect(queryParamsMatch(readBack, selection)).toBe(true);
  });

  it('notices when the URL says something else', () => {
    const selection = { officeId: 'o2', date: TODAY, part: 'FULL_DAY' } as const;
    expect(queryParamsMatch(params({ office: 'o2', date: TODAY }), selection)).toBe(false);
    expect(queryParamsMatch(params({ office: 'o1', date: TODAY, part: 'FULL_DAY' }), selection)).toBe(false);
  });
});
