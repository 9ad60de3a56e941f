import { ChangeDetectionStrategy, Component, inject, resource } from '@angular/core';

import { errorMessageFor } from '../core/errors/error-messages';
import { formatCivilDate } from '../shared/date/civil-date';
import { AccessibilityFeedbackApi } from './data-access/accessibility-feedback.api';

/** When the statement was written and last reviewed (BITV 2.0 asks for the date); change it with every review. */
export const STATEMENT_DATE = '2026-11-23';

/**
 * The accessibility statement (Erklärung zur Barrierefreiheit) BITV 2.0 § 7 requires: how far nahbar meets the
 * requirements, what is not yet accessible, the date, how to give feedback, and the enforcement procedure.
 */
@Component({
  selector: 'nb-accessibility-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './accessibility.page.html',
  styleUrl: './accessibility.page.css',
})
export class AccessibilityPage {
  private readonly api = inject(AccessibilityFeedbackApi);

  protected readonly statementDate = formatCivilDate(STATEMENT_DATE);
  protected readonly statementDateIso = STATEMENT_DATE;
  protected readonly errorMessageFor = errorMessageFor;
  protected readonly contact = resource({ loader: ({ abortSignal }) => this.api.contactEmail(abortSignal) });
}
