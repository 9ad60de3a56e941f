import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  Injector,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';

import type { DayPart, Office, PresenceDay } from '../core/graphql/api.types';
import { DAY_PARTS } from '../core/graphql/api.types';
import { refusalText } from '../core/i18n/language';
import { isCivilDate, todayInOfficeZone } from '../shared/date/civil-date';
import { DAY_PART_LABELS } from '../shared/labels/day-part.labels';
import { officeLabel } from '../shared/labels/office.labels';
import type { PlannerMode, TeamDayDraft } from './data-access/team-day-planner';
import {
  previewFacts,
  seatingText,
  shortfallText,
  sideBySideText,
  TeamDayPlanner,
} from './data-access/team-day-planner';

/** A day and office chosen elsewhere (the best days), to start the form with. */
export interface TeamDayPrefill {
  readonly date: string;
  readonly officeId: string;
}

interface FieldProblems {
  readonly office?: string;
  readonly date?: string;
}

let nextEditorId = 0;

/**
 * The lead's form for a team day: office, date, part of the day and (for a new day) whether it is mandatory and
 * a note. As soon as office, date and part are complete, it shows what saving would do (TeamDayPlanner); saving
 * with a shortfall needs a tick. Creates a new day, or moves `mode.day`.
 */
@Component({
  selector: 'nb-team-day-editor',
  providers: [TeamDayPlanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './team-day-editor.html',
  styleUrl: './team-day-editor.css',
})
export class TeamDayEditor {
  protected readonly planner = inject(TeamDayPlanner);
  private readonly host: ElementRef<HTMLElement> = inject(ElementRef);
  private readonly injector = inject(Injector);

  readonly mode = input.required<PlannerMode>();
  readonly offices = input.required<readonly Office[]>();
  /** Heading level of the form's own subheadings: one below the heading it is placed under. */
  readonly headingLevel = input<3 | 4 | 5>(3);
  /** A new object each time the lead picks a suggestion: the form takes its date and office. */
  readonly prefill = input<TeamDayPrefill | null>(null);
  readonly saved = output<PresenceDay>();
  /** The lead stopped moving (the move form only). */
  readonly closed = output<void>();

  protected readonly id = `team-day-editor-${++nextEditorId}`;
  protected readonly today = todayInOfficeZone();
  protected readonly parts = DAY_PARTS;
  protected readonly partLabels = DAY_PART_LABELS;
  protected readonly officeLabel = officeLabel;
  protected readonly shortfallText = shortfallText;
  protected readonly seatingText = seatingText;
  protected readonly sideBySideText = sideBySideText;
  protected readonly previewFacts = previewFacts;
  protected readonly refusalText = refusalText;

  protected readonly draft = signal<TeamDayDraft>({
    officeId: '',
    date: '',
    part: 'FULL_DAY',
    mandatory: false,
    note: '',
  });
  protected readonly acceptShortfall = signal(false);
  protected readonly problems = signal<FieldProblems>({});
  protected readonly saveProblem = signal<string | null>(null);
  private submitted = false;
  protected readonly isMove = computed(() => this.mode().kind === 'move');
  protected readonly preview = this.planner.preview;
  /** The preview's shortfall, when the lead must accept it before saving. */
  protected readonly shortfall = computed(() => {
    const preview = this.planner.readyPreview();
    return preview !== null && preview.refusal === null ? preview.shortfall : 0;
  });

  constructor() {
    // The move form starts at the day as it is.
    effect(() => {
      const mode = this.mode();
      if (mode.kind === 'move') {
        const { office, date, part, mandatory, note } = mode.day;
        untracked(() => this.change({ officeId: office.id, date, part, mandatory, note: note ?? '' }));
      }
    });
    effect(() => {
      const prefill = this.prefill();
      if (prefill !== null) {
        untracked(() => this.change({ officeId: prefill.officeId, date: prefill.date }));
      }
    });
  }

  protected setOffice(officeId: string): void {
    this.change({ officeId });
  }

  protected setDate(date: string): void {
    this.change({ date });
  }

  protected setPart(part: string): void {
    const known = this.parts.find((candidate) => candidate === part);
    if (known !== undefined) {
      this.change({ part: known as DayPart });
    }
  }

  protected setMandatory(mandatory: boolean): void {
    this.draft.update((draft) => ({ ...draft, mandatory }));
  }

  protected setNote(note: string): void {
    this.draft.update((draft) => ({ ...draft, note }));
  }

  protected setAcceptShortfall(accept: boolean): void {
    this.acceptShortfall.set(accept);
    this.saveProblem.set(null);
  }

  protected checkAgain(): void {
    this.planner.clear();
    void this.planner.check(this.mode(), this.draft());
  }

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    const draft = this.draft();
    const problems = this.problemsOf(draft);
    this.submitted = true;
    this.problems.set(problems);
    if (problems.office !== undefined || problems.date !== undefined) {
      this.focus(problems.office !== undefined ? 'office' : 'date');
      return;
    }
    this.saveProblem.set(null);
    const result = await this.planner.save(this.mode(), draft, this.acceptShortfall());
    if (!result.ok) {
      this.saveProblem.set(result.problem);
      if (this.shortfall() > 0 && !this.acceptShortfall()) {
        this.focus('accept');
      }
      return;
    }
    this.acceptShortfall.set(false);
    this.submitted = false;
    if (!this.isMove()) {
      // Ready for the next day; the office stays, as teams mostly meet in the same one.
      this.draft.update((current) => ({ ...current, date: '', mandatory: false, note: '' }));
    }
    this.saved.emit(result.day);
  }

  private change(change: Partial<TeamDayDraft>): void {
    this.draft.update((draft) => ({ ...draft, ...change }));
    this.acceptShortfall.set(false);
    this.saveProblem.set(null);
    const draft = this.draft();
    // A half-filled form is not scolded: before a save attempt only a wrong date entered shows a problem.
    const problems = this.problemsOf(draft);
    const typedDateProblem = draft.date !== '' && problems.date !== undefined ? { date: problems.date } : {};
    this.problems.set(this.submitted ? problems : typedDateProblem);
    if (problems.office === undefined && problems.date === undefined) {
      void this.planner.check(this.mode(), draft);
    } else {
      this.planner.clear();
    }
  }

  private problemsOf(draft: TeamDayDraft): FieldProblems {
    let date: string | undefined;
    if (!isCivilDate(draft.date)) {
      date = $localize`Bitte wählen Sie ein Datum.`;
    } else if (draft.date < this.today) {
      date = $localize`Dieser Tag liegt in der Vergangenheit. Bitte wählen Sie heute oder einen späteren Tag.`;
    }
    const officeKnown = this.offices().some((office) => office.id === draft.officeId);
    return {
      ...(officeKnown ? {} : { office: $localize`Bitte wählen Sie ein Büro.` }),
      ...(date === undefined ? {} : { date }),
    };
  }

  private focus(field: 'office' | 'date' | 'accept'): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(`#${this.id}-${field}`)?.focus(), {
      injector: this.injector,
    });
  }
}
