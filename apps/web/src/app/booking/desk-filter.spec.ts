import { aDesk } from '../../testing/desk-availability';
import type { DeskFilterQueryParams } from './desk-filter';
import {
  deskFilterArgument,
  deskMatchesFilter,
  filterFromQueryParams,
  isFilterActive,
  NO_DESK_FILTER,
  queryParamsFromFilter,
} from './desk-filter';

function params(partial: Partial<DeskFilterQueryParams>): DeskFilterQueryParams {
  return { equipment: undefined, accessible: undefined, area: undefined, ...partial };
}

/** What the router would hand back after the page wrote `written` (null means the parameter is gone). */
function readBack(written: Record<string, string | null>): DeskFilterQueryParams {
  return params({
    equipment: written['ausstattung'] ?? undefined,
    accessible: written['barrierefrei'] ?? undefined,
    area: written['bereich'] ?? undefined,
  });
}

describe('desk filters in the URL', () => {
  it('means no filter when nothing is given', () => {
    expect(filterFromQueryParams(params({}))).toEqual(NO_DESK_FILTER);
    expect(isFilterActive(NO_DESK_FILTER)).toBe(false);
  });

  it('writes German parameter names and reads them back the same', () => {
    const filter = { equipment: ['DOCKING_STATION', 'MONITOR'], accessibleOnly: true, areaId: 'a2' };
    const written = queryParamsFromFilter(filter);
    expect(written).toEqual({ ausstattung: 'DOCKING_STATION,MONITOR', barrierefrei: 'ja', bereich: 'a2' });
    expect(filterFromQueryParams(readBack(written))).toEqual(filter);
  });

  it('removes the parameters of filters that are off', () => {
    expect(queryParamsFromFilter(NO_DESK_FILTER)).toEqual({ ausstattung: null, barrierefrei: null, bereich: null });
    expect(filterFromQueryParams(readBack(queryParamsFromFilter(NO_DESK_FILTER)))).toEqual(NO_DESK_FILTER);
  });

  it('sorts equipment and drops blanks and duplicates, so the same filter has one URL', () => {
    const filter = filterFromQueryParams(params({ equipment: 'MONITOR,,DOCKING_STATION,MONITOR, ' }));
    expect(filter.equipment).toEqual(['DOCKING_STATION', 'MONITOR']);
  });

  it('reads only "ja" as accessible, and ignores a blank area', () => {
    expect(filterFromQueryParams(params({ accessible: 'true', area: '  ' }))).toEqual(NO_DESK_FILTER);
  });
});

describe('the filter argument and live events', () => {
  it('sends only what is filtered, and nothing for no filter', () => {
    expect(deskFilterArgument(NO_DESK_FILTER)).toBeUndefined();
    expect(deskFilterArgument({ equipment: ['MONITOR'], accessibleOnly: false, areaId: null })).toEqual({
      equipment: ['MONITOR'],
    });
    expect(deskFilterArgument({ equipment: [], accessibleOnly: true, areaId: 'a1' })).toEqual({
      accessible: true,
      areaId: 'a1',
    });
  });

  it('lets a desk pass only with all equipment asked for, accessible when asked, in the area asked', () => {
    const desk = aDesk('A-01', { equipment: ['MONITOR', 'DOCKING_STATION'], accessible: true, areaId: 'a1' });
    expect(deskMatchesFilter(desk, undefined)).toBe(true);
    expect(deskMatchesFilter(desk, { equipment: ['MONITOR', 'DOCKING_STATION'] })).toBe(true);
    expect(deskMatchesFilter(desk, { equipment: ['MONITOR', 'HEIGHT_ADJUSTABLE'] })).toBe(false);
    expect(deskMatchesFilter(desk, { accessible: true, areaId: 'a1' })).toBe(true);
    expect(deskMatchesFilter(desk, { areaId: 'a2' })).toBe(false);
    expect(deskMatchesFilter({ ...desk, accessible: false }, { accessible: true })).toBe(false);
  });
});
