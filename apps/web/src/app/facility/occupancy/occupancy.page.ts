import { ChangeDetectionStrategy, Component, computed, effect, inject, resource, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router } from '@angular/router';
import { map } from 'rxjs';

import { OCCUPANCY_QUERY_PARAMS } from '../../app.paths';
import type { HalfDayOccupancy } from '../../core/graphql/api.types';
import { formatNumber } from '../../core/i18n/language';
import { formatCivilDate, isCivilDate, todayInOfficeZone } from '../../shared/date/civil-date';
import { OfficeChoice } from '../ui/office-choice';
import { OccupancyApi } from './data-access/occupancy.api';
import { barSegments, bookedPercent, HALVES } from './data-access/occupancy.state';
import { type LiveState, OccupancyStore } from './data-access/occupancy.store';

/** The live state in words: never shown by the dot's colour alone. */
const NOT_LIVE = $localize`Nicht live`;
const LIVE_LABELS: Readonly<Record<LiveState, { readonly title: string; readonly detail: string }>> = {
  live: { title: $localize`Live`, detail: $localize`Die Zahlen aktualisieren sich von selbst.` },
  connecting: {
    title: $localize`Verbindung wird aufgebaut`,
    detail: $localize`Gleich aktualisieren sich die Zahlen von selbst.`,
  },
  reconnecting: {
    title: NOT_LIVE,
    detail: $localize`Die Verbindung ist unterbrochen und wird wiederhergestellt. Danach werden die Zahlen neu gelesen.`,
  },
  stopped: { title: NOT_LIVE, detail: '' },
  idle: { title: NOT_LIVE, detail: $localize`Bitte laden Sie die Seite neu, um aktuelle Zahlen zu sehen.` },
};

/**
 * The occupancy board (/standort): for an office the person manages (or whose organisation they administer) and a
 * day, today by default, how many desks per area are booked, checked in, free and blocked in the morning and the
 * afternoon, updated live. Counts only, never who (DESIGN.md §5). Office and date live in the URL.
 */
@Component({
  selector: 'nb-occupancy-page',
  imports: [OfficeChoice],
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [OccupancyStore],
  templateUrl: './occupancy.page.html',
  styleUrl: './occupancy.page.css',
})
export class OccupancyPage {
  private readonly api = inject(OccupancyApi);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  protected readonly store = inject(OccupancyStore);
  protected readonly formatCivilDate = formatCivilDate;
  protected readonly halves = HALVES;
  protected readonly bookedPercent = bookedPercent;
  protected readonly barSegments = barSegments;
  protected readonly today = todayInOfficeZone();

  private readonly params = toSignal(
    this.route.queryParamMap.pipe(
      map((params) => ({
        office: params.get(OCCUPANCY_QUERY_PARAMS.office),
        date: params.get(OCCUPANCY_QUERY_PARAMS.date),
      })),
    ),
    { initialValue: { office: null, date: null } },
  );

  protected readonly offices = resource({
    loader: ({ abortSignal }) => this.api.offices(abortSignal),
  });

  protected readonly officeList = computed(() => (this.offices.hasValue() ? this.offices.value() : []));

  /** The office in the URL if the person may see it, else the first of theirs. */
  protected readonly officeId = computed(() => {
    const offices = this.officeList();
    const wanted = this.params().office;
    return offices.find((office) => office.id === wanted)?.id ?? offices[0]?.id ?? null;
  });

  protected readonly date = computed(() => {
    const wanted = this.params().date;
    return isCivilDate(wanted) ? wanted : this.today;
  });

  protected readonly live = computed(() => {
    const state = this.store.liveState();
    const label = LIVE_LABELS[state];
    return { state, title: label.title, detail: state === 'stopped' ? (this.store.liveError() ?? '') : label.detail };
  });

  constructor() {
    effect(() => {
      const officeId = this.officeId();
      const date = this.date();
      untracked(() => this.store.watch(officeId === null ? null : { officeId, date }));
    });
  }

  protected chooseOffice(officeId: string): void {
    this.showInUrl({ [OCCUPANCY_QUERY_PARAMS.office]: officeId });
  }

  protected chooseDate(date: string): void {
    if (isCivilDate(date)) {
      this.showInUrl({ [OCCUPANCY_QUERY_PARAMS.date]: date === this.today ? null : date });
    }
  }

  protected showToday(): void {
    this.showInUrl({ [OCCUPANCY_QUERY_PARAMS.date]: null });
  }

  /** "7 von 12 belegt (58 %)": the bar's meaning as visible text. */
  protected usage(half: HalfDayOccupancy): string {
    const booked = formatNumber(half.booked);
    const bookable = formatNumber(half.desks - half.blocked);
    const percent = formatNumber(bookedPercent(half));
    return $localize`${booked}:booked: von ${bookable}:bookable: belegt (${percent}:percent: %)`;
  }

  private showInUrl(queryParams: Record<string, string | null>): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams, queryParamsHandling: 'merge' });
  }
}
