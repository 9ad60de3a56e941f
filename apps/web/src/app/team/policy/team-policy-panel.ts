import {
  ChangeDetectionStrategy,
  Component,
  computed,
  type ElementRef,
  inject,
  input,
  linkedSignal,
  output,
  resource,
  signal,
  viewChild,
} from '@angular/core';

import { errorMessageFor } from '../../core/errors/error-messages';
import type { PresencePeriod, TeamDetails } from '../../core/graphql/api.types';
import type { StatusNote } from '../../shared/ui/status-message';
import { StatusMessage } from '../../shared/ui/status-message';
import { PresencePolicyApi } from './data-access/presence-policy.api';
import {
  draftFromPolicy,
  holidaysText,
  MAX_DAYS,
  missingFixedText,
  PERIOD_NAMES,
  periodName,
  periodRange,
  plannedText,
  POLICY_WEEKDAYS,
  policyFromDraft,
  policyText,
  privateCountText,
  WEEKDAY_NAMES,
} from './data-access/presence-policy.texts';

let nextPanelId = 0;

/**
 * The team's presence policy in plain words; the caller's own progress, which only they see; and for the team's
 * leads (and its organisation's admins) the counts of the current period and a form to set or clear the policy.
 */
@Component({
  selector: 'nb-team-policy-panel',
  imports: [StatusMessage],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './team-policy-panel.html',
  styleUrl: './team-policy-panel.css',
})
export class TeamPolicyPanel {
  private readonly api = inject(PresencePolicyApi);
  private readonly minDaysInput = viewChild<ElementRef<HTMLInputElement>>('minDaysInput');

  readonly team = input.required<TeamDetails>();
  /** The policy was set or cleared: the page should read the team again. */
  readonly changed = output<void>();

  protected readonly id = `team-policy-${++nextPanelId}`;
  protected readonly weekdays = POLICY_WEEKDAYS;
  protected readonly weekdayNames = WEEKDAY_NAMES;
  protected readonly periodNames = PERIOD_NAMES;
  protected readonly periods: readonly PresencePeriod[] = ['WEEK', 'MONTH'];
  protected readonly plannedText = plannedText;
  protected readonly holidaysText = holidaysText;
  protected readonly missingFixedText = missingFixedText;
  protected readonly periodRange = periodRange;
  protected readonly privateCountText = privateCountText;
  protected readonly errorMessageFor = errorMessageFor;

  protected readonly policyText = computed(() => policyText(this.team().policy));

  /** Keyed by the policy too, so that progress and counts are read again after it changed. */
  private readonly policyKey = computed(() => {
    const team = this.team();
    return team.policy === null ? null : `${team.id}:${JSON.stringify(team.policy)}`;
  });

  protected readonly progress = resource({
    params: () => this.policyKey() ?? undefined,
    loader: ({ abortSignal }) => this.api.myProgress(abortSignal),
  });

  /** The caller's own progress for this team; undefined when they are not a member (an admin) or it is loading. */
  protected readonly myProgress = computed(() => {
    const teamId = this.team().id;
    return this.progress.hasValue() ? this.progress.value().find((entry) => entry.team.id === teamId) : undefined;
  });

  protected readonly summary = resource({
    params: () => {
      const key = this.policyKey();
      return this.team().viewerCanManage && key !== null ? { teamId: this.team().id, key } : undefined;
    },
    loader: ({ params, abortSignal }) => this.api.summary(params.teamId, abortSignal),
  });

  protected readonly draft = linkedSignal(() => draftFromPolicy(this.team().policy));
  protected readonly problem = signal<string | null>(null);
  protected readonly note = signal<StatusNote | null>(null);
  protected readonly busy = signal(false);
  protected readonly confirmingClear = signal(false);
  protected readonly maxDays = computed(() => MAX_DAYS[this.draft().period]);

  protected periodTitle(index: number): string {
    const period = this.myProgress()?.policy.period ?? 'WEEK';
    return periodName(period, index);
  }

  protected choosePeriod(period: PresencePeriod): void {
    this.draft.update((draft) => ({ ...draft, period }));
    this.problem.set(null);
  }

  protected setMinDays(value: string): void {
    this.draft.update((draft) => ({ ...draft, minDays: value }));
    this.problem.set(null);
  }

  protected toggleWeekday(weekday: number, checked: boolean): void {
    this.draft.update((draft) => ({
      ...draft,
      fixedWeekdays: checked
        ? [...draft.fixedWeekdays.filter((day) => day !== weekday), weekday]
        : draft.fixedWeekdays.filter((day) => day !== weekday),
    }));
    this.problem.set(null);
  }

  protected async save(event: Event): Promise<void> {
    event.preventDefault();
    if (this.busy()) {
      return;
    }
    const checked = policyFromDraft(this.draft());
    if ('problem' in checked) {
      this.problem.set(checked.problem);
      this.minDaysInput()?.nativeElement.focus();
      return;
    }
    this.busy.set(true);
    this.note.set(null);
    try {
      const team = await this.api.setPolicy({ teamId: this.team().id, ...checked.policy });
      this.problem.set(null);
      this.done($localize`Die Anwesenheitsregel ist gespeichert: ${policyText(team.policy)}`);
    } catch (error) {
      this.problem.set(errorMessageFor(error));
    } finally {
      this.busy.set(false);
    }
  }

  protected askToClear(): void {
    this.problem.set(null);
    this.confirmingClear.set(true);
  }

  protected cancelClear(): void {
    this.confirmingClear.set(false);
  }

  protected async clear(): Promise<void> {
    if (this.busy()) {
      return;
    }
    this.busy.set(true);
    this.note.set(null);
    try {
      await this.api.clearPolicy(this.team().id);
      this.confirmingClear.set(false);
      this.problem.set(null);
      this.done($localize`Die Anwesenheitsregel ist aufgehoben. Für das Team gilt keine Regel mehr.`);
    } catch (error) {
      this.confirmingClear.set(false);
      this.problem.set(errorMessageFor(error));
    } finally {
      this.busy.set(false);
    }
  }

  private done(text: string): void {
    this.note.set({ tone: 'success', text });
    this.changed.emit();
  }
}
