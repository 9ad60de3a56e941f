import { computed, inject, Injectable, signal } from '@angular/core';

import { errorMessageFor } from '../../../core/errors/error-messages';
import type { StatusNote } from '../../../shared/ui/status-message';
import { type FacilityOperationResult, FacilityOperationsApi, type ManagedOffice } from './facility-operations.api';
import { confirmationText, doneText, replaceOffice } from './facility-operations.state';

export type LoadState = 'idle' | 'loading' | 'ready' | 'error';

/** An operation waiting for the manager's confirmation because it cancels bookings. */
export interface PendingOperation {
  readonly text: string;
  readonly run: () => Promise<FacilityOperationResult>;
  readonly done: string;
}

/**
 * The offices the person runs and the operations on them. An operation that may cancel bookings is first run as a
 * dry run: when it would cancel any, the manager sees how many and confirms; otherwise it runs at once.
 */
@Injectable()
export class FacilityOperationsStore {
  private readonly api = inject(FacilityOperationsApi);

  private readonly officeList = signal<readonly ManagedOffice[]>([]);
  private readonly selectedId = signal<string | null>(null);
  private readonly load = signal<LoadState>('idle');
  private readonly loadErrorText = signal<string | null>(null);
  private readonly lastNote = signal<StatusNote | null>(null);
  private readonly working = signal(false);
  private readonly waiting = signal<PendingOperation | null>(null);

  readonly offices = this.officeList.asReadonly();
  readonly loadState = this.load.asReadonly();
  readonly loadError = this.loadErrorText.asReadonly();
  readonly note = this.lastNote.asReadonly();
  readonly busy = this.working.asReadonly();
  readonly pending = this.waiting.asReadonly();
  readonly selected = computed(() => {
    const offices = this.officeList();
    return offices.find((office) => office.office.id === this.selectedId()) ?? offices[0] ?? null;
  });

  async reload(): Promise<void> {
    this.load.set('loading');
    try {
      this.officeList.set(await this.api.managedOffices());
      this.loadErrorText.set(null);
      this.load.set('ready');
    } catch (error) {
      this.loadErrorText.set(errorMessageFor(error));
      this.load.set('error');
    }
  }

  select(officeId: string): void {
    this.selectedId.set(officeId);
    this.waiting.set(null);
    this.lastNote.set(null);
  }

  blockDesk(deskId: string, code: string, reason: string): Promise<boolean> {
    return this.withPreview(
      (dryRun) => this.api.blockDesk({ deskId, reason, dryRun }),
      $localize`Platz ${code}:code: sperren`,
      $localize`Platz ${code}:code: ist gesperrt`,
    );
  }

  unblockDesk(deskId: string, code: string): Promise<boolean> {
    return this.execute(() => this.api.unblockDesk(deskId), $localize`Platz ${code}:code: ist wieder buchbar`);
  }

  addClosure(officeId: string, from: string, to: string, reason: string): Promise<boolean> {
    return this.withPreview(
      (dryRun) => this.api.addOfficeClosure({ officeId, from, to, reason, dryRun }),
      $localize`Schließung hinzufügen`,
      $localize`Die Schließung ist eingetragen`,
    );
  }

  removeClosure(id: string): Promise<boolean> {
    return this.execute(() => this.api.removeOfficeClosure(id), $localize`Die Schließung ist entfernt`);
  }

  setCapacity(officeId: string, capacityShare: number | null): Promise<boolean> {
    return this.withPreview(
      (dryRun) => this.api.setOfficeCapacity({ officeId, capacityShare, dryRun }),
      $localize`Höchstbelegung ändern`,
      capacityShare === null
        ? $localize`Die Höchstbelegung ist aufgehoben`
        : $localize`Die Höchstbelegung ist gespeichert`,
    );
  }

  /** Runs the operation waiting for confirmation. */
  async confirm(): Promise<boolean> {
    const pending = this.waiting();
    if (pending === null) return false;
    this.waiting.set(null);
    return this.execute(pending.run, pending.done);
  }

  cancelPending(): void {
    if (this.waiting() === null) return;
    this.waiting.set(null);
    this.lastNote.set({ tone: 'info', text: $localize`Nichts geändert.` });
  }

  /** A dry run first; runs at once when it cancels nothing, else waits for `confirm`. True when done or waiting. */
  private async withPreview(
    operation: (dryRun: boolean) => Promise<FacilityOperationResult>,
    action: string,
    done: string,
  ): Promise<boolean> {
    if (this.working()) return false;
    this.working.set(true);
    this.lastNote.set(null);
    let dry: FacilityOperationResult;
    try {
      dry = await operation(true);
    } catch (error) {
      this.lastNote.set({ tone: 'error', text: errorMessageFor(error) });
      return false;
    } finally {
      this.working.set(false);
    }
    if (dry.cancelledBookings === 0 && dry.endedWaitlistEntries === 0)
      return this.execute(() => operation(false), done);
    this.waiting.set({ text: confirmationText(action, dry), run: () => operation(false), done });
    return true;
  }

  private async execute(run: () => Promise<FacilityOperationResult>, done: string): Promise<boolean> {
    if (this.working()) return false;
    this.working.set(true);
    this.lastNote.set(null);
    try {
      const result = await run();
      this.officeList.update((list) => replaceOffice(list, result.office));
      this.lastNote.set({ tone: 'success', text: doneText(done, result) });
      return true;
    } catch (error) {
      this.lastNote.set({ tone: 'error', text: errorMessageFor(error) });
      return false;
    } finally {
      this.working.set(false);
    }
  }
}
