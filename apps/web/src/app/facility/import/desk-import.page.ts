import { ChangeDetectionStrategy, Component, effect, type ElementRef, inject, viewChild } from '@angular/core';
import { RouterLink } from '@angular/router';
import { deskImportTemplate, type SpreadsheetEncoding } from '@nahbar/domain';

import { BOOKING_QUERY_PARAMS, ROUTE_LINKS } from '../../app.paths';
import { activeLanguage, formatNumber } from '../../core/i18n/language';
import { StatusMessage } from '../../shared/ui/status-message';
import type { DeskImportOffice } from './data-access/desk-import.api';
import { columnLabel, lineErrorText } from './data-access/desk-import.state';
import { DeskImportStore } from './data-access/desk-import.store';

/** Faulty lines shown at once; the rest are counted (the API reports every one). */
export const SHOWN_ERRORS = 500;

/**
 * "Plätze importieren": a facility manager (or organisation admin) downloads the template, chooses their CSV file,
 * sees every faulty line (line, column, reason) or what the import would create and change, and imports a clean file
 * (all or nothing), with the upload's and the server's progress in a progress bar.
 */
@Component({
  selector: 'nb-desk-import-page',
  imports: [StatusMessage, RouterLink],
  providers: [DeskImportStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './desk-import.page.html',
  styleUrl: './desk-import.page.css',
})
export class DeskImportPage {
  protected readonly store = inject(DeskImportStore);
  private readonly fileInput = viewChild<ElementRef<HTMLInputElement>>('fileInput');
  private readonly resultHeading = viewChild<ElementRef<HTMLElement>>('resultHeading');
  private readonly errorsCaption = viewChild<ElementRef<HTMLElement>>('errorsCaption');

  protected readonly shownErrors = SHOWN_ERRORS;
  protected readonly columnLabel = columnLabel;
  protected readonly lineErrorText = lineErrorText;
  protected readonly formatNumber = formatNumber;
  protected readonly bookingLink = ROUTE_LINKS.booking;
  /** The template in the active language: a data address, so it downloads without a server round trip. */
  protected readonly templateHref = `data:text/csv;charset=utf-8,${encodeURIComponent(
    deskImportTemplate(activeLanguage() === 'en' ? 'en' : 'de'),
  )}`;
  protected readonly templateName = $localize`nahbar-plaetze-vorlage.csv`;

  constructor() {
    // Results are announced by the status message (a live region); keyboard users land on them.
    effect(() => {
      if (this.store.stage() === 'imported') queueMicrotask(() => this.resultHeading()?.nativeElement.focus());
    });
    effect(() => {
      if (this.store.errors().length > 0) queueMicrotask(() => this.errorsCaption()?.nativeElement.focus());
    });
  }

  protected async choose(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    // Emptied, so that choosing the same (corrected) file again is a change too.
    input.value = '';
    if (file) await this.store.choose(file);
  }

  protected chooseAgain(): void {
    this.fileInput()?.nativeElement.focus();
  }

  protected encodingLabel(encoding: SpreadsheetEncoding): string {
    return encoding === 'WINDOWS-1252'
      ? $localize`Zeichensatz Windows-1252 (Excel „CSV“), umgewandelt`
      : encoding === 'UTF-8'
        ? $localize`Zeichensatz UTF-8`
        : $localize`Zeichensatz UTF-16`;
  }

  protected bookingParams(office: DeskImportOffice): Record<string, string> {
    return { [BOOKING_QUERY_PARAMS.office]: office.officeId ?? '' };
  }

  protected desksOf(office: DeskImportOffice): number {
    return office.areas.reduce((sum, area) => sum + area.desksCreated + area.desksUpdated + area.desksUnchanged, 0);
  }
}
