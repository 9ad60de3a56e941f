import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';

import { errorMessageFor } from '../../core/errors/error-messages';

/** An office the person may choose: its id and name. */
export interface OfficeOption {
  readonly id: string;
  readonly name: string;
}

/** The page's read of the person's offices (an Angular `resource`), as far as the choice needs it. */
export interface OfficesRead {
  hasValue(): boolean;
  value(): readonly OfficeOption[] | undefined;
  isLoading(): boolean;
  error(): unknown;
  reload(): boolean;
}

/**
 * The head of the facility figures pages (occupancy, utilisation): the person's offices while they load, an error
 * with "Erneut versuchen", and once there are offices the choice of one, with the page's other fields (the content)
 * beside it. When the person manages none, it shows nothing: the page says so in its own words.
 */
@Component({
  selector: 'nb-office-choice',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .choice {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-end;
      gap: 0.75rem 1.5rem;
      margin-bottom: 1rem;
    }

    .choice select {
      max-width: 100%;
    }
  `,
  template: `
    @if (offices().error(); as problem) {
      <div role="alert" class="status status--error">
        <p i18n>
          <span class="status__prefix">Fehler:</span> Die Büros konnten nicht geladen werden.
          {{ errorMessageFor(problem) }}
        </p>
        <button type="button" (click)="offices().reload()" i18n>Erneut versuchen</button>
      </div>
    } @else if (offices().isLoading() && list().length === 0) {
      <p aria-live="polite" i18n>Büros werden geladen …</p>
    } @else if (list().length > 0) {
      <div class="choice">
        <div class="field">
          <label [for]="fieldId()" i18n>Büro</label>
          <select [id]="fieldId()" #officeField (change)="choose.emit(officeField.value)">
            @for (office of list(); track office.id) {
              <option [value]="office.id" [selected]="office.id === officeId()">{{ office.name }}</option>
            }
          </select>
        </div>
        <ng-content />
      </div>
    }
  `,
})
export class OfficeChoice {
  /** The page's read of the offices: "Erneut versuchen" reads them again. */
  readonly offices = input.required<OfficesRead>();
  readonly officeId = input.required<string | null>();
  /** The id of the office field (its label points to it). */
  readonly fieldId = input.required<string>();
  readonly choose = output<string>();

  protected readonly list = computed(() => {
    const offices = this.offices();
    return (offices.hasValue() ? offices.value() : undefined) ?? [];
  });

  protected readonly errorMessageFor = errorMessageFor;
}
