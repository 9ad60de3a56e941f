import { aDesk } from '../../../testing/desk-availability';
import type { DeskAvailability } from '../../core/graphql/api.types';
import {
  blockedText,
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

  const BLOCKED = { free: false, morningFree: false, afternoonFree: false, blocked: true } as const;

  it('is blocked for a blocked desk, unless my booking from before the block is on it', () => {
    expect(deskStatus(desk({ code: 'A-03', ...BLOCKED, blockedReason: 'Stuhl defekt' }))).toBe('blocked');
    expect(deskStatus(desk({ code: 'A-03', ...BLOCKED, myBookingId: 'b1' }))).toBe('mine');
    expect(deskStatus(desk({ code: 'A-03', ...BLOCKED }), true)).toBe('blocked');
  });

  it('is closed for a free desk on a day the office takes no bookings; taken and mine stay', () => {
    expect(deskStatus(desk({ code: 'A-01' }), true)).toBe('closed');
    expect(deskStatus(desk({ code: 'A-01', free: false }), true)).toBe('taken');
    expect(deskStatus(desk({ code: 'A-01', free: false, myBookingId: 'b1' }), true)).toBe('mine');
  });
});

describe('blockedText', () => {
  it('says why a desk is blocked, in words', () => {
    expect(blockedText({ blockedReason: 'Stuhl defekt' })).toBe('gesperrt: Stuhl defekt');
    expect(blockedText({ blockedReason: '  ' })).toBe('gesperrt');
    expect(blockedText({ blockedReason: null })).toBe('gesperrt');
  });

  it('is announced when a desk is blocked under the user’s eyes', () => {
    const after = desk({ code: 'A-03', free: false, blocked: true, blockedReason: 'Umbau' });
    expect(describeStatusChange(desk({ code: 'A-03' }), after)).toBe('Platz A-03 ist jetzt gesperrt: Umbau.');
  });

  it('keeps a blocked desk unavailable when the own booking on it is cancelled', () => {
    const mine = desk({ code: 'A-03', free: false, morningFree: false, blocked: true, myBookingId: 'b1' });
    expect(withoutOwnBooking(mine, { part: 'MORNING' }, 'MORNING')).toMatchObject({
      free: false,
      morningFree: false,
      afternoonFree: false,
      myBookingId: null,
    });
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
