import fc from 'fast-check';

import { chooseSeats, nearestSeat, type SeatCandidate } from './seating.js';

const desk = (deskId: string, areaId: string, code: string, x: number | null = null, y: number | null = null) => ({
  deskId,
  areaId,
  code,
  x,
  y,
});

/** Desks with distinct ids over up to four areas; placed on the floor plan or not, sometimes repeated. */
const desksArb: fc.Arbitrary<SeatCandidate[]> = fc
  .array(
    fc.record({
      area: fc.constantFrom('A', 'B', 'C', 'D'),
      number: fc.integer({ min: 1, max: 40 }),
      position: fc.option(
        fc.record({ x: fc.double({ min: 0, max: 1, noNaN: true }), y: fc.double({ min: 0, max: 1, noNaN: true }) }),
        {
          nil: null,
        },
      ),
    }),
    { maxLength: 30 },
  )
  .map((rows) =>
    rows.map((row, index) =>
      desk(
        `d${index}`,
        row.area,
        `${row.area}-${String(row.number).padStart(2, '0')}`,
        row.position?.x ?? null,
        row.position?.y ?? null,
      ),
    ),
  )
  .chain((desks) => fc.subarray(desks).map((repeated) => [...desks, ...repeated]));

const areaSizes = (desks: readonly SeatCandidate[]): Map<string, number> => {
  const sizes = new Map<string, Set<string>>();
  for (const d of desks) sizes.set(d.areaId, (sizes.get(d.areaId) ?? new Set()).add(d.deskId));
  return new Map([...sizes].map(([area, ids]) => [area, ids.size]));
};

describe('chooseSeats (property-based)', () => {
  it('never a desk twice, only free desks, min(count, free) of them', () => {
    fc.assert(
      fc.property(desksArb, fc.integer({ min: 0, max: 40 }), (desks, count) => {
        const choice = chooseSeats(desks, count);
        const free = new Set(desks.map((d) => d.deskId));
        expect(new Set(choice.deskIds).size).toBe(choice.deskIds.length);
        expect(choice.deskIds.every((id) => free.has(id))).toBe(true);
        expect(choice.deskIds.length).toBe(Math.min(count, free.size));
      }),
    );
  });

  it('all in one area when one area has enough free desks; otherwise the fewest areas possible', () => {
    fc.assert(
      fc.property(desksArb, fc.integer({ min: 1, max: 40 }), (desks, count) => {
        const choice = chooseSeats(desks, count);
        const areaOf = new Map(desks.map((d) => [d.deskId, d.areaId]));
        const used = new Set(choice.deskIds.map((id) => areaOf.get(id)));
        const sizes = [...areaSizes(desks).values()].sort((a, b) => b - a);
        if (sizes.some((size) => size >= count)) {
          expect(used.size).toBe(1);
          expect(choice.sideBySide).toBe(true);
        } else {
          // The fewest areas: as many as the largest areas need to hold everyone (or all of them).
          const total = sizes.reduce((sum, size) => sum + size, 0);
          let fewest = 0;
          for (let seated = 0; seated < Math.min(count, total); fewest += 1) seated += sizes[fewest] ?? 0;
          expect(used.size).toBe(fewest);
          expect(choice.sideBySide).toBe(used.size <= 1);
        }
      }),
    );
  });

  it('is deterministic: the same desks give the same choice', () => {
    fc.assert(
      fc.property(desksArb, fc.integer({ min: 0, max: 10 }), (desks, count) => {
        expect(chooseSeats(desks, count)).toEqual(chooseSeats(desks, count));
      }),
    );
  });
});

describe('chooseSeats (examples)', () => {
  it('takes the first area that fits, in code order when desks have no position', () => {
    const desks = [
      desk('a1', 'A', 'A-01'),
      desk('b3', 'B', 'B-03'),
      desk('b1', 'B', 'B-01'),
      desk('b10', 'B', 'B-10'),
      desk('b2', 'B', 'B-02'),
    ];
    expect(chooseSeats(desks, 3)).toEqual({ deskIds: ['b1', 'b2', 'b3'], sideBySide: true });
    expect(chooseSeats(desks, 1)).toEqual({ deskIds: ['a1'], sideBySide: true });
  });

  it('takes the most compact group on the floor plan', () => {
    const desks = [
      desk('far', 'A', 'A-01', 0, 0),
      desk('n1', 'A', 'A-02', 0.8, 0.8),
      desk('n2', 'A', 'A-03', 0.82, 0.8),
      desk('n3', 'A', 'A-04', 0.8, 0.83),
      desk('mid', 'A', 'A-05', 0.5, 0.5),
    ];
    expect(chooseSeats(desks, 3)).toEqual({ deskIds: ['n1', 'n2', 'n3'], sideBySide: true });
  });

  it('spreads over the fewest areas, largest first, when no area fits', () => {
    const desks = [
      desk('a1', 'A', 'A-01'),
      desk('b1', 'B', 'B-01'),
      desk('b2', 'B', 'B-02'),
      desk('c1', 'C', 'C-01'),
      desk('c2', 'C', 'C-02'),
      desk('c3', 'C', 'C-03'),
    ];
    expect(chooseSeats(desks, 5)).toEqual({ deskIds: ['c1', 'c2', 'c3', 'b1', 'b2'], sideBySide: false });
    expect(chooseSeats(desks, 9)).toEqual({
      deskIds: ['c1', 'c2', 'c3', 'b1', 'b2', 'a1'],
      sideBySide: false,
    });
  });

  it('chooses nothing for nobody or no desk, and refuses a negative count', () => {
    expect(chooseSeats([], 4)).toEqual({ deskIds: [], sideBySide: true });
    expect(chooseSeats([desk('a1', 'A', 'A-01')], 0)).toEqual({ deskIds: [], sideBySide: true });
    expect(() => chooseSeats([], -1)).toThrow(RangeError);
  });
});

describe('nearestSeat (property-based)', () => {
  it('gives a free desk, in an area of the team when one is free there, and undefined only when none is free', () => {
    fc.assert(
      fc.property(desksArb, fc.integer({ min: 0, max: 8 }), (desks, split) => {
        const taken = desks.slice(0, split);
        const takenIds = new Set(taken.map((d) => d.deskId));
        const free = desks.slice(split).filter((d) => !takenIds.has(d.deskId));
        const seat = nearestSeat(free, taken);
        if (free.length === 0) {
          expect(seat).toBeUndefined();
          return;
        }
        expect(free).toContainEqual(seat);
        const teamAreas = new Set(taken.map((d) => d.areaId));
        if (free.some((d) => teamAreas.has(d.areaId))) expect(teamAreas.has(seat?.areaId ?? '')).toBe(true);
      }),
    );
  });
});

describe('nearestSeat (examples)', () => {
  it('sits next to the team on the floor plan', () => {
    const taken = [desk('t1', 'A', 'A-05', 0.5, 0.5), desk('t2', 'A', 'A-06', 0.55, 0.5)];
    const free = [
      desk('f1', 'A', 'A-01', 0.1, 0.1),
      desk('f2', 'A', 'A-07', 0.6, 0.5),
      desk('b1', 'B', 'B-01', 0.5, 0.5),
    ];
    expect(nearestSeat(free, taken)?.deskId).toBe('f2');
  });

  it('sits next to the team in code order when desks have no position', () => {
    const taken = [desk('t1', 'A', 'A-05'), desk('t2', 'A', 'A-06')];
    const free = [desk('f1', 'A', 'A-01'), desk('f2', 'A', 'A-07'), desk('b1', 'B', 'B-01')];
    expect(nearestSeat(free, taken)?.deskId).toBe('f2');
  });

  it('prefers the area where most of the team sits', () => {
    const taken = [desk('t1', 'A', 'A-01'), desk('t2', 'B', 'B-01'), desk('t3', 'B', 'B-02')];
    const free = [desk('a2', 'A', 'A-02'), desk('b9', 'B', 'B-09')];
    expect(nearestSeat(free, taken)?.deskId).toBe('b9');
  });

  it('takes any free desk when none is free near the team, and none when nothing is free', () => {
    const taken = [desk('t1', 'A', 'A-01')];
    expect(nearestSeat([desk('c2', 'C', 'C-02'), desk('c1', 'C', 'C-01')], taken)?.deskId).toBe('c1');
    expect(nearestSeat([desk('c1', 'C', 'C-01')], [])?.deskId).toBe('c1');
    expect(nearestSeat([], taken)).toBeUndefined();
  });
});
