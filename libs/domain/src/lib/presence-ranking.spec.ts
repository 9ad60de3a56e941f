import fc from 'fast-check';

import { type CivilDate } from './civil-date.js';
import { canComeOf, explainPresenceDay, type PresenceDayCandidate, rankPresenceDays } from './presence-ranking.js';

const candidate = (overrides: Partial<PresenceDayCandidate>): PresenceDayCandidate => ({
  date: '2027-03-09' as CivilDate,
  officeId: 'office-a',
  members: 9,
  bookedElsewhere: 0,
  away: 0,
  bookedHere: 0,
  freeDesks: 20,
  ...overrides,
});

describe('explainPresenceDay', () => {
  it('says how many can come and why the others cannot, in German and English', () => {
    const day = candidate({ bookedElsewhere: 2 });
    expect(explainPresenceDay(day, canComeOf(day))).toEqual({
      de: '7 von 9 können kommen; 2 haben an einem anderen Standort gebucht.',
      en: '7 of 9 can come; 2 are booked at another office.',
    });
  });

  it('names away answers and missing desks, in the singular too', () => {
    const day = candidate({ bookedElsewhere: 1, away: 1, freeDesks: 1, bookedHere: 2 });
    expect(explainPresenceDay(day, canComeOf(day))).toEqual({
      de: '3 von 9 können kommen; 1 hat an einem anderen Standort gebucht; 1 hat für diesen Tag abgesagt; nur 1 Platz ist frei.',
      en: '3 of 9 can come; 1 is booked at another office; 1 is away that day; only 1 desk is free.',
    });
    const one = candidate({ away: 3, freeDesks: 1, members: 4 });
    expect(explainPresenceDay(one, canComeOf(one)).de).toBe('1 von 4 kann kommen; 3 haben für diesen Tag abgesagt.');
  });

  it('says when everybody can come', () => {
    const day = candidate({});
    expect(explainPresenceDay(day, canComeOf(day))).toEqual({ de: 'Alle 9 können kommen.', en: 'All 9 can come.' });
  });
});

describe('rankPresenceDays', () => {
  it('puts the days where most can come first, then fewer kept away, more desks, earlier date', () => {
    const ranked = rankPresenceDays(
      [
        candidate({ date: '2027-03-08' as CivilDate, bookedElsewhere: 2 }),
        candidate({ date: '2027-03-09' as CivilDate }),
        candidate({ date: '2027-03-10' as CivilDate, freeDesks: 5 }),
        candidate({ date: '2027-03-11' as CivilDate, freeDesks: 0 }),
        candidate({ date: '2027-03-12' as CivilDate, officeId: 'office-b' }),
        candidate({ date: '2027-03-09' as CivilDate, officeId: 'office-b', freeDesks: 30 }),
      ],
      4,
    );
    expect(ranked.map((day) => [day.date, day.officeId, day.canCome])).toEqual([
      ['2027-03-09', 'office-b', 9],
      ['2027-03-09', 'office-a', 9],
      ['2027-03-12', 'office-b', 9],
      ['2027-03-08', 'office-a', 7],
    ]);
  });

  it('counts members booked at the office already as coming without a desk', () => {
    const [day] = rankPresenceDays([candidate({ bookedHere: 4, freeDesks: 2 })], 1);
    expect(day?.canCome).toBe(6);
  });

  it('leaves out days where nobody can come', () => {
    expect(rankPresenceDays([candidate({ freeDesks: 0 }), candidate({ away: 9 })], 10)).toEqual([]);
  });

  const candidateArb: fc.Arbitrary<PresenceDayCandidate> = fc
    .record({
      members: fc.integer({ min: 0, max: 30 }),
      elsewhere: fc.nat(30),
      away: fc.nat(30),
      here: fc.nat(30),
      freeDesks: fc.nat(40),
      day: fc.integer({ min: 1, max: 28 }),
      office: fc.constantFrom('a', 'b', 'c', 'd'),
    })
    .map(({ members, elsewhere, away, here, freeDesks, day, office }) => {
      const bookedElsewhere = Math.min(elsewhere, members);
      const awayCount = Math.min(away, members - bookedElsewhere);
      return {
        date: `2027-10-${String(day).padStart(2, '0')}` as CivilDate,
        officeId: office,
        members,
        bookedElsewhere,
        away: awayCount,
        bookedHere: Math.min(here, members - bookedElsewhere - awayCount),
        freeDesks,
      };
    });

  it('gives at most `limit` days, sorted by how many can come, each within what is possible', () => {
    fc.assert(
      fc.property(fc.array(candidateArb, { maxLength: 40 }), fc.integer({ min: 0, max: 12 }), (candidates, limit) => {
        const ranked = rankPresenceDays(candidates, limit);
        expect(ranked.length).toBeLessThanOrEqual(limit);
        for (const [index, day] of ranked.entries()) {
          expect(day.canCome).toBeGreaterThan(0);
          expect(day.canCome).toBeLessThanOrEqual(day.members - day.bookedElsewhere - day.away);
          expect(day.canCome).toBeLessThanOrEqual(day.freeDesks + day.bookedHere);
          expect(day.explanation.en.startsWith(day.canCome === day.members ? 'All' : `${day.canCome} of`)).toBe(
            day.members !== 1 || day.canCome !== 1,
          );
          const previous = ranked[index - 1];
          if (previous) expect(previous.canCome).toBeGreaterThanOrEqual(day.canCome);
        }
        // No candidate left out can bring more members together than the last one shown.
        const last = ranked[ranked.length - 1];
        if (last && ranked.length === limit) {
          const best = Math.max(...candidates.map(canComeOf));
          expect(ranked[0]?.canCome).toBe(best);
        }
      }),
      { numRuns: 200 },
    );
  });
});
