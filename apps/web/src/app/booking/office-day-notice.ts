import type { OfficeDay } from '../core/graphql/api.types';
import { refusalText } from '../core/i18n/language';

/** What the booking page says upfront about the day: closed (no desk at all) or full (the waitlist may help). */
export interface OfficeDayNotice {
  readonly kind: 'closed' | 'full';
  /** Words before the text, so the kind never depends on colour. */
  readonly prefix: string;
  readonly text: string;
}

/** Refusals that close the office for the whole day, whatever desk or time is chosen. */
const CLOSED_CODES: ReadonlySet<string> = new Set(['HOLIDAY', 'CLOSURE', 'CLOSED_WEEKDAY']);

/**
 * The notice for an office day, or null when desks can be booked (or the day is not known yet). The reason comes
 * from the API in German (the texts of bookDesk's refusals, with the holiday's name or the closure's reason);
 * `deskCount` (the office's active desks) puts the cap in proportion. A full day says nothing of the waitlist: the
 * page shows the waitlist box right below, which offers it.
 */
export function officeDayNotice(day: OfficeDay | null, deskCount: number | null): OfficeDayNotice | null {
  if (day === null) {
    return null;
  }
  const refusal = day.refusal;
  if (refusal !== null && refusal.code !== 'OVER_CAPACITY') {
    return {
      kind: 'closed',
      prefix: CLOSED_CODES.has(refusal.code) ? $localize`Büro geschlossen:` : $localize`Nicht buchbar:`,
      text: refusalText(refusal),
    };
  }
  if (!day.full) {
    return null;
  }
  if (day.capacity !== null && day.booked >= day.capacity) {
    if (day.capacity === 0) {
      return {
        kind: 'closed',
        prefix: $localize`Nicht buchbar:`,
        text: refusal ? refusalText(refusal) : $localize`An diesem Tag ist kein Platz buchbar.`,
      };
    }
    const capacity = day.capacity;
    const cap =
      deskCount === null || deskCount <= 0
        ? capacity === 1
          ? $localize`1 Platz`
          : $localize`${capacity}:capacity: Plätze`
        : deskCount === 1
          ? $localize`${capacity}:capacity: von 1 Platz`
          : $localize`${capacity}:capacity: von ${deskCount}:desks: Plätzen`;
    return {
      kind: 'full',
      prefix: $localize`Voll:`,
      text: $localize`Das Büro ist an diesem Tag voll (Obergrenze ${cap}:cap:).`,
    };
  }
  return {
    kind: 'full',
    prefix: $localize`Voll:`,
    text: $localize`Das Büro ist an diesem Tag voll: Alle Plätze sind für diese Zeit gebucht.`,
  };
}
