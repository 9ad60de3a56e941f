import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';

import type { DayPart, Office } from '../../core/graphql/api.types';
import { DAY_PARTS } from '../../core/graphql/api.types';
import { isCivilDate } from '../../shared/date/civil-date';
import { DAY_PART_LABELS } from '../../shared/labels/day-part.labels';
import { officeLabel } from '../../shared/labels/office.labels';
import type { BookingSelection } from '../booking-selection';

let nextFormId = 0;

/** Office, date and part of the day. Every change is passed on at once; nothing is stored here. */
@Component({
  selector: 'nb-booking-selection-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './booking-selection-form.html',
  styleUrl: './booking-selection-form.css',
})
export class BookingSelectionForm {
  readonly offices = input.required<readonly Office[]>();
  readonly selection = input.required<BookingSelection>();
  /** Earliest date that can be chosen, "YYYY-MM-DD". */
  readonly minDate = input.required<string>();
  readonly selectionChange = output<BookingSelection>();

  protected readonly id = `nb-selection-${nextFormId++}`;
  protected readonly parts = DAY_PARTS;
  protected readonly partLabels = DAY_PART_LABELS;
  protected readonly officeLabel = officeLabel;
  protected readonly dateProblem = signal<string | null>(null);

  protected chooseOffice(officeId: string): void {
    this.selectionChange.emit({ ...this.selection(), officeId });
  }

  protected chooseDate(field: HTMLInputElement): void {
    const date = field.value;
    if (!isCivilDate(date) || date < this.minDate()) {
      // Typed dates bypass `min`: put the valid date back and say why.
      field.value = this.selection().date;
      this.dateProblem.set($localize`Bitte wählen Sie heute oder einen späteren Tag. Das Datum wurde zurückgesetzt.`);
      return;
    }
    this.dateProblem.set(null);
    this.selectionChange.emit({ ...this.selection(), date });
  }

  protected choosePart(part: DayPart): void {
    this.selectionChange.emit({ ...this.selection(), part });
  }
}
