import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  type ElementRef,
  inject,
  input,
  output,
  resource,
  signal,
  viewChild,
} from '@angular/core';

import { Announcer } from '../../core/a11y/announcer';
import { errorMessageFor } from '../../core/errors/error-messages';
import { type DayPart, isDayPart, type PresenceDaySuggestion } from '../../core/graphql/api.types';
import { inLanguage } from '../../core/i18n/language';
import { todayInOfficeZone } from '../../shared/date/civil-date';
import { DAY_PART_LABELS } from '../../shared/labels/day-part.labels';
import { BestDaysApi } from './data-access/best-days.api';
import {
  absentText,
  type BestDaysDraft,
  canComeText,
  defaultDraft,
  draftProblem,
  formatLongGermanDate,
  freeDesksText,
  MAX_RANGE_DAYS,
} from './data-access/best-days.form';

type SearchState = 'idle' | 'loading' | 'ready' | 'error';

/** Parts of the day in the order people think of them. */
const PART_ORDER: readonly DayPart[] = ['FULL_DAY', 'MORNING', 'AFTERNOON'];

let nextPanelId = 0;

/**
 * Suggests the days (and offices) when most of the team can come in, ranked best first, each with the reason and
 * a button to plan a team day there. For the team's leads and its organisation's admins.
 */
@Component({
  selector: 'nb-best-days-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './best-days-panel.html',
  styleUrl: './best-days-panel.css',
})
export class BestDaysPanel {
  private readonly api = inject(BestDaysApi);
  private readonly announcer = inject(Announcer);
  private readonly fromInput = viewChild<ElementRef<HTMLInputElement>>('fromInput');

  readonly teamId = input.required<string>();
  /** The lead wants to plan a team day on this date in this office. */
  readonly chosen = output<{ date: string; officeId: string }>();

  protected readonly id = `best-days-${++nextPanelId}`;
  protected readonly today = todayInOfficeZone();
  protected readonly maxRangeDays = MAX_RANGE_DAYS;
  protected readonly parts = PART_ORDER;
  protected readonly partLabels = DAY_PART_LABELS;
  protected readonly formatDate = formatLongGermanDate;
  protected readonly canComeText = canComeText;
  protected readonly freeDesksText = freeDesksText;
  protected readonly absentText = absentText;
  protected readonly inLanguage = inLanguage;
  protected readonly planLabel = (date: string, office: string): string =>
    $localize`Diesen Tag planen: ${formatLongGermanDate(date)}:date:, ${office}:office:`;

  protected readonly offices = resource({
    loader: ({ abortSignal }) => this.api.offices(abortSignal),
  });

  protected readonly draft = signal<BestDaysDraft>(defaultDraft(this.today));
  protected readonly problem = signal<string | null>(null);
  protected readonly state = signal<SearchState>('idle');
  protected readonly suggestions = signal<readonly PresenceDaySuggestion[]>([]);

  private controller: AbortController | undefined;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.controller?.abort());
  }

  protected setFrom(from: string): void {
    this.draft.update((draft) => ({ ...draft, from }));
    this.problem.set(null);
  }

  protected setTo(to: string): void {
    this.draft.update((draft) => ({ ...draft, to }));
    this.problem.set(null);
  }

  protected choosePart(value: string): void {
    if (isDayPart(value)) {
      this.draft.update((draft) => ({ ...draft, part: value }));
    }
  }

  protected toggleOffice(officeId: string, checked: boolean): void {
    this.draft.update((draft) => ({
      ...draft,
      officeIds: checked
        ? [...draft.officeIds.filter((id) => id !== officeId), officeId]
        : draft.officeIds.filter((id) => id !== officeId),
    }));
    this.problem.set(null);
  }

  protected async search(event: Event): Promise<void> {
    event.preventDefault();
    const draft = this.draft();
    const problem = draftProblem(draft, this.today);
    if (problem !== null) {
      this.problem.set(problem);
      this.fromInput()?.nativeElement.focus();
      return;
    }
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.problem.set(null);
    this.state.set('loading');
    this.announcer.announce($localize`Gute Tage werden gesucht …`);
    try {
      const found = await this.api.bestDays(
        {
          teamId: this.teamId(),
          from: draft.from,
          to: draft.to,
          part: draft.part,
          ...(draft.officeIds.length > 0 ? { officeIds: draft.officeIds } : {}),
        },
        controller.signal,
      );
      if (controller.signal.aborted) {
        return;
      }
      this.suggestions.set(found);
      this.state.set('ready');
      this.announcer.announce(
        found.length === 0
          ? $localize`Keine passenden Tage gefunden.`
          : `${found.length} ${found.length === 1 ? 'Vorschlag' : $localize`Vorschläge`} gefunden, der beste zuerst.`,
      );
    } catch (error) {
      if (controller.signal.aborted) {
        return;
      }
      const message = errorMessageFor(error);
      this.suggestions.set([]);
      this.state.set('error');
      this.problem.set(message);
      this.announcer.announce(message);
    }
  }

  protected plan(suggestion: PresenceDaySuggestion): void {
    this.chosen.emit({ date: suggestion.date, officeId: suggestion.office.id });
  }
}
