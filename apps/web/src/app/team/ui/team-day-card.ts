import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  input,
  output,
  signal,
} from '@angular/core';

import type { PresenceAnswer, PresenceDay } from '../../core/graphql/api.types';
import { DAY_PART_LABELS } from '../../shared/labels/day-part.labels';
import { formatLongGermanDate } from '../data-access/team-dates';
import { countsText, memberAnswerText } from '../data-access/team-days.state';

/** The id of a team day's heading, for moving focus to it. */
export function teamDayHeadingId(dayId: string): string {
  return `team-day-${dayId}`;
}

/**
 * One upcoming team day: when, where, mandatory or not, the note and the answers so far; for members their own
 * answer (two toggle buttons) and desk; for leads every member's answer and the buttons to move or cancel it
 * (cancelling asks first). The move form is placed inside by the page (content projection).
 */
@Component({
  selector: 'nb-team-day-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './team-day-card.html',
  styleUrl: './team-day-card.css',
})
export class TeamDayCard {
  private readonly injector = inject(Injector);
  private readonly host: ElementRef<HTMLElement> = inject(ElementRef);

  readonly day = input.required<PresenceDay>();
  /** The person is a member and may answer. */
  readonly canAnswer = input(false);
  /** The person leads the team: moves and cancels its days and sees each member's answer. */
  readonly isLead = input(false);
  /** This day's answer or cancellation is under way. */
  readonly busy = input(false);
  /** Something else is under way: no second change meanwhile. */
  readonly waiting = input(false);
  /** The move form is open for this day. */
  readonly moving = input(false);
  readonly answer = output<PresenceAnswer>();
  readonly move = output<void>();
  readonly cancelDay = output<void>();

  protected readonly confirming = signal(false);
  protected readonly partLabels = DAY_PART_LABELS;
  protected readonly longDate = formatLongGermanDate;
  protected readonly memberAnswerText = memberAnswerText;
  protected readonly headingId = computed(() => teamDayHeadingId(this.day().id));
  protected readonly countsText = computed(() => countsText(this.day().answers));
  protected readonly myAnswerText = computed(() => {
    switch (this.day().myAnswer) {
      case 'ATTENDING':
        return $localize`:answer to a team day:Ich komme`;
      case 'AWAY':
        return $localize`:answer to a team day:Ich bin abwesend`;
      default:
        return $localize`noch keine Antwort`;
    }
  });

  protected choose(answer: PresenceAnswer): void {
    if (!this.waiting() && this.day().myAnswer !== answer) {
      this.answer.emit(answer);
    }
  }

  protected askCancel(): void {
    if (this.waiting()) {
      return;
    }
    this.confirming.set(true);
    this.focusLater('.confirm__question');
  }

  protected keep(): void {
    this.confirming.set(false);
    this.focusLater('.day__cancel');
  }

  protected confirmCancel(): void {
    this.confirming.set(false);
    // The page moves focus once the day is gone (or back here when it failed).
    this.cancelDay.emit();
  }

  private focusLater(selector: string): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(selector)?.focus(), {
      injector: this.injector,
    });
  }
}
