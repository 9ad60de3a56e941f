import { ChangeDetectionStrategy, Component, inject, input, linkedSignal, resource, signal } from '@angular/core';
import { Router } from '@angular/router';

import { ROUTE_LINKS } from '../app.paths';
import { errorMessageFor } from '../core/errors/error-messages';
import { Identity } from '../core/identity/identity';
import { DemoPeopleApi } from './data-access/demo-people.api';

/** Demo mode's sign-in: pick the person to act as. */
@Component({
  selector: 'nb-demo-start',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './demo-start.html',
  styleUrl: './demo-start.css',
})
export class DemoStart {
  private readonly api = inject(DemoPeopleApi);
  private readonly demo = inject(Identity).demo;
  private readonly router = inject(Router);

  /** Where to continue after choosing; the booking page when not given. */
  readonly returnUrl = input<string | null>(null);

  protected readonly errorMessageFor = errorMessageFor;
  protected readonly people = resource({
    loader: ({ abortSignal }) => this.api.demoPeople(abortSignal),
  });
  /** Starts as the person chosen before, if any. */
  protected readonly chosenId = linkedSignal(() => this.demo?.personId() ?? null);
  protected readonly problem = signal<string | null>(null);

  protected choose(personId: string): void {
    this.chosenId.set(personId);
    this.problem.set(null);
  }

  protected continue(event: Event): void {
    event.preventDefault();
    const personId = this.chosenId();
    const people = this.people.hasValue() ? this.people.value() : [];
    if (personId === null || !people.some((person) => person.id === personId)) {
      this.problem.set($localize`Bitte wählen Sie zuerst eine Person aus.`);
      return;
    }
    this.demo?.choose(personId);
    void this.router.navigateByUrl(this.returnUrl() ?? ROUTE_LINKS.booking);
  }
}
