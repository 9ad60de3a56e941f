import { type CivilDate } from './civil-date.js';
import { type LocalizedText } from './localized-text.js';

/**
 * One date at one office where a team could meet, with counts only (never names). The groups are disjoint: a member
 * booked at another office is not counted as away as well.
 */
export interface PresenceDayCandidate {
  readonly date: CivilDate;
  readonly officeId: string;
  /** Members of the team. */
  readonly members: number;
  /** Members with a live booking at another office overlapping the part of the day. */
  readonly bookedElsewhere: number;
  /** Members (not booked elsewhere) who answered AWAY to a team day of this team on that date. */
  readonly away: number;
  /** Members (neither elsewhere nor away) who hold a live booking at this office already: they need no desk. */
  readonly bookedHere: number;
  /** Desks still bookable for the part of the day: not blocked, not booked, within the capacity cap. */
  readonly freeDesks: number;
}

export interface RankedPresenceDay extends PresenceDayCandidate {
  /** How many members can be there together: those free to come, as far as desks (or their own bookings) allow. */
  readonly canCome: number;
  readonly explanation: LocalizedText;
}

/** Members free to come who would have a desk: their own booking there, or one of the free desks. */
export function canComeOf(candidate: PresenceDayCandidate): number {
  const free = Math.max(0, candidate.members - candidate.bookedElsewhere - candidate.away);
  const bookedHere = Math.min(candidate.bookedHere, free);
  return Math.min(free, bookedHere + Math.max(0, candidate.freeDesks));
}

/**
 * The best `limit` candidates: most members together first; then fewer members kept away (booked elsewhere, away),
 * more free desks, the earlier date, and the office id, so the order is total and stable. Candidates where nobody
 * can come are left out.
 */
export function rankPresenceDays(candidates: readonly PresenceDayCandidate[], limit: number): RankedPresenceDay[] {
  if (!Number.isInteger(limit) || limit < 0) throw new RangeError(`limit must be a whole number, 0 or more: ${limit}`);
  return candidates
    .map((candidate) => ({ ...candidate, canCome: canComeOf(candidate) }))
    .filter((candidate) => candidate.canCome > 0)
    .sort(
      (a, b) =>
        b.canCome - a.canCome ||
        a.bookedElsewhere + a.away - (b.bookedElsewhere + b.away) ||
        b.freeDesks - a.freeDesks ||
        (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) ||
        (a.officeId < b.officeId ? -1 : a.officeId > b.officeId ? 1 : 0),
    )
    .slice(0, limit)
    .map((candidate) => ({ ...candidate, explanation: explainPresenceDay(candidate, candidate.canCome) }));
}

/**
 * Why a day is suggested, e.g. "7 von 9 können kommen; 2 haben an einem anderen Standort gebucht." /
 * "7 of 9 can come; 2 are booked at another office."
 */
export function explainPresenceDay(candidate: PresenceDayCandidate, canCome: number): LocalizedText {
  const { members, bookedElsewhere, away } = candidate;
  const de: string[] = [];
  const en: string[] = [];
  if (canCome === members) {
    de.push(members === 1 ? 'Das einzige Mitglied kann kommen' : `Alle ${members} können kommen`);
    en.push(members === 1 ? 'The only member can come' : `All ${members} can come`);
  } else {
    de.push(`${canCome} von ${members} ${canCome === 1 ? 'kann' : 'können'} kommen`);
    en.push(`${canCome} of ${members} can come`);
  }
  if (bookedElsewhere > 0) {
    de.push(`${bookedElsewhere} ${bookedElsewhere === 1 ? 'hat' : 'haben'} an einem anderen Standort gebucht`);
    en.push(`${bookedElsewhere} ${bookedElsewhere === 1 ? 'is' : 'are'} booked at another office`);
  }
  if (away > 0) {
    de.push(`${away} ${away === 1 ? 'hat' : 'haben'} für diesen Tag abgesagt`);
    en.push(`${away} ${away === 1 ? 'is' : 'are'} away that day`);
  }
  const free = Math.max(0, members - bookedElsewhere - away);
  if (canCome < free) {
    const desks = Math.max(0, candidate.freeDesks);
    de.push(desks === 1 ? 'nur 1 Platz ist frei' : `nur ${desks} Plätze sind frei`);
    en.push(desks === 1 ? 'only 1 desk is free' : `only ${desks} desks are free`);
  }
  return { de: `${de.join('; ')}.`, en: `${en.join('; ')}.` };
}
