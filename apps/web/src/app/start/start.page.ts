import { ChangeDetectionStrategy, Component, inject, linkedSignal, resource, signal } from '@angular/core';
import { Router } from '@angular/router';

import { ROUTE_LINKS } from '../app.paths';
import { errorMessageFor } from '../core/errors/error-messages';
import { DemoIdentity } from '../core/identity/demo-identity';
import { DemoPeopleApi } from './data-access/demo-people.api';

/** Demo mode's sign-in: pick the person to act as. */
@Component({
  selector: 'nb-start-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './start.page.html',
  styleUrl: './start.page.css',
})
export class StartPage {
  private readonly api = inject(DemoPeopleApi);
  private readonly identity = inject(DemoIdentity);
  private readonly router = inject(Router);

  protected readonly errorMessageFor = errorMessageFor;
  protected readonly people = resource({
    loader: ({ abortSignal }) => this.api.demoPeople(abortSignal),
  });
  /** Starts as the person chosen before, if any. */
  protected readonly chosenId = linkedSignal(() => this.identity.personId());
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
      this.problem.set('Bitte wählen Sie zuerst eine Person aus.');
      return;
    }
    this.identity.choose(personId);
    void this.router.navigateByUrl(ROUTE_LINKS.booking);
  }
}
