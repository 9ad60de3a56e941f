import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  type ElementRef,
  input,
  linkedSignal,
  output,
  signal,
  viewChild,
} from '@angular/core';

import type {
  BookRecurringInput,
  DayPart,
  DeskAvailability,
  RecurringBookingResult,
} from '../../core/graphql/api.types';
import { DAY_PARTS } from '../../core/graphql/api.types';
import { formatCivilDate } from '../../shared/date/civil-date';
import { DAY_PART_LABELS } from '../../shared/labels/day-part.labels';
import type { RecurringForm, RecurringFormProblems } from '../recurring-booking';
import {
  defaultRecurringForm,
  hasProblems,
  MAX_WEEKS,
  MIN_WEEKS,
  RECURRING_WEEKDAYS,
  recurringFormProblems,
  recurringInput,
  recurringResultRows,
  recurringSummary,
} from '../recurring-booking';

let nextDialogId = 0;

/**
 * Book one desk on chosen weekdays for some weeks, and see per date what happened. A native modal <dialog>:
 * the browser keeps focus inside and Esc closes it; the page puts focus back where it was.
 */
@Component({
  selector: 'nb-recurring-booking-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './recurring-booking-dialog.html',
  styleUrl: './recurring-booking-dialog.css',
})
export class RecurringBookingDialog {
  readonly desk = input.required<DeskAvailability>();
  /** First date, "YYYY-MM-DD": the date chosen on the page. */
  readonly from = input.required<string>();
  /** Part of the day chosen on the page. */
  readonly part = input.required<DayPart>();
  readonly busy = input(false);
  readonly result = input<RecurringBookingResult | null>(null);
  readonly error = input<string | null>(null);
  readonly send = output<BookRecurringInput>();
  readonly closed = output<void>();

  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');
  private readonly weeksField = viewChild<ElementRef<HTMLInputElement>>('weeksField');
  private readonly firstWeekday = viewChild<ElementRef<HTMLInputElement>>('weekdayBox');

  protected readonly id = `nb-recurring-${nextDialogId++}`;
  protected readonly weekdays = RECURRING_WEEKDAYS;
  protected readonly parts = DAY_PARTS;
  protected readonly partLabels = DAY_PART_LABELS;
  protected readonly minWeeks = MIN_WEEKS;
  protected readonly maxWeeks = MAX_WEEKS;
  protected readonly fromText = computed(() => formatCivilDate(this.from()));

  protected readonly form = linkedSignal<RecurringForm>(() => defaultRecurringForm(this.from(), this.part()));
  /** Shown only after a first attempt to send, so that nothing is red before the person typed. */
  protected readonly problems = signal<RecurringFormProblems>({});
  protected readonly rows = computed(() => {
    const result = this.result();
    return result === null ? [] : recurringResultRows(result);
  });
  protected readonly summary = computed(() => {
    const result = this.result();
    return result === null ? null : recurringSummary(result);
  });

  constructor() {
    afterNextRender(() => {
      const dialog = this.dialog().nativeElement;
      // jsdom (unit tests) has no showModal; an open non-modal dialog is the fallback.
      if (typeof dialog.showModal === 'function') {
        dialog.showModal();
      } else {
        dialog.setAttribute('open', '');
      }
    });
  }

  protected toggleWeekday(value: number, checked: boolean): void {
    this.form.update((form) => ({
      ...form,
      weekdays: checked
        ? [...form.weekdays.filter((d) => d !== value), value]
        : form.weekdays.filter((d) => d !== value),
    }));
    this.revalidate();
  }

  protected setWeeks(weeks: string): void {
    this.form.update((form) => ({ ...form, weeks }));
    this.revalidate();
  }

  protected setPart(part: DayPart): void {
    this.form.update((form) => ({ ...form, part }));
  }

  protected setAllOrNothing(allOrNothing: boolean): void {
    this.form.update((form) => ({ ...form, allOrNothing }));
  }

  protected submit(event: Event): void {
    event.preventDefault();
    if (this.busy()) {
      return;
    }
    const problems = recurringFormProblems(this.form());
    this.problems.set(problems);
    const input = recurringInput(this.desk().deskId, this.from(), this.form());
    if (hasProblems(problems) || input === null) {
      (problems.weekdays ? this.firstWeekday() : this.weeksField())?.nativeElement.focus();
      return;
    }
    this.send.emit(input);
  }

  /** Esc (the dialog's cancel event): the page removes the dialog and returns focus. */
  protected cancel(event: Event): void {
    event.preventDefault();
    this.closed.emit();
  }

  private revalidate(): void {
    // Once problems were shown, they go away as soon as they are fixed.
    if (hasProblems(this.problems())) {
      this.problems.set(recurringFormProblems(this.form()));
    }
  }
}
