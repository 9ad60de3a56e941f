import { computed, inject, Injectable, signal } from '@angular/core';

import { errorMessageFor } from '../../core/errors/error-messages';
import type { DayPart, PresenceDay, PresenceDayInput, PresenceDayPreview } from '../../core/graphql/api.types';
import { errorCodeOf } from '../../core/graphql/graphql-request.error';
import { refusalText } from '../../core/i18n/language';
import { TeamApi } from './team.api';
import { TeamDaysStore } from './team-days.store';

/** What the lead entered for a team day. */
export interface TeamDayDraft {
  readonly officeId: string;
  readonly date: string;
  readonly part: DayPart;
  readonly mandatory: boolean;
  readonly note: string;
}

/** Create a new team day for the team, or move an existing one. */
export type PlannerMode =
  | { readonly kind: 'create'; readonly teamId: string }
  | { readonly kind: 'move'; readonly day: PresenceDay };

export type PreviewState =
  | { readonly status: 'idle' }
  | { readonly status: 'loading'; readonly key: string }
  | { readonly status: 'ready'; readonly key: string; readonly preview: PresenceDayPreview }
  | { readonly status: 'error'; readonly key: string; readonly message: string };

export type SaveResult =
  | { readonly ok: true; readonly day: PresenceDay }
  | { readonly ok: false; readonly problem: string };

/** The preview depends on where, when and which part; not on the note. */
function keyOf(draft: TeamDayDraft): string {
  return `${draft.officeId}|${draft.date}|${draft.part}`;
}

function inputFor(mode: PlannerMode, draft: TeamDayDraft, acceptShortfall: boolean): PresenceDayInput {
  const note = draft.note.trim();
  return mode.kind === 'create'
    ? {
        teamId: mode.teamId,
        officeId: draft.officeId,
        date: draft.date,
        part: draft.part,
        mandatory: draft.mandatory,
        note: note === '' ? null : note,
        acceptShortfall,
      }
    : {
        teamId: mode.day.teamId,
        officeId: draft.officeId,
        date: draft.date,
        part: draft.part,
        mandatory: mode.day.mandatory,
        note: mode.day.note,
        acceptShortfall,
      };
}

/** "Für 2 Personen ist kein Platz frei." */
export function shortfallText(shortfall: number): string {
  return shortfall === 1
    ? $localize`Für 1 Person ist kein Platz frei.`
    : $localize`Für ${shortfall}:count: Personen ist kein Platz frei.`;
}

/** "Alle 5 Personen, die einen Platz brauchen, bekommen einen." and the like. */
export function seatingText(preview: PresenceDayPreview): string {
  if (preview.toSeat === 0) {
    return $localize`Niemand aus dem Team braucht an diesem Tag einen neuen Platz.`;
  }
  if (preview.seatable >= preview.toSeat) {
    return preview.toSeat === 1
      ? $localize`Die 1 Person, die einen Platz braucht, bekommt einen.`
      : $localize`Alle ${preview.toSeat} Personen, die einen Platz brauchen, bekommen einen.`;
  }
  return $localize`${preview.seatable} von ${preview.toSeat} Personen bekommen einen Platz.`;
}

/** Side by side in one area, or spread over several. */
export function sideBySideText(preview: PresenceDayPreview): string | null {
  if (preview.seatable === 0) {
    return null;
  }
  if (preview.sideBySide) {
    return preview.areaName
      ? $localize`Das Team sitzt nebeneinander im Bereich ${preview.areaName}.`
      : $localize`Das Team sitzt nebeneinander.`;
  }
  return $localize`Nicht alle sitzen nebeneinander: Die freien Plätze liegen in mehreren Bereichen.`;
}

/** The counts behind the preview, in words; counts of 0 are left out, except members and free desks. */
export function previewFacts(preview: PresenceDayPreview): string[] {
  const one = (count: number, singular: string, plural: string): string =>
    `${count} ${count === 1 ? singular : plural}`;
  return [
    one(preview.members, $localize`Mitglied im Team`, $localize`Mitglieder im Team`),
    ...(preview.alreadyBookedHere > 0
      ? [
          one(
            preview.alreadyBookedHere,
            $localize`hat dort schon einen Platz gebucht`,
            $localize`haben dort schon einen Platz gebucht`,
          ),
        ]
      : []),
    ...(preview.bookedElsewhere > 0
      ? [
          one(
            preview.bookedElsewhere,
            $localize`ist an diesem Tag in einem anderen Büro gebucht`,
            $localize`sind an diesem Tag in einem anderen Büro gebucht`,
          ),
        ]
      : []),
    ...(preview.away > 0
      ? [one(preview.away, $localize`hat für diesen Tag abgesagt`, $localize`haben für diesen Tag abgesagt`)]
      : []),
    one(preview.freeDesks, $localize`Platz ist im Büro frei`, $localize`Plätze sind im Büro frei`),
  ];
}

/**
 * Plans one team day: asks the API what saving would do (how many can be seated, side by side or not, the
 * shortfall, or why the office cannot host it), then saves it, creating or moving. Saving needs a preview of
 * exactly the office, date and part being saved, so the lead has seen it. Provided per form.
 */
@Injectable()
export class TeamDayPlanner {
  private readonly api = inject(TeamApi);
  private readonly days = inject(TeamDaysStore);
  private readonly state = signal<PreviewState>({ status: 'idle' });
  private readonly saving = signal(false);
  private generation = 0;

  readonly preview = this.state.asReadonly();
  readonly busy = this.saving.asReadonly();
  /** The preview shown, when it is ready. */
  readonly readyPreview = computed(() => {
    const state = this.state();
    return state.status === 'ready' ? state.preview : null;
  });

  /** Forgets the preview, e.g. when the office, date or part is no longer complete. */
  clear(): void {
    this.generation += 1;
    this.state.set({ status: 'idle' });
  }

  /** True when the preview shown belongs to exactly this office, date and part. */
  isCurrent(draft: TeamDayDraft): boolean {
    const state = this.state();
    return state.status === 'ready' && state.key === keyOf(draft);
  }

  async check(mode: PlannerMode, draft: TeamDayDraft): Promise<void> {
    const key = keyOf(draft);
    const current = this.state();
    if (current.status !== 'idle' && current.status !== 'error' && current.key === key) {
      return;
    }
    const generation = ++this.generation;
    this.state.set({ status: 'loading', key });
    try {
      const preview = await this.api.presenceDayPreview(
        inputFor(mode, draft, false),
        mode.kind === 'move' ? mode.day.id : undefined,
      );
      if (generation === this.generation) {
        this.state.set({ status: 'ready', key, preview });
      }
    } catch (error) {
      if (generation === this.generation) {
        this.state.set({ status: 'error', key, message: errorMessageFor(error) });
      }
    }
  }

  /** Saves the team day as previewed; with a shortfall only when the lead accepted it. */
  async save(mode: PlannerMode, draft: TeamDayDraft, acceptShortfall: boolean): Promise<SaveResult> {
    if (this.saving()) {
      return { ok: false, problem: $localize`Bitte warten Sie, bis das Speichern fertig ist.` };
    }
    const preview = this.isCurrent(draft) ? this.readyPreview() : null;
    if (preview === null) {
      void this.check(mode, draft);
      return {
        ok: false,
        problem: $localize`Bitte sehen Sie sich zuerst die Platzlage an, die jetzt geprüft wird. Speichern Sie danach.`,
      };
    }
    if (preview.refusal !== null) {
      return {
        ok: false,
        problem: $localize`An diesem Tag ist kein Teamtag möglich: ${refusalText(preview.refusal)}:reason:`,
      };
    }
    if (preview.shortfall > 0 && !acceptShortfall) {
      return {
        ok: false,
        problem: $localize`${shortfallText(preview.shortfall)} Bitte bestätigen Sie, dass Sie trotzdem speichern möchten, oder wählen Sie einen anderen Tag oder ein anderes Büro.`,
      };
    }
    this.saving.set(true);
    const release = mode.kind === 'create' ? this.days.creating() : null;
    if (mode.kind === 'move') {
      this.days.moving(mode.day.id);
    }
    try {
      const day =
        mode.kind === 'create'
          ? await this.api.createPresenceDay(inputFor(mode, draft, acceptShortfall))
          : await this.api.movePresenceDay({
              id: mode.day.id,
              officeId: draft.officeId,
              date: draft.date,
              part: draft.part,
              acceptShortfall,
            });
      this.days.saved(day, mode.kind === 'create' ? 'created' : 'moved');
      this.clear();
      return { ok: true, day };
    } catch (error) {
      if (errorCodeOf(error) === 'PRESENCE_DAY_SHORT_OF_DESKS') {
        // Desks were taken since the preview: show the new situation.
        this.clear();
        void this.check(mode, draft);
        return {
          ok: false,
          problem: $localize`Inzwischen sind weniger Plätze frei als bei der Prüfung. Bitte sehen Sie sich die neue Platzlage an und speichern Sie dann erneut.`,
        };
      }
      return { ok: false, problem: errorMessageFor(error) };
    } finally {
      release?.();
      this.saving.set(false);
    }
  }
}
