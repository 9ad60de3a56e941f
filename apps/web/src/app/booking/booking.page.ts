import { ChangeDetectionStrategy, Component, computed, effect, inject, resource, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router } from '@angular/router';
import { map } from 'rxjs';

import { BOOKING_QUERY_PARAMS } from '../app.paths';
import { errorMessageFor } from '../core/errors/error-messages';
import { MyBookingChanges } from '../shared/data-access/my-booking-changes';
import { formatGermanDate, todayInOfficeZone } from '../shared/date/civil-date';
import { DAY_PART_LABELS } from '../shared/labels/day-part.labels';
import { landName } from '../shared/labels/office.labels';
import { StatusMessage } from '../shared/ui/status-message';
import type { BookingQueryParams, BookingSelection } from './booking-selection';
import { queryParamsFromSelection, queryParamsMatch, selectionFromQueryParams } from './booking-selection';
import { AvailabilityApi } from './data-access/availability.api';
import { DeskAvailabilityStore } from './data-access/desk-availability.store';
import { BookingSelectionForm } from './ui/booking-selection-form';
import { DeskCard } from './ui/desk-card';

/**
 * Choose office, date and part of the day; see the desks live; book or
 * cancel. The URL's query parameters hold the selection, so a reload or a
 * shared link shows the same desks.
 */
@Component({
  selector: 'nb-booking-page',
  imports: [BookingSelectionForm, DeskCard, StatusMessage],
  providers: [DeskAvailabilityStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './booking.page.html',
  styleUrl: './booking.page.css',
})
export class BookingPage {
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly availability = inject(AvailabilityApi);
  protected readonly store = inject(DeskAvailabilityStore);

  protected readonly today = todayInOfficeZone();
  protected readonly partLabels = DAY_PART_LABELS;
  protected readonly formatDate = formatGermanDate;
  protected readonly landName = landName;
  protected readonly errorMessageFor = errorMessageFor;

  private readonly queryParams = toSignal(
    this.route.queryParamMap.pipe(
      map(
        (params): BookingQueryParams => ({
          office: params.get(BOOKING_QUERY_PARAMS.office) ?? undefined,
          date: params.get(BOOKING_QUERY_PARAMS.date) ?? undefined,
          part: params.get(BOOKING_QUERY_PARAMS.part) ?? undefined,
        }),
      ),
    ),
    { requireSync: true },
  );

  protected readonly officeList = resource({
    loader: ({ abortSignal }) => this.availability.offices(abortSignal),
  });

  protected readonly offices = computed(() => (this.officeList.hasValue() ? this.officeList.value() : []));

  /** The URL's selection; an unknown or missing office becomes the first office. */
  protected readonly selection = computed((): BookingSelection => {
    const fromUrl = selectionFromQueryParams(this.queryParams(), this.today);
    const offices = this.offices();
    const known = offices.some((office) => office.id === fromUrl.officeId);
    const first = offices[0];
    return known || first === undefined ? fromUrl : { ...fromUrl, officeId: first.id };
  });

  protected readonly office = computed(
    () => this.offices().find((office) => office.id === this.selection().officeId) ?? null,
  );

  constructor() {
    effect(() => {
      const office = this.office();
      const { date, part } = this.selection();
      untracked(() => this.store.watch(office === null ? null : { officeId: office.id, date, part }));
    });
    // An office closed to the person's organisation leaves the list (its desks' events come on their own).
    const changes = inject(MyBookingChanges);
    const before = changes.latest();
    effect(() => {
      const change = changes.latest();
      if (change !== before && change?.reason === 'SHARING_REVOKED') {
        untracked(() => this.officeList.reload());
      }
    });
    // Write defaults and corrections back into the URL, without a new history entry. Not while the router is
    // busy: that navigation may be leaving this page (a click on "Profil" while the offices load), and this one
    // would cancel it. If it stays here, the query parameters change and this runs again.
    effect(() => {
      const selection = this.selection();
      if (this.office() !== null && !queryParamsMatch(this.queryParams(), selection)) {
        untracked(() => {
          if (this.router.currentNavigation() === null) {
            this.showInUrl(selection);
          }
        });
      }
    });
  }

  protected changeSelection(selection: BookingSelection): void {
    this.showInUrl(selection);
  }

  private showInUrl(selection: BookingSelection): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: queryParamsFromSelection(selection),
      replaceUrl: true,
    });
  }
}
