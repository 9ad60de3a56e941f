import { DAY_PARTS, type DayPart, type HalfDay, halvesOf, isDayPart, isFreeFor, partsOverlap } from './day-part.js';

describe('parts of the day', () => {
  it('a full day holds both halves', () => {
    expect(halvesOf('FULL_DAY')).toEqual(['MORNING', 'AFTERNOON']);
    expect(halvesOf('MORNING')).toEqual(['MORNING']);
    expect(halvesOf('AFTERNOON')).toEqual(['AFTERNOON']);
  });

  const overlapTable: [DayPart, DayPart, boolean][] = [
    ['MORNING', 'MORNING', true],
    ['MORNING', 'AFTERNOON', false],
    ['AFTERNOON', 'MORNING', false],
    ['AFTERNOON', 'AFTERNOON', true],
    ['FULL_DAY', 'MORNING', true],
    ['FULL_DAY', 'AFTERNOON', true],
    ['MORNING', 'FULL_DAY', true],
    ['AFTERNOON', 'FULL_DAY', true],
    ['FULL_DAY', 'FULL_DAY', true],
  ];
  it.each(overlapTable)('%s and %s overlap: %s', (a, b, expected) => {
    expect(partsOverlap(a, b)).toBe(expected);
  });

  it('overlap is symmetric for every pair', () => {
    for (const a of DAY_PARTS) {
      for (const b of DAY_PARTS) {
        expect(partsOverlap(a, b)).toBe(partsOverlap(b, a));
      }
    }
  });

  it('a desk is free for a part only when none of its halves is taken', () => {
    const none = new Set<HalfDay>();
    const morning = new Set<HalfDay>(['MORNING']);
    const both = new Set<HalfDay>(['MORNING', 'AFTERNOON']);
    expect(isFreeFor('FULL_DAY', none)).toBe(true);
    expect(isFreeFor('FULL_DAY', morning)).toBe(false);
    expect(isFreeFor('AFTERNOON', morning)).toBe(true);
    expect(isFreeFor('MORNING', morning)).toBe(false);
    expect(isFreeFor('AFTERNOON', both)).toBe(false);
  });

  it('recognises only the three parts', () => {
    expect(isDayPart('MORNING')).toBe(true);
    expect(isDayPart('FULL_DAY')).toBe(true);
    expect(isDayPart('morning')).toBe(false);
    expect(isDayPart('EVENING')).toBe(false);
    expect(isDayPart(3)).toBe(false);
  });
});
