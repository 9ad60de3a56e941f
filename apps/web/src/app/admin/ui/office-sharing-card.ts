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
  viewChild,
} from '@angular/core';

import type { OfficeSharing, Organisation } from '../../core/graphql/api.types';
import { landName } from '../../shared/labels/office.labels';

export interface RevokeRequest {
  readonly organisation: Organisation;
  readonly cancelBookings: boolean;
}

let nextCardId = 0;

/**
 * One office the admin's organisation runs: the organisations it is shared with, each with "Freigabe entziehen"
 * (which asks what to do with existing bookings), and a form to share it with one more organisation.
 */
@Component({
  selector: 'nb-office-sharing-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './office-sharing-card.html',
  styleUrl: './admin-cards.css',
})
export class OfficeSharingCard {
  private readonly injector = inject(Injector);
  private readonly host: ElementRef<HTMLElement> = inject(ElementRef);

  readonly sharing = input.required<OfficeSharing>();
  protected readonly revokeLabel = (organisation: string): string =>
    $localize`Freigabe entziehen für ${organisation}:organisation:`;
  protected readonly shareLabel = (): string => $localize`${this.sharing().office.name}:office: freigeben`;
  /** Organisations it can still be shared with. */
  readonly offerable = input.required<readonly Organisation[]>();
  /** A change of this office's sharing is under way. */
  readonly busy = input(false);
  readonly share = output<Organisation>();
  readonly revoke = output<RevokeRequest>();

  protected readonly id = `sharing-${++nextCardId}`;
  protected readonly landName = landName;
  protected readonly confirming = signal<string | null>(null);
  protected readonly chosenId = signal('');
  protected readonly shareProblem = signal<string | null>(null);
  protected readonly chosen = computed(
    () => this.offerable().find((organisation) => organisation.id === this.chosenId()) ?? null,
  );

  private readonly heading = viewChild.required<ElementRef<HTMLElement>>('heading');
  private readonly question = viewChild<ElementRef<HTMLElement>>('question');

  protected askRevoke(organisation: Organisation): void {
    if (this.busy()) {
      return;
    }
    this.confirming.set(organisation.id);
    // Start at the question, so a screen reader reads it before the answers.
    afterNextRender(() => this.question()?.nativeElement.focus(), { injector: this.injector });
  }

  protected keep(organisation: Organisation): void {
    this.confirming.set(null);
    // Back to the button that asked.
    const buttonId = this.revokeButtonId(organisation);
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(`#${buttonId}`)?.focus(), {
      injector: this.injector,
    });
  }

  protected confirm(organisation: Organisation, cancelBookings: boolean): void {
    if (this.busy()) {
      return;
    }
    this.confirming.set(null);
    this.revoke.emit({ organisation, cancelBookings });
    // The row goes away: continue at the office's heading; the result is announced in the status region.
    afterNextRender(() => this.heading().nativeElement.focus(), { injector: this.injector });
  }

  protected choose(organisationId: string): void {
    this.chosenId.set(organisationId);
    this.shareProblem.set(null);
  }

  protected submitShare(event: Event): void {
    event.preventDefault();
    if (this.busy()) {
      return;
    }
    const organisation = this.chosen();
    if (organisation === null) {
      this.shareProblem.set($localize`Bitte wählen Sie zuerst eine Organisation.`);
      return;
    }
    this.chosenId.set('');
    this.share.emit(organisation);
  }

  protected revokeButtonId(organisation: Organisation): string {
    return `${this.id}-revoke-${organisation.id}`;
  }
}
