import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';

import { formatNumber } from '../../../core/i18n/language';
import type { UtilisationFigures } from '../data-access/utilisation.api';
import { deskDaysText, percentText } from '../utilisation.labels';

/** One line of the table: a weekday or an area of the office, or the whole office. */
export interface UtilisationTableRow {
  /** Tracks the line; unique in one table. */
  readonly key: string;
  /** The row's header cell. */
  readonly label: string;
  /** A weekday with the most bookings: marked "(Spitzentag)". */
  readonly peak?: boolean;
  readonly openDays: number;
  readonly figures: UtilisationFigures;
  /** `data-weekday` of the line (ISO weekday), for tests and styles. */
  readonly weekday?: number;
  /** `data-area` of the line (the area's name), for tests and styles. */
  readonly area?: string;
}

/**
 * The figures of the utilisation page as a table, one line per weekday or area: open days, desk-days available and
 * booked, the rates. Its caption comes from the page (`<caption [id]="captionId">` as content) and names the
 * scrolling box that holds it, which a keyboard reaches on a phone.
 */
@Component({
  selector: 'nb-utilisation-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    /* Wide tables scroll inside their own box on a phone; the page itself never scrolls sideways. */
    .table-scroll {
      max-width: 100%;
      overflow-x: auto;
      margin: 1rem 0;
    }

    table {
      border-collapse: collapse;
    }

    th,
    td {
      padding: 0.25rem 0.5rem;
      border-bottom: 1px solid var(--nb-border);
      text-align: left;
    }

    .num {
      text-align: right;
    }
  `,
  template: `
    <div class="table-scroll" role="region" tabindex="0" [attr.aria-labelledby]="captionId()">
      <table [attr.data-testid]="testId()">
        <ng-content select="caption" />
        <thead>
          <tr>
            <th scope="col">{{ firstHeader() }}</th>
            <th scope="col" class="num" i18n>Öffnungstage</th>
            <th scope="col" class="num" i18n>Verfügbare Platztage</th>
            <th scope="col" class="num" i18n>Gebuchte Platztage</th>
            <th scope="col" class="num" i18n="utilisation over a range|">Auslastung</th>
            <th scope="col" class="num" i18n>Fällige Buchungen</th>
            <th scope="col" class="num" i18n>Eingecheckt</th>
            <th scope="col" class="num" i18n>Check-in-Quote</th>
            <th scope="col" class="num" i18n>Nicht erschienen</th>
            <th scope="col" class="num" i18n>No-Show-Quote</th>
          </tr>
        </thead>
        <tbody>
          @for (row of rows(); track row.key) {
            <ng-container *ngTemplateOutlet="line; context: { $implicit: row }" />
          } @empty {
            <tr>
              <td colspan="10">{{ emptyText() }}</td>
            </tr>
          }
        </tbody>
        @if (total(); as whole) {
          <tfoot>
            <ng-container *ngTemplateOutlet="line; context: { $implicit: whole }" />
          </tfoot>
        }
      </table>
    </div>

    <ng-template #line let-row>
      <tr [attr.data-weekday]="row.weekday ?? null" [attr.data-area]="row.area ?? null">
        <th scope="row">
          {{ row.label }}
          @if (row.peak) {
            &nbsp;<ng-container i18n>(Spitzentag)</ng-container>
          }
        </th>
        <td class="num">{{ number(row.openDays) }}</td>
        <td class="num" data-cell="available">{{ deskDaysText(row.figures.availableDeskDays) }}</td>
        <td class="num" data-cell="booked">{{ deskDaysText(row.figures.bookedDeskDays) }}</td>
        <td class="num" data-cell="utilisation">{{ percentText(row.figures.utilisationRate) }}</td>
        <td class="num" data-cell="due">{{ number(row.figures.dueBookings) }}</td>
        <td class="num" data-cell="checked-in">{{ number(row.figures.checkedIn) }}</td>
        <td class="num" data-cell="check-in-rate">{{ percentText(row.figures.checkInRate) }}</td>
        <td class="num" data-cell="no-shows">{{ number(row.figures.noShows) }}</td>
        <td class="num" data-cell="no-show-rate">{{ percentText(row.figures.noShowRate) }}</td>
      </tr>
    </ng-template>
  `,
  imports: [NgTemplateOutlet],
})
export class UtilisationTable {
  /** `data-testid` of the table. */
  readonly testId = input.required<string>();
  /** The id of the caption the page puts in: it names the scrolling box. */
  readonly captionId = input.required<string>();
  /** The header of the first column: what a line is (weekday, area). */
  readonly firstHeader = input.required<string>();
  readonly rows = input.required<readonly UtilisationTableRow[]>();
  /** The footer line (the whole office), if any. */
  readonly total = input<UtilisationTableRow | null>(null);
  /** What the body says when there is no line. */
  readonly emptyText = input.required<string>();

  protected readonly deskDaysText = deskDaysText;
  protected readonly percentText = percentText;
  protected readonly number = (value: number): string => formatNumber(value);
}
