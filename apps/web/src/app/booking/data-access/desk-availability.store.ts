import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';

import { Announcer } from '../../core/a11y/announcer';
import { errorMessageFor } from '../../core/errors/error-messages';
import type { DeskAvailability, OfficeDay } from '../../core/graphql/api.types';
import type { ClientErrorCode } from '../../core/graphql/graphql-request.error';
import { errorCodeOf } from '../../core/graphql/graphql-request.error';
import { BookingsApi } from '../../shared/data-access/bookings.api';
import { formatCivilDate } from '../../shared/date/civil-date';
import { DAY_PART_LABELS } from '../../shared/labels/day-part.labels';
import type { StatusNote } from '../../shared/ui/status-message';
import { deskMatchesFilter, sameFilter } from '../desk-filter';
import type { AvailabilityQuery } from './availability.api';
import { AvailabilityApi } from './availability.api';
import {
  describeStatusChange,
  groupDesksByArea,
  replaceDesk,
  withoutOwnBooking,
  withOwnBooking,
} from './desk-availability.state';

export type LoadState = 'idle' | 'loading' | 'ready' | 'error';

/** After these errors the screen is out of date: read it again. */
const STALE_AFTER: ReadonlySet<ClientErrorCode> = new Set<ClientErrorCode>([
  'DESK_TAKEN',
  'DESK_NOT_FOUND',
  'PERSON_ALREADY_BOOKED',
  'BOOKING_NOT_FOUND',
  'BOOKING_NOT_ACTIVE',
]);

function sameQuery(a: AvailabilityQuery | null, b: AvailabilityQuery | null): boolean {
  return (
    a === b ||
    (a !== null &&
      b !== null &&
      a.officeId === b.officeId &&
      a.date === b.date &&
      a.part === b.part &&
      sameFilter(a.filter, b.filter))
  );
}

/**
 * The desks of one office, date and part of the day, kept current: read in
 * full when the selection changes and whenever the live socket (re)connects,
 * and patched by every change event in between. Provided per booking page.
 */
@Injectable()
export class DeskAvailabilityStore {
  private readonly api = inject(AvailabilityApi);
  private readonly bookings = inject(BookingsApi);
  private readonly announcer = inject(Announcer);

  private readonly deskList = signal<readonly DeskAvailability[]>([]);
  private readonly load = signal<LoadState>('idle');
  private readonly loadErrorText = signal<string | null>(null);
  private readonly liveErrorText = signal<string | null>(null);
  private readonly lastNote = signal<StatusNote | null>(null);
  private readonly busy = signal<string | null>(null);
  /** The API refused a booking because the office is at its cap for this time. */
  private readonly overCapacity = signal(false);
  /** Whether the office takes bookings on the day shown, as last read; null until read (or when the read failed). */
  private readonly officeDay = signal<OfficeDay | null>(null);
  /** Counts the live events received, for what else the page reads about the office and day ("Wer ist da?"). */
  private readonly eventCount = signal(0);
  /** Counts reads of the office day, so that an answer to an older read is dropped. */
  private dayGeneration = 0;
  /**
   * Whether a live event for the desk of the own booking or cancellation under way came before its answer. Events
   * are sent after the commit, so such an event is at least as new as the answer: it wins over the answer's patch
   * (a cancelled desk handed to the waitlist in the same transaction is taken, not free).
   */
  private eventDuringAction = false;

  private query: AvailabilityQuery | null = null;
  private stopFollowing: (() => void) | null = null;
  /** Counts reads, so that an answer to an older read is dropped. */
  private readGeneration = 0;
  /** Events that arrive while a full read is under way, applied after it. */
  private heldEvents: DeskAvailability[] | null = null;

  readonly desks = this.deskList.asReadonly();
  readonly areas = computed(() => groupDesksByArea(this.deskList()));
  readonly freeCount = computed(() => this.deskList().filter((desk) => desk.free).length);
  readonly loadState = this.load.asReadonly();
  readonly loadError = this.loadErrorText.asReadonly();
  readonly liveError = this.liveErrorText.asReadonly();
  readonly liveConnection = this.api.liveConnection;
  /** Outcome of the user's last booking or cancellation. */
  readonly note = this.lastNote.asReadonly();
  /** Desk whose booking or cancellation is under way. */
  readonly busyDeskId = this.busy.asReadonly();
  /** The office day as last read: refusal, cap and bookings. */
  readonly day = this.officeDay.asReadonly();
  /** Moves with every live event of a desk of the office and date (for any part of the day). */
  readonly events = this.eventCount.asReadonly();
  /**
   * The office takes no bookings on the day shown for a reason other than fullness (holiday, closure, closed weekday,
   * past, beyond the horizon): no desk can be booked, whatever frees up.
   */
  readonly dayClosed = computed(() => {
    const refusal = this.officeDay()?.refusal;
    return refusal !== undefined && refusal !== null && refusal.code !== 'OVER_CAPACITY';
  });
  /** No desk can be booked on the day shown, for any reason the office day gives (a cap reached included). */
  readonly dayRefused = computed(() => (this.officeDay()?.refusal ?? null) !== null);
  /**
   * No desk can be booked for this time but one may free up (the waitlist): the office day says it is full (cap
   * reached or every desk taken), the API refused a booking for the cap, or every desk shown is taken by others.
   * With a filter, taken desks only say that no matching desk is free, so they do not count then.
   */
  readonly officeFull = computed(() => {
    if (this.dayClosed()) {
      return false;
    }
    if (this.overCapacity() || this.officeDay()?.full === true) {
      return true;
    }
    const desks = this.deskList();
    return (
      this.load() === 'ready' &&
      this.query?.filter === undefined &&
      desks.length > 0 &&
      desks.every((desk) => !desk.free && !desk.myBookingId)
    );
  });
  /** Every desk shown is taken (or none matches), though a filter is on: fewer filters may help. */
  readonly noneFreeWithFilter = computed(
    () => this.load() === 'ready' && this.query?.filter !== undefined && this.freeCount() === 0,
  );

  constructor() {
    const stopListening = this.api.onLiveConnected(() => void this.reload());
    inject(DestroyRef).onDestroy(() => {
      stopListening();
      this.stop();
    });
  }

  /** Shows the desks for `query` (none for null) and follows their changes. */
  watch(query: AvailabilityQuery | null): void {
    if (sameQuery(query, this.query)) {
      return;
    }
    this.stop();
    this.query = query;
    this.lastNote.set(null);
    this.overCapacity.set(false);
    // Never show the desks (or the day) of another office or day while the new ones load.
    this.deskList.set([]);
    this.officeDay.set(null);
    if (query === null) {
      this.load.set('idle');
      return;
    }
    this.stopFollowing = this.api.followChanges(query, {
      next: (desk) => this.receive(desk),
      error: () =>
        this.liveErrorText.set(
          $localize`Die Anzeige aktualisiert sich gerade nicht von selbst. Bitte laden Sie die Seite später neu.`,
        ),
    });
    void this.reload();
  }

  /** Reads every desk of the current query again. */
  async reload(): Promise<void> {
    const query = this.query;
    if (query === null) {
      return;
    }
    const generation = ++this.readGeneration;
    this.heldEvents = [];
    this.load.set('loading');
    void this.reloadDay();
    try {
      const desks = await this.api.deskAvailability(query);
      if (generation !== this.readGeneration) {
        return;
      }
      const held = this.heldEvents ?? [];
      this.heldEvents = null;
      this.deskList.set(held.reduce(replaceDesk, desks));
      this.loadErrorText.set(null);
      this.load.set('ready');
    } catch (error) {
      if (generation !== this.readGeneration) {
        return;
      }
      this.heldEvents = null;
      this.loadErrorText.set(errorMessageFor(error));
      this.load.set('error');
    }
  }

  /**
   * Reads the office day again: with every full read (a new selection, a reconnection) and after every change of a
   * desk (its bookings count against the cap). Only the answer to the newest read is kept.
   */
  async reloadDay(): Promise<void> {
    const query = this.query;
    if (query === null) {
      return;
    }
    const generation = ++this.dayGeneration;
    try {
      const day = await this.api.officeDay(query);
      if (generation === this.dayGeneration) {
        this.officeDay.set(day);
        if (!day.full) {
          // A desk freed up or the cap was raised: the refusal of an earlier attempt no longer holds.
          this.overCapacity.set(false);
        }
      }
    } catch {
      // Without the day the page still works as before: desks and refusals on booking.
      if (generation === this.dayGeneration) {
        this.officeDay.set(null);
      }
    }
  }

  async book(desk: DeskAvailability): Promise<void> {
    const query = this.query;
    if (query === null || this.busy() !== null) {
      return;
    }
    this.busy.set(desk.deskId);
    this.eventDuringAction = false;
    try {
      const booking = await this.bookings.bookDesk({
        deskId: desk.deskId,
        date: query.date,
        part: query.part,
      });
      if (sameQuery(query, this.query) && !this.eventDuringAction) {
        this.patch(desk.deskId, (current) => withOwnBooking(current, booking, query.part));
      }
      this.lastNote.set({
        tone: 'success',
        text: $localize`Platz ${desk.code} ist für Sie gebucht: ${formatCivilDate(booking.date)}, ${DAY_PART_LABELS[booking.part]}.`,
      });
    } catch (error) {
      this.fail(error);
    } finally {
      this.busy.set(null);
    }
  }

  async cancel(desk: DeskAvailability): Promise<void> {
    const query = this.query;
    const bookingId = desk.myBookingId;
    if (query === null || !bookingId || this.busy() !== null) {
      return;
    }
    this.busy.set(desk.deskId);
    this.eventDuringAction = false;
    try {
      const booking = await this.bookings.cancelBooking(bookingId);
      if (sameQuery(query, this.query) && !this.eventDuringAction) {
        this.patch(desk.deskId, (current) => withoutOwnBooking(current, booking, query.part));
      }
      this.lastNote.set({
        tone: 'success',
        text: $localize`Ihre Buchung von Platz ${desk.code} am ${formatCivilDate(booking.date)} (${DAY_PART_LABELS[booking.part]}) ist storniert.`,
      });
    } catch (error) {
      this.fail(error);
    } finally {
      this.busy.set(null);
    }
  }

  private receive(desk: DeskAvailability): void {
    this.eventCount.update((count) => count + 1);
    if (desk.deskId === this.busy()) {
      this.eventDuringAction = true;
    }
    // Any desk's change may change how full the office is: its cap counts every desk, filtered or not.
    void this.reloadDay();
    // Events come for every desk of the office: one outside the filter must not join the list.
    if (!deskMatchesFilter(desk, this.query?.filter)) {
      this.deskList.update((desks) => desks.filter((d) => d.deskId !== desk.deskId));
      return;
    }
    if (this.heldEvents !== null) {
      this.heldEvents.push(desk);
      return;
    }
    const before = this.deskList().find((d) => d.deskId === desk.deskId);
    this.deskList.update((desks) => replaceDesk(desks, desk));
    const sentence = describeStatusChange(before, desk);
    // The user's own action on this desk is reported by its note already.
    if (sentence !== null && desk.deskId !== this.busy()) {
      this.announcer.announce(sentence);
    }
  }

  private patch(deskId: string, change: (desk: DeskAvailability) => DeskAvailability): void {
    this.deskList.update((desks) => desks.map((desk) => (desk.deskId === deskId ? change(desk) : desk)));
  }

  private fail(error: unknown): void {
    this.lastNote.set({ tone: 'error', text: errorMessageFor(error) });
    if (errorCodeOf(error) === 'OVER_CAPACITY') {
      this.overCapacity.set(true);
    }
    // The refusal may come from a change the screen has not seen yet (a closure, the cap): read the day again.
    void this.reloadDay();
    if (STALE_AFTER.has(errorCodeOf(error))) {
      void this.reload();
    }
  }

  private stop(): void {
    this.stopFollowing?.();
    this.stopFollowing = null;
    this.liveErrorText.set(null);
    this.heldEvents = null;
    // Answers to reads for the old query are dropped.
    this.readGeneration += 1;
    this.dayGeneration += 1;
  }
}
