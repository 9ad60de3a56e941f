import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  type ElementRef,
  inject,
  signal,
  viewChild,
} from '@angular/core';

import { Announcer } from '../../core/a11y/announcer';
import { formatCivilDate, todayInOfficeZone } from '../../shared/date/civil-date';
import { StatusMessage } from '../../shared/ui/status-message';
import type { ManagedDesk, OfficeClosure } from './data-access/facility-operations.api';
import { percentFromShare, shareFromPercent } from './data-access/facility-operations.state';
import { FacilityOperationsStore } from './data-access/facility-operations.store';

/**
 * "Standortverwaltung": a facility manager (or an admin of the operator) blocks and unblocks desks, adds and removes
 * closures and sets the capacity cap of the offices they run. Before anything that cancels bookings the page says how
 * many (a number, never who) and asks for confirmation; the people affected are told live by the API.
 */
@Component({
  selector: 'nb-facility-operations-page',
  imports: [StatusMessage],
  providers: [FacilityOperationsStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './facility-operations.page.html',
  styleUrl: './facility-operations.page.css',
})
export class FacilityOperationsPage {
  protected readonly store = inject(FacilityOperationsStore);
  private readonly announcer = inject(Announcer);
  private readonly confirmation = viewChild<ElementRef<HTMLElement>>('confirmation');

  protected readonly formatCivilDate = formatCivilDate;
  protected readonly today = todayInOfficeZone();
  /** Block reasons being typed, by desk id. */
  protected readonly blockReasons = signal<ReadonlyMap<string, string>>(new Map());
  protected readonly closureFrom = signal('');
  protected readonly closureTo = signal('');
  protected readonly closureReason = signal('');
  protected readonly capacityPercent = signal('');
  protected readonly formError = signal<string | null>(null);
  protected readonly capPreview = computed(() => {
    const office = this.store.selected();
    const share = shareFromPercent(this.capacityPercent());
    if (!office || share === undefined || share === null) return null;
    const active = office.areas.flatMap((area) => area.desks).filter((desk) => !desk.blocked).length;
    return Math.floor(Math.round(share * active * 1e6) / 1e6);
  });

  constructor() {
    void this.store.reload();
    // The cap field shows the office's cap whenever another office is chosen or its cap changed.
    effect(() => this.capacityPercent.set(percentFromShare(this.store.selected()?.capacityShare ?? null)));
    // Focus moves to the confirmation when it appears, so keyboard and screen reader users meet it at once.
    effect(() => {
      if (this.store.pending() !== null) queueMicrotask(() => this.confirmation()?.nativeElement.focus());
    });
  }

  protected closureDates(closure: OfficeClosure): string {
    const from = formatCivilDate(closure.from);
    return closure.to === closure.from ? from : $localize`${from}:from: bis ${formatCivilDate(closure.to)}:to:`;
  }

  protected blockLabel(desk: ManagedDesk): string {
    return $localize`Platz ${desk.code}:code: sperren`;
  }

  protected unblockLabel(desk: ManagedDesk): string {
    return $localize`Platz ${desk.code}:code: entsperren`;
  }

  protected removeClosureLabel(closure: OfficeClosure): string {
    return $localize`Schließung ab ${formatCivilDate(closure.from)}:from: entfernen`;
  }

  protected choose(event: Event): void {
    this.store.select((event.target as HTMLSelectElement).value);
  }

  protected reasonFor(desk: ManagedDesk): string {
    return this.blockReasons().get(desk.id) ?? '';
  }

  protected typeReason(desk: ManagedDesk, event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    this.blockReasons.update((reasons) => new Map(reasons).set(desk.id, value));
  }

  protected async block(desk: ManagedDesk): Promise<void> {
    const reason = this.reasonFor(desk).trim();
    if (reason === '') {
      this.fail($localize`Bitte geben Sie einen Grund für die Sperre von Platz ${desk.code}:code: an.`);
      return;
    }
    this.formError.set(null);
    if (await this.store.blockDesk(desk.id, desk.code, reason)) {
      this.blockReasons.update((reasons) => {
        const next = new Map(reasons);
        next.delete(desk.id);
        return next;
      });
    }
  }

  protected unblock(desk: ManagedDesk): void {
    this.formError.set(null);
    void this.store.unblockDesk(desk.id, desk.code);
  }

  protected async addClosure(event: Event): Promise<void> {
    event.preventDefault();
    const office = this.store.selected();
    if (!office) return;
    const from = this.closureFrom();
    const to = this.closureTo() || from;
    const reason = this.closureReason().trim();
    if (from === '' || reason === '') {
      this.fail($localize`Bitte geben Sie mindestens den ersten Tag und einen Grund für die Schließung an.`);
      return;
    }
    this.formError.set(null);
    if (await this.store.addClosure(office.office.id, from, to, reason)) {
      this.closureFrom.set('');
      this.closureTo.set('');
      this.closureReason.set('');
    }
  }

  protected removeClosure(id: string): void {
    this.formError.set(null);
    void this.store.removeClosure(id);
  }

  protected saveCapacity(event: Event): void {
    event.preventDefault();
    const office = this.store.selected();
    if (!office) return;
    const share = shareFromPercent(this.capacityPercent());
    if (share === undefined) {
      this.fail(
        $localize`Bitte geben Sie die Höchstbelegung als ganze Zahl von 1 bis 100 an – oder lassen Sie das Feld leer.`,
      );
      return;
    }
    this.formError.set(null);
    void this.store.setCapacity(office.office.id, share);
  }

  protected inputValue(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  private fail(text: string): void {
    this.formError.set(text);
    this.announcer.announce(text);
  }
}
