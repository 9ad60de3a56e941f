import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';

import { ROUTE_LINKS } from '../app.paths';
import { Announcer } from '../core/a11y/announcer';
import { errorMessageFor } from '../core/errors/error-messages';
import type { Booking } from '../core/graphql/api.types';
import { DAY_PART_LABELS } from '../shared/labels/day-part.labels';
import { StatusMessage, type StatusNote } from '../shared/ui/status-message';
import { CalendarApi } from './data-access/calendar.api';
import { CalendarFeedStore } from './data-access/calendar-feed.store';
import { MyWeekStore } from './data-access/my-week.store';
import { longGermanDate, weekLabel } from './data-access/week-dates';
import { answerText, bookingStatusText, downloadLabel, partText, periodText, policyText } from './my-week.labels';
import { CalendarFeedPanel } from './ui/calendar-feed-panel';

/**
 * "Meine Woche": for one week, per day, the person's bookings (desk, office, part of the day, status and check-in)
 * and their teams' days, their presence policy progress, each booking as an .ics file, and the calendar
 * subscription. Live: it reads again when the person's bookings or their teams' days change.
 */
@Component({
  selector: 'nb-my-week-page',
  imports: [CalendarFeedPanel, RouterLink, StatusMessage],
  providers: [MyWeekStore, CalendarFeedStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './my-week.page.html',
  styleUrl: './my-week.page.css',
})
export class MyWeekPage {
  protected readonly store = inject(MyWeekStore);
  protected readonly feed = inject(CalendarFeedStore);
  private readonly calendar = inject(CalendarApi);
  private readonly announcer = inject(Announcer);

  protected readonly links = ROUTE_LINKS;
  protected readonly partLabels = DAY_PART_LABELS;
  protected readonly longGermanDate = longGermanDate;
  protected readonly weekLabel = weekLabel;
  protected readonly bookingsListLabel = (date: string): string =>
    $localize`Meine Buchungen am ${longGermanDate(date)}:date:`;
  protected readonly teamDaysListLabel = (date: string): string =>
    $localize`Präsenztage am ${longGermanDate(date)}:date:`;
  protected readonly partText = partText;
  protected readonly bookingStatusText = bookingStatusText;
  protected readonly downloadLabel = downloadLabel;
  protected readonly answerText = answerText;
  protected readonly policyText = policyText;
  protected readonly periodText = periodText;
  protected readonly note = signal<StatusNote | null>(null);
  protected readonly downloadingId = signal<string | null>(null);

  constructor() {
    void this.store.open();
    void this.feed.load();
  }

  protected isLive(booking: Booking): boolean {
    return booking.status === 'BOOKED' || booking.status === 'CHECKED_IN';
  }

  protected async go(step: 'previous' | 'next' | 'today'): Promise<void> {
    const moving =
      step === 'previous' ? this.store.previous() : step === 'next' ? this.store.next() : this.store.thisWeek();
    // Tell where the page went before the new week has arrived; the heading says it too.
    this.announcer.announce(weekLabel(this.store.week()));
    await moving;
  }

  protected async download(booking: Booking): Promise<void> {
    if (this.downloadingId() !== null) return;
    this.downloadingId.set(booking.id);
    try {
      await this.calendar.downloadBooking(booking);
      this.note.set({
        tone: 'success',
        text: $localize`Die Kalenderdatei für Platz ${booking.deskCode} am ${longGermanDate(booking.date)} wird gespeichert. Öffnen Sie sie, um den Termin in Ihren Kalender zu übernehmen.`,
      });
    } catch (error) {
      this.note.set({
        tone: 'error',
        text: $localize`Die Kalenderdatei konnte nicht geladen werden. ${errorMessageFor(error)}`,
      });
    } finally {
      this.downloadingId.set(null);
    }
  }
}
