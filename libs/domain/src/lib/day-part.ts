/** Parts of a working day that can be booked. A full day holds both halves. */
export const DAY_PARTS = ['MORNING', 'AFTERNOON', 'FULL_DAY'] as const;
export type DayPart = (typeof DAY_PARTS)[number];

/** The two halves a day is made of; invariants 1 and 2 are stated per half-day. */
export type HalfDay = 'MORNING' | 'AFTERNOON';

export function isDayPart(value: unknown): value is DayPart {
  return typeof value === 'string' && (DAY_PARTS as readonly string[]).includes(value);
}

export function halvesOf(part: DayPart): readonly HalfDay[] {
  switch (part) {
    case 'MORNING':
      return ['MORNING'];
    case 'AFTERNOON':
      return ['AFTERNOON'];
    case 'FULL_DAY':
      return ['MORNING', 'AFTERNOON'];
  }
}

/** True when two parts of the same day share at least one half. */
export function partsOverlap(a: DayPart, b: DayPart): boolean {
  const halvesOfB = halvesOf(b);
  return halvesOf(a).some((half) => halvesOfB.includes(half));
}

/** Whether a desk is free for `part`, given which of its halves are taken. */
export function isFreeFor(part: DayPart, taken: ReadonlySet<HalfDay>): boolean {
  return halvesOf(part).every((half) => !taken.has(half));
}
