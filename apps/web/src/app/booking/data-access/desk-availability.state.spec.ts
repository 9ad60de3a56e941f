import { aDesk } from '../../../testing/desk-availability';
import type { DeskAvailability } from '../../core/graphql/api.types';
import {
  describeStatusChange,
  deskStatus,
  groupDesksByArea,
  isFreeFor,
  replaceDesk,
  withoutOwnBooking,
  withOwnBooking,
} from './desk-availability.state';

const desk = ({ code, ...partial }: Partial<DeskAvailability> & { code: string }): DeskAvailability =>
  aDesk(code, partial);

describe('deskStatus', () => {
  it('is free, taken, or mine', () => {
    expect(deskStatus(desk({ code: 'A-01' }))).toBe('free');
    expect(deskStatus(desk({ code: 'A-01', free: false }))).toBe('taken');
    expect(deskStatus(desk({ code: 'A-01', free: false, myBookingId: 'b1' }))).toBe('mine');
  });

  it('stays free when my booking holds only the other half of the day', () => {
    expect(deskStatus(desk({ code: 'A-01', morningFree: false, free: true, myBookingId: 'b1' }))).toBe('free');
  });
});

describe('isFreeFor', () => {
  it.each([
    ['MORNING', true, false, true],
    ['MORNING', false, true, false],
    ['AFTERNOON', false, true, true],
    ['AFTERNOON', true, false, false],
    ['FULL_DAY', true, true, true],
    ['FULL_DAY', true, false, false],
    ['FULL_DAY', false, true, false],
  ] as const)('%s with morning %s and afternoon %s free: %s', (part, m, a, expected) => {
    expect(isFreeFor(part, m, a)).toBe(expected);
  });
});

describe('replaceDesk', () => {
  const list = [desk({ code: 'A-01' }), desk({ code: 'A-02' }), desk({ code: 'A-03' })];

  it('puts the changed desk in its place and leaves the rest as they were', () => {
    const changed = desk({ code: 'A-02', free: false, morningFree: false });
    const next = replaceDesk(list, changed);

    expect(next.map((d) => d.code)).toEqual(['A-01', 'A-02', 'A-03']);
    expect(next[1]).toBe(changed);
    expect(next[0]).toBe(list[0]);
    expect(list[1]?.free).toBe(true);
  });

  it('adds a desk it does not know yet', () => {
    const added = desk({ code: 'B-01', areaName: 'OG' });
    expect(replaceDesk(list, added).map((d) => d.code)).toEqual(['A-01', 'A-02', 'A-03', 'B-01']);
  });
});

describe('groupDesksByArea', () => {
  it('groups in the order the areas first appear', () => {
    const areas = groupDesksByArea([
      desk({ code: 'B-01', areaName: 'Obergeschoss' }),
      desk({ code: 'A-01', areaName: 'Erdgeschoss' }),
      desk({ code: 'B-02', areaName: 'Obergeschoss' }),
    ]);
    expect(areas.map((a) => [a.areaName, a.desks.map((d) => d.code)])).toEqual([
      ['Obergeschoss', ['B-01', 'B-02']],
      ['Erdgeschoss', ['A-01']],
    ]);
  });

  it('gives no areas for no desks', () => {
    expect(groupDesksByArea([])).toEqual([]);
  });
});

describe('own booking and cancellation', () => {
  it('marks both halves taken for a full-day booking', () => {
    const booked = withOwnBooking(desk({ code: 'A-01' }), { id: 'b1', part: 'FULL_DAY' }, 'FULL_DAY');
    expect(booked).toMatchObject({
      morningFree: false,
      afternoonFree: false,
      free: false,
      myBookingId: 'b1',
    });
    expect(deskStatus(booked)).toBe('mine');
  });

  it('takes only the morning for a morning booking', () => {
    const booked = withOwnBooking(desk({ code: 'A-01' }), { id: 'b1', part: 'MORNING' }, 'MORNING');
    expect(booked).toMatchObject({ morningFree: false, afternoonFree: true, free: false });
  });

  it('frees the halves of the cancelled booking, not those of others', () => {
    const mine = desk({
      code: 'A-01',
      morningFree: false,
      afternoonFree: false,
      free: false,
      myBookingId: 'b1',
    });
    const cancelled = withoutOwnBooking(mine, { part: 'MORNING' }, 'FULL_DAY');
    expect(cancelled).toMatchObject({
      morningFree: true,
      afternoonFree: false,
      free: false,
      myBookingId: null,
    });
    expect(deskStatus(cancelled)).toBe('taken');
    expect(withoutOwnBooking(mine, { part: 'FULL_DAY' }, 'FULL_DAY').free).toBe(true);
  });
});

describe('describeStatusChange', () => {
  const free = desk({ code: 'A-03' });
  const taken = desk({ code: 'A-03', free: false, morningFree: false });

  it('announces a desk that someone else has taken or released', () => {
    expect(describeStatusChange(free, taken)).toBe('Platz A-03 ist jetzt belegt.');
    expect(describeStatusChange(taken, free)).toBe('Platz A-03 ist jetzt frei.');
  });

  it('stays quiet when the status did not change or the desk is new', () => {
    expect(describeStatusChange(free, { ...free })).toBeNull();
    expect(describeStatusChange(undefined, taken)).toBeNull();
  });
});
