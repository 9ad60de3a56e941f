import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DOCUMENT,
  effect,
  inject,
  resource,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { map } from 'rxjs';

import { BOOKING_QUERY_PARAMS, ROUTE_LINKS } from '../app.paths';
import { errorMessageFor } from '../core/errors/error-messages';
import type { BookRecurringInput, DeskAvailability, WaitlistEntry } from '../core/graphql/api.types';
import type { ColleagueInOffice } from '../favourites/data-access/colleagues.api';
import { alreadyBookedText } from '../favourites/data-access/colleagues.state';
import { FavouriteDesksStore } from '../favourites/data-access/favourite-desks.store';
import { MyBookingChanges } from '../shared/data-access/my-booking-changes';
import { formatCivilDate, todayInOfficeZone } from '../shared/date/civil-date';
import { DAY_PART_LABELS } from '../shared/labels/day-part.labels';
import { landName } from '../shared/labels/office.labels';
import { StatusMessage } from '../shared/ui/status-message';
import type { BookingQueryParams, BookingSelection } from './booking-selection';
import { queryParamsFromSelection, queryParamsMatch, selectionFromQueryParams } from './booking-selection';
import { AvailabilityApi } from './data-access/availability.api';
import { BookingWaitlistStore } from './data-access/booking-waitlist.store';
import { DeskAvailabilityStore } from './data-access/desk-availability.store';
import { RecurringBookingStore } from './data-access/recurring-booking.store';
import { WhosInStore } from './data-access/whos-in.store';
import type { DeskFilterQueryParams, DeskFilterSelection } from './desk-filter';
import { deskFilterArgument, filterFromQueryParams, isFilterActive, queryParamsFromFilter } from './desk-filter';
import type { DeskView } from './floor-plan';
import { deskMarkers, planAreaFor, queryParamFromView, viewFromQueryParam } from './floor-plan';
import { officeDayNotice } from './office-day-notice';
import { BookingSelectionForm } from './ui/booking-selection-form';
import { DeskCard } from './ui/desk-card';
import { DeskFilterForm } from './ui/desk-filter-form';
import { FloorPlan } from './ui/floor-plan';
import { RecurringBookingDialog } from './ui/recurring-booking-dialog';
import { WaitlistBox } from './ui/waitlist-box';

/**
 * Choose office, date and part of the day; see the desks live; book or
 * cancel. The URL's query parameters hold the selection, so a reload or a
 * shared link shows the same desks.
 */
@Component({
  selector: 'nb-booking-page',
  imports: [
    BookingSelectionForm,
    DeskCard,
    DeskFilterForm,
    FloorPlan,
    RecurringBookingDialog,
    RouterLink,
    StatusMessage,
    WaitlistBox,
  ],
  providers: [DeskAvailabilityStore, RecurringBookingStore, BookingWaitlistStore, WhosInStore, FavouriteDesksStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './booking.page.html',
  styleUrl: './booking.page.css',
})
export class BookingPage {
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly availability = inject(AvailabilityApi);
  private readonly document = inject(DOCUMENT);
  protected readonly store = inject(DeskAvailabilityStore);
  protected readonly recurring = inject(RecurringBookingStore);
  protected readonly waitlist = inject(BookingWaitlistStore);
  protected readonly whosIn = inject(WhosInStore);
  protected readonly favouriteDesks = inject(FavouriteDesksStore);
  protected readonly links = ROUTE_LINKS;
  /** What had focus when the recurring dialog opened: focus goes back there when it closes. */
  private recurringTrigger: HTMLElement | null = null;

  protected readonly today = todayInOfficeZone();
  protected readonly partLabels = DAY_PART_LABELS;
  protected readonly formatDate = formatCivilDate;
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

  private readonly filterParams = toSignal(
    this.route.queryParamMap.pipe(
      map(
        (params): DeskFilterQueryParams => ({
          equipment: params.get(BOOKING_QUERY_PARAMS.equipment) ?? undefined,
          accessible: params.get(BOOKING_QUERY_PARAMS.accessible) ?? undefined,
          area: params.get(BOOKING_QUERY_PARAMS.area) ?? undefined,
        }),
      ),
    ),
    { requireSync: true },
  );

  /** List (default) or floor plan, as the URL says. */
  protected readonly view = toSignal(
    this.route.queryParamMap.pipe(map((params) => viewFromQueryParam(params.get(BOOKING_QUERY_PARAMS.view)))),
    { requireSync: true },
  );

  /** The desk filters, as the URL says. */
  protected readonly filter = computed(() => filterFromQueryParams(this.filterParams()), {
    equal: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  });
  protected readonly filterActive = computed(() => isFilterActive(this.filter()));

  protected readonly equipmentOptions = resource({
    loader: ({ abortSignal }) => this.availability.deskEquipmentOptions(abortSignal),
  });

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

  protected readonly officeAreas = resource({
    params: () => this.office()?.id,
    loader: ({ params, abortSignal }) => this.availability.officeAreas(params, abortSignal),
  });

  protected readonly areas = computed(() => (this.officeAreas.hasValue() ? this.officeAreas.value() : []));

  /**
   * The areas with their floor plans. Read apart from `officeAreas`: until the API has the floor-plan contract the
   * read fails, and the page simply has no plan view (the list is the full equivalent).
   */
  protected readonly floorPlans = resource({
    params: () => this.office()?.id,
    loader: ({ params, abortSignal }) => this.availability.floorPlans(params, abortSignal).catch(() => []),
  });

  /** The area whose plan the plan view shows; null hides the view switch. */
  protected readonly planArea = computed(() =>
    planAreaFor(this.floorPlans.hasValue() ? this.floorPlans.value() : [], this.filter().areaId),
  );

  protected readonly showPlan = computed(() => this.view() === 'plan' && this.planArea() !== null);

  /** Where the desks are on the plan; read only for the plan view. */
  protected readonly deskPositions = resource({
    params: () => {
      const office = this.office();
      const { date, part } = this.selection();
      return this.showPlan() && office !== null ? { officeId: office.id, date, part } : undefined;
    },
    loader: ({ params, abortSignal }) => this.availability.deskPositions(params, abortSignal).catch(() => ({})),
  });

  /** The plan's markers, from the same store as the cards: live changes show on both. */
  protected readonly markers = computed(() => {
    const area = this.planArea();
    const positions = this.deskPositions.hasValue() ? this.deskPositions.value() : {};
    return area === null
      ? { placed: [], unplaced: [] }
      : deskMarkers(this.store.desks(), positions, area.id, this.store.dayRefused());
  });

  /** "3 von 4 Plätzen frei." once the desks are read; on a day that takes no bookings, that none can be booked. */
  protected readonly summaryCount = computed(() => {
    if (this.store.dayRefused()) {
      return $localize`Keine Buchung möglich.`;
    }
    return this.store.loadState() === 'ready'
      ? $localize`${this.store.freeCount()} von ${this.store.desks().length} Plätzen frei.`
      : '';
  });

  /** What the page says upfront about the day: closed (and why) or full; null while desks can be booked. */
  protected readonly dayNotice = computed(() => officeDayNotice(this.store.day(), this.office()?.deskCount ?? null));
  protected readonly equipment = computed(() =>
    this.equipmentOptions.hasValue() ? this.equipmentOptions.value() : [],
  );

  /** The person's waitlist entry for the office, date and part shown. */
  protected readonly waitlistEntry = computed((): WaitlistEntry | null => {
    const office = this.office();
    const { date, part } = this.selection();
    return office === null ? null : this.waitlist.entryFor({ officeId: office.id, date, part });
  });

  protected readonly showWaitlist = computed(() => this.store.officeFull() || this.waitlistEntry() !== null);

  /**
   * Why "Daneben buchen" is not offered, or null when it is: the person holds a desk at the time shown already (in
   * any office, as their bookings say, or here, as the desks say a moment earlier).
   */
  protected readonly nextToRefusal = computed((): string | null => {
    const own = this.whosIn.ownBookingFor(this.selection().part);
    if (own !== null) return alreadyBookedText(own);
    return this.store.desks().some((desk) => desk.myBookingId) ? alreadyBookedText(null) : null;
  });

  /** The accessible name of a "Daneben buchen" button: which colleague. */
  protected nextToLabel(entry: ColleagueInOffice): string {
    return $localize`Daneben buchen (neben ${entry.colleague.displayName}:name:)`;
  }

  constructor() {
    effect(() => {
      const office = this.office();
      const { date, part } = this.selection();
      const filter = deskFilterArgument(this.filter());
      untracked(() => {
        this.store.watch(
          office === null ? null : { officeId: office.id, date, part, ...(filter === undefined ? {} : { filter }) },
        );
        this.waitlist.clearNote();
        this.whosIn.watch(office === null ? null : { officeId: office.id, date });
      });
    });
    // Every desk event of the office and day may be a colleague booking or cancelling: read "Wer ist da?" again.
    let seenEvents = this.store.events();
    effect(() => {
      const events = this.store.events();
      if (events !== seenEvents) {
        seenEvents = events;
        untracked(() => this.whosIn.refresh());
      }
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
            this.showInUrl(queryParamsFromSelection(selection));
          }
        });
      }
    });
  }

  protected changeSelection(selection: BookingSelection): void {
    // Areas belong to an office: another office starts with all areas.
    const params = queryParamsFromSelection(selection);
    if (selection.officeId !== this.selection().officeId) {
      params[BOOKING_QUERY_PARAMS.area] = null;
    }
    this.showInUrl(params);
  }

  protected changeFilter(filter: DeskFilterSelection): void {
    this.showInUrl(queryParamsFromFilter(filter));
  }

  protected changeView(view: DeskView): void {
    this.showInUrl({ [BOOKING_QUERY_PARAMS.view]: queryParamFromView(view) });
  }

  protected openRecurring(desk: DeskAvailability): void {
    const active = this.document.activeElement;
    this.recurringTrigger = active instanceof HTMLElement ? active : null;
    this.recurring.open(desk);
  }

  protected sendRecurring(input: BookRecurringInput): void {
    void this.recurring.submit(input);
  }

  protected closeRecurring(): void {
    if (this.recurring.desk() === null) {
      return;
    }
    const trigger = this.recurringTrigger;
    this.recurringTrigger = null;
    this.recurring.close();
    // The dialog is gone after this change detection; then the trigger takes the focus back.
    setTimeout(() => {
      if (trigger?.isConnected) {
        trigger.focus();
      } else {
        this.document.getElementById('desks-heading')?.focus();
      }
    });
  }

  protected joinWaitlist(): void {
    const office = this.office();
    if (office !== null) {
      const { date, part } = this.selection();
      void this.waitlist.join({ officeId: office.id, date, part });
    }
  }

  /**
   * Books the desk nearest to the colleague for the part shown. The live events then show it as the person's; the
   * focus moves to that desk's card (or to the section when the card is not shown), because the buttons go away.
   */
  protected async bookNextTo(entry: ColleagueInOffice): Promise<void> {
    const booking = await this.whosIn.bookNextTo(entry, this.selection().part);
    if (booking === null) return;
    setTimeout(() => {
      const target =
        this.document.getElementById(`desk-${booking.deskId}`) ?? this.document.getElementById('whos-in-heading');
      target?.focus();
    });
  }

  protected leaveWaitlist(entry: WaitlistEntry): void {
    void this.waitlist.leave(entry);
  }

  /** Writes query parameters, keeping the others (selection and filters are written separately). */
  private showInUrl(queryParams: Record<string, string | null>): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams,
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }
}
