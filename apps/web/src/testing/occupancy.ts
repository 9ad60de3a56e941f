import type { HalfDayOccupancy, OfficeOccupancy } from '../app/core/graphql/api.types';

/** Counts of one half of a day; free follows from the others. */
export function half(desks: number, booked: number, checkedIn = 0, blocked = 0, released = 0): HalfDayOccupancy {
  return { desks, booked, checkedIn, blocked, released, free: desks - booked - blocked };
}

/** An office of two areas, Erdgeschoss and Obergeschoss, with `morningBooked` desks booked in the morning. */
export function anOccupancy(morningBooked: number, partial: Partial<OfficeOccupancy> = {}): OfficeOccupancy {
  return {
    officeId: 'o1',
    officeName: 'Satellitenbüro Fürth Rathaus',
    date: '2026-11-24',
    areas: [
      { areaId: 'a1', areaName: 'Erdgeschoss', morning: half(6, morningBooked, 1, 1), afternoon: half(6, 2, 0, 1) },
      { areaId: 'a2', areaName: 'Obergeschoss', morning: half(4, 0), afternoon: half(4, 1, 1) },
    ],
    morning: half(10, morningBooked, 1, 1),
    afternoon: half(10, 3, 1, 1),
    ...partial,
  };
}
