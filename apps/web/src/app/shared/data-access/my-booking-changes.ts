import { computed, effect, inject, Injectable, signal, untracked } from '@angular/core';

import { Announcer } from '../../core/a11y/announcer';
import type { BookingChange } from '../../core/graphql/api.types';
import { CurrentPerson } from '../../core/identity/current-person';
import { formatCivilDate } from '../date/civil-date';
import { DAY_PART_LABELS } from '../labels/day-part.labels';
import { BookingsApi } from './bookings.api';

/** A message about a booking that someone else changed, shown until the person closes it. */
export interface BookingNotice {
  readonly id: number;
  readonly text: string;
}

/**
 * What to tell the person about `change`, or null when it was their own doing (booked or cancelled): a booking
 * cancelled by someone else (with the facility manager's reason when there is one), or a desk they got from a
 * waitlist.
 */
export function noticeText(change: BookingChange): string | null {
  const { booking } = change;
  if (change.reason === 'WAITLIST_ASSIGNED') {
    return $localize`Ein Platz ist frei geworden: Sie haben Platz ${booking.deskCode}:desk: in ${booking.office.name}:office: am ${formatCivilDate(booking.date)}:date: (${DAY_PART_LABELS[booking.part]}:part:) bekommen.`;
  }
  if (change.reason === 'RELEASED_NO_SHOW') {
    // The API does not send the check-in deadline with the change, so the sentence says "rechtzeitig".
    return $localize`Ihre Buchung von Platz ${booking.deskCode}:desk: am ${formatCivilDate(booking.date)}:date: (${DAY_PART_LABELS[booking.part]}:part:) in ${booking.office.name}:office: wurde freigegeben, weil Sie nicht rechtzeitig eingecheckt haben.`;
  }
  const teamDay = teamDayNoticeText(change);
  if (teamDay !== null) {
    return teamDay;
  }
  const facility = facilityNoticeText(change);
  if (facility !== null) {
    return facility;
  }
  if (change.reason !== 'SHARING_REVOKED') {
    return null;
  }
  return $localize`Ihre Buchung am ${formatCivilDate(booking.date)}:date: (${DAY_PART_LABELS[booking.part]}:part:) in ${booking.office.name}:office:, ${booking.office.municipality.name}:municipality:, wurde storniert, weil das Büro nicht mehr für Ihre Organisation freigegeben ist.`;
}

/** What the office's facility management did to the booking: a blocked desk, a closure, a lower capacity cap. */
function facilityNoticeText(change: BookingChange): string | null {
  const { booking } = change;
  const desk = booking.deskCode;
  const date = formatCivilDate(booking.date);
  const part = DAY_PART_LABELS[booking.part];
  const office = booking.office.name;
  const given = booking.cancellationReason?.trim();
  const reason = given ? ' ' + $localize`:@@notice.facility.reason:Grund: ${given}:reason:` : '';
  switch (change.reason) {
    case 'DESK_BLOCKED':
      return (
        $localize`:@@notice.facility.deskBlocked:Ihre Buchung von Platz ${desk}:desk: am ${date}:date: (${part}:part:) in ${office}:office: wurde storniert, weil der Platz gesperrt wurde.` +
        reason
      );
    case 'OFFICE_CLOSED':
      return (
        $localize`:@@notice.facility.officeClosed:Ihre Buchung von Platz ${desk}:desk: am ${date}:date: (${part}:part:) in ${office}:office: wurde storniert, weil das Büro an diesem Tag geschlossen ist.` +
        reason
      );
    case 'CAPACITY_REDUCED':
      return $localize`:@@notice.facility.capacityReduced:Ihre Buchung von Platz ${desk}:desk: am ${date}:date: (${part}:part:) in ${office}:office: wurde storniert, weil die Höchstbelegung des Büros gesenkt wurde und die zuletzt gemachten Buchungen zurückgenommen werden mussten.`;
    default:
      return null;
  }
}

/** What a lead's planning of a team day did to the person's bookings (their own answers give no notice). */
function teamDayNoticeText(change: BookingChange): string | null {
  const { booking } = change;
  const when = $localize`am ${formatCivilDate(booking.date)} (${DAY_PART_LABELS[booking.part]})`;
  const where = $localize`Platz ${booking.deskCode} in ${booking.office.name}`;
  const cancelled = booking.status === 'CANCELLED';
  switch (change.reason) {
    case 'TEAM_DAY_BOOKED':
      return $localize`Ihre Teamleitung hat einen Präsenztag geplant: Für Sie ist ${where} ${when} gebucht.`;
    case 'TEAM_DAY_MOVED':
      return cancelled
        ? $localize`Ein Präsenztag wurde verlegt: ${where} ${when} ist nicht mehr für Sie gebucht.`
        : $localize`Ein Präsenztag wurde verlegt: Für Sie ist jetzt ${where} ${when} gebucht.`;
    case 'TEAM_DAY_CANCELLED':
      return $localize`Ein Präsenztag wurde abgesagt: Ihre Buchung von ${where} ${when} ist storniert.`;
    default:
      return null;
  }
}

/**
 * Follows the signed-in person's bookings live for the whole app: tells them when someone else cancelled one
 * (a revoked sharing) or when a waitlist gave them a desk, and lets screens that list bookings read them again.
 */
@Injectable({ providedIn: 'root' })
export class MyBookingChanges {
  private readonly api = inject(BookingsApi);
  private readonly currentPerson = inject(CurrentPerson);
  private readonly announcer = inject(Announcer);
  private readonly noticeList = signal<readonly BookingNotice[]>([]);
  private readonly changeCount = signal(0);
  private readonly lastChange = signal<BookingChange | null>(null);
  private readonly personId = computed(() => this.currentPerson.profile()?.id ?? null);
  private nextNoticeId = 1;

  readonly notices = this.noticeList.asReadonly();
  /** Moves on every change and every reconnection (events may have been missed): lists read again then. */
  readonly version = this.changeCount.asReadonly();
  readonly latest = this.lastChange.asReadonly();

  constructor() {
    effect((onCleanup) => {
      // Follow only once the API knows the person: before that the socket would be refused.
      if (this.personId() === null) {
        this.noticeList.set([]);
        return;
      }
      onCleanup(untracked(() => this.follow()));
    });
  }

  dismiss(id: number): void {
    this.noticeList.update((notices) => notices.filter((notice) => notice.id !== id));
  }

  private follow(): () => void {
    let connections = 0;
    const stopListening = this.api.onLiveConnected(() => {
      // The first connection is the start; later ones may follow missed events.
      if (++connections > 1) {
        this.changeCount.update((count) => count + 1);
      }
    });
    const stopFollowing = this.api.followMyBookingChanges({
      next: (change) => this.receive(change),
      // Lists still work without live updates; the booking page says when the live connection is down.
      error: () => undefined,
    });
    return () => {
      stopListening();
      stopFollowing();
    };
  }

  private receive(change: BookingChange): void {
    this.lastChange.set(change);
    this.changeCount.update((count) => count + 1);
    const text = noticeText(change);
    if (text !== null) {
      this.noticeList.update((notices) => [...notices, { id: this.nextNoticeId++, text }]);
      this.announcer.announce(text);
    }
  }
}
