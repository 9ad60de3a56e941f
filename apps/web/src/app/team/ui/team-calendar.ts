import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';

import type { PresenceDay, TeamCalendarDay } from '../../core/graphql/api.types';
import { formatCivilDate } from '../../shared/date/civil-date';
import { DAY_PART_LABELS } from '../../shared/labels/day-part.labels';
import type { CalendarView } from '../data-access/team-calendar.store';
import type { DateRange } from '../data-access/team-dates';
import { formatGermanMonth, formatGermanRange, isWeekend } from '../data-access/team-dates';

let nextCalendarId = 0;

/** "Teamtag in Rathaus (Ganzer Tag), Pflichttermin: 3 kommen" */
export function calendarDayText(day: PresenceDay): string {
  const kind = day.mandatory ? $localize`Pflichttermin` : $localize`freiwillig`;
  const attending =
    day.answers.attending === 1 ? $localize`1 kommt` : $localize`${day.answers.attending}:count: kommen`;
  return $localize`Teamtag in ${day.office.name}:office: (${DAY_PART_LABELS[day.part]}:part:), ${kind}:kind:: ${attending}:attending:`;
}

/**
 * The team's week or month as a table, one row per day: the team days and who is in where. Switches between
 * week and month and moves back and forth; the page's TeamCalendarStore reads the data.
 */
@Component({
  selector: 'nb-team-calendar',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './team-calendar.html',
  styleUrl: './team-calendar.css',
})
export class TeamCalendar {
  readonly days = input.required<readonly TeamCalendarDay[]>();
  readonly range = input.required<DateRange>();
  readonly view = input.required<CalendarView>();
  readonly today = input.required<string>();
  readonly loading = input(false);
  readonly showsToday = input(true);
  readonly viewChange = output<CalendarView>();
  readonly previous = output<void>();
  readonly next = output<void>();
  readonly backToToday = output<void>();

  protected readonly id = `team-calendar-${++nextCalendarId}`;
  protected readonly formatDate = formatCivilDate;
  protected readonly partLabels = DAY_PART_LABELS;
  protected readonly dayText = calendarDayText;
  protected readonly isWeekend = isWeekend;
  protected readonly rangeLabel = computed(() =>
    this.view() === 'week'
      ? $localize`Woche vom ${formatGermanRange(this.range())}:range:`
      : formatGermanMonth(this.range().from),
  );
  /** Team days that are cancelled are not shown. */
  protected readonly rows = computed(() =>
    this.days().map((entry) => ({
      ...entry,
      presenceDays: entry.presenceDays.filter((day) => !day.cancelled),
    })),
  );
}
