import type {
  DayPart,
  PresenceAnswer,
  PresenceAnswerCounts,
  PresenceDay,
  PresenceDayChange,
} from '../../core/graphql/api.types';
import { DAY_PART_LABELS } from '../../shared/labels/day-part.labels';
import type { DateRange } from './team-dates';
import { formatLongGermanDate } from './team-dates';

const PART_ORDER: Readonly<Record<DayPart, number>> = { MORNING: 0, FULL_DAY: 1, AFTERNOON: 2 };

function byDateAndPart(a: PresenceDay, b: PresenceDay): number {
  return a.date.localeCompare(b.date) || PART_ORDER[a.part] - PART_ORDER[b.part];
}

export function inRange(date: string, range: DateRange): boolean {
  return date >= range.from && date <= range.to;
}

/** The list with `day` put in its place by date, or taken out when it is cancelled or outside `range`. */
export function upsertDay(days: readonly PresenceDay[], day: PresenceDay, range: DateRange): PresenceDay[] {
  const others = days.filter((candidate) => candidate.id !== day.id);
  if (day.cancelled || !inRange(day.date, range)) {
    return others;
  }
  return [...others, day].sort(byDateAndPart);
}

/** "Dienstag, 24. November 2026, ganzer Tag, in Rathaus Erlangen" */
export function describeDay(day: PresenceDay): string {
  return `${formatLongGermanDate(day.date)}, ${DAY_PART_LABELS[day.part]}, in ${day.office.name}`;
}

/** The sentence a screen reader hears when someone else changed a team day; null for answers (counts only). */
export function liveChangeText(change: PresenceDayChange): string | null {
  const day = change.presenceDay;
  switch (change.reason) {
    case 'CREATED':
      return day.mandatory
        ? $localize`Neuer Teamtag: ${describeDay(day)}:day:. Die Teilnahme ist verpflichtend.`
        : $localize`Neuer Teamtag: ${describeDay(day)}:day:.`;
    case 'MOVED':
      return $localize`Ein Teamtag wurde verlegt. Neuer Termin: ${describeDay(day)}:day:.`;
    case 'CANCELLED':
      return $localize`Der Teamtag am ${describeDay(day)} wurde abgesagt.`;
    default:
      return null;
  }
}

/** What the person is told after answering. */
export function answeredText(day: PresenceDay, answer: PresenceAnswer): string {
  const date = formatLongGermanDate(day.date);
  if (answer === 'AWAY') {
    return $localize`Ihre Antwort ist gespeichert: Sie sind am ${date} abwesend. Ein Platz für Sie an diesem Tag ist wieder frei.`;
  }
  const booking = day.myBooking;
  if (booking !== null) {
    return $localize`Ihre Antwort ist gespeichert: Sie kommen am ${date}. Ihr Platz: ${booking.deskCode} im Bereich ${booking.areaName}.`;
  }
  return $localize`Ihre Antwort ist gespeichert: Sie kommen am ${date}:date:. Für Sie ist aber kein Platz mehr frei. Auf der Seite „Buchen“ können Sie sich auf die Warteliste setzen.`;
}

function people(count: number): string {
  return count === 1 ? $localize`1 Person` : $localize`${count}:count: Personen`;
}

/** "3 kommen, 1 ist abwesend, 2 haben noch nicht geantwortet. 3 haben einen Platz." */
export function countsText(counts: PresenceAnswerCounts): string {
  const attending = counts.attending === 1 ? $localize`1 kommt` : $localize`${counts.attending}:count: kommen`;
  const away = counts.away === 1 ? $localize`1 ist abwesend` : $localize`${counts.away} sind abwesend`;
  const open =
    counts.open === 1
      ? $localize`1 hat noch nicht geantwortet`
      : $localize`${counts.open} haben noch nicht geantwortet`;
  const seated =
    counts.seated === 1 ? $localize`1 Person hat einen Platz` : $localize`${people(counts.seated)} haben einen Platz`;
  return `${attending}, ${away}, ${open}. ${seated}.`;
}

export const ANSWER_LABELS: Readonly<Record<PresenceAnswer, string>> = {
  ATTENDING: $localize`kommt`,
  AWAY: $localize`abwesend`,
};

/** A member's answer in words, for the lead's list. */
export function memberAnswerText(answer: PresenceAnswer | null, seated: boolean): string {
  if (answer === null) {
    return seated ? $localize`noch keine Antwort, hat einen Platz` : $localize`noch keine Antwort`;
  }
  if (answer === 'AWAY') {
    return $localize`abwesend`;
  }
  return seated ? $localize`kommt, hat einen Platz` : $localize`kommt, hat noch keinen Platz`;
}
