import type { CivilDate } from '@nahbar/domain';

import { type FreeDesk, type MemberOnDay, type OfficeDay, planSeating } from './team-day-seating.js';

const desk = (code: string, area = 'Fläche'): FreeDesk => ({
  deskId: `desk-${code}`,
  areaId: `area-${area}`,
  areaName: area,
  code,
  x: null,
  y: null,
});
const member = (name: string, extra: Partial<MemberOnDay> = {}): MemberOnDay => ({
  personId: `person-${name}`,
  displayName: name,
  answer: null,
  booked: null,
  ...extra,
});
const officeDay = (freeDesks: FreeDesk[], capacityRoom = Number.POSITIVE_INFINITY): OfficeDay => ({
  refusal: undefined,
  date: '2027-03-15' as CivilDate,
  freeDesks,
  capacityRoom,
});

describe('planSeating', () => {
  it('seats everyone not away and not booked, side by side, in order of name', () => {
    const plan = planSeating(
      [
        member('Anna'),
        member('Bernd', { answer: 'AWAY' }),
        member('Clara', { booked: 'HERE' }),
        member('Dana', { booked: 'ELSEWHERE' }),
        member('Emil', { answer: 'ATTENDING' }),
      ],
      officeDay([desk('A-01', 'A'), desk('B-01', 'B'), desk('B-02', 'B')]),
    );
    expect(plan).toEqual({
      members: 5,
      away: 1,
      alreadyBookedHere: 1,
      bookedElsewhere: 1,
      toSeat: 2,
      freeDesks: 3,
      seats: [
        { personId: 'person-Anna', deskId: 'desk-B-01' },
        { personId: 'person-Emil', deskId: 'desk-B-02' },
      ],
      shortfall: 0,
      sideBySide: true,
      areaName: 'B',
    });
  });

  it('leaves the last names without a desk when desks or the capacity cap are short', () => {
    const people = [member('Anna'), member('Bernd'), member('Clara')];
    const short = planSeating(people, officeDay([desk('P-01'), desk('P-02')]));
    expect(short.seats.map((seat) => seat.personId)).toEqual(['person-Anna', 'person-Bernd']);
    expect(short.shortfall).toBe(1);
    const capped = planSeating(people, officeDay([desk('P-01'), desk('P-02'), desk('P-03')], 1));
    expect(capped).toMatchObject({ freeDesks: 1, shortfall: 2, seats: [{ personId: 'person-Anna' }] });
  });

  it('seats nobody on a day the office refuses', () => {
    const plan = planSeating([member('Anna')], {
      ...officeDay([desk('P-01')]),
      refusal: { code: 'HOLIDAY', message: 'holiday' },
    });
    expect(plan).toMatchObject({ toSeat: 1, freeDesks: 0, seats: [], shortfall: 1, areaName: null });
  });
});
