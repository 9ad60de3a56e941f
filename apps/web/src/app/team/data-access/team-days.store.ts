import { DestroyRef, inject, Injectable, signal } from '@angular/core';

import { Announcer } from '../../core/a11y/announcer';
import { errorMessageFor } from '../../core/errors/error-messages';
import type {
  PresenceAnswer,
  PresenceDay,
  PresenceDayChange,
  PresenceDayChangeReason,
  TeamDetails,
} from '../../core/graphql/api.types';
import type { ClientErrorCode } from '../../core/graphql/graphql-request.error';
import { errorCodeOf } from '../../core/graphql/graphql-request.error';
import { todayInOfficeZone } from '../../shared/date/civil-date';
import type { StatusNote } from '../../shared/ui/status-message';
import { TeamApi } from './team.api';
import type { DateRange } from './team-dates';
import { addDays } from './team-dates';
import { answeredText, describeDay, liveChangeText, upsertDay } from './team-days.state';

export type LoadState = 'idle' | 'loading' | 'ready' | 'error';

/** How far ahead the page lists team days: eight weeks. */
export const UPCOMING_DAYS = 56;

/** After these errors the days shown are out of date: read them again. */
const STALE_AFTER: ReadonlySet<ClientErrorCode> = new Set<ClientErrorCode>([
  'PRESENCE_DAY_NOT_FOUND',
  'PRESENCE_DAY_CANCELLED',
]);

/**
 * One team and its team days of the next eight weeks, kept current: read when the page opens and whenever the
 * live socket (re)connects, patched by every `teamPresenceChanged` event in between. Members answer here; leads
 * cancel days here (creating and moving go through TeamDayPlanner, whose result comes back by `saved`).
 * The days are the team's own: they are read and followed only once the team says the viewer is a member of it
 * (an organisation admin outside the team keeps its members and policy, but sees no team days). Provided per team page.
 */
@Injectable()
export class TeamDaysStore {
  private readonly api = inject(TeamApi);
  private readonly announcer = inject(Announcer);

  private readonly teamValue = signal<TeamDetails | null>(null);
  private readonly teamLoad = signal<LoadState>('idle');
  private readonly teamErrorText = signal<string | null>(null);
  private readonly dayList = signal<readonly PresenceDay[]>([]);
  private readonly daysLoad = signal<LoadState>('idle');
  private readonly daysErrorText = signal<string | null>(null);
  private readonly liveErrorText = signal<string | null>(null);
  private readonly lastNote = signal<StatusNote | null>(null);
  private readonly busy = signal<string | null>(null);
  private readonly changeCount = signal(0);

  private teamId: string | null = null;
  private range: DateRange = { from: '', to: '' };
  private stopFollowing: (() => void) | null = null;
  /** Counts reads, so that an answer to an older read is dropped. */
  private readGeneration = 0;
  /** Events that arrive while the days are read, applied after the read. */
  private heldEvents: PresenceDayChange[] | null = null;
  /** Own changes whose live event is still to come: not announced again. */
  private readonly ownChanges = new Set<string>();
  /** Own creations under way: their id is not known until the answer, so their event is not announced either. */
  private ownCreations = 0;

  readonly team = this.teamValue.asReadonly();
  readonly teamLoadState = this.teamLoad.asReadonly();
  readonly teamError = this.teamErrorText.asReadonly();
  readonly days = this.dayList.asReadonly();
  readonly daysLoadState = this.daysLoad.asReadonly();
  readonly daysError = this.daysErrorText.asReadonly();
  readonly liveError = this.liveErrorText.asReadonly();
  readonly liveConnection = this.api.liveConnection;
  /** Outcome of the person's last answer or change. */
  readonly note = this.lastNote.asReadonly();
  /** The day whose answer or cancellation is under way. */
  readonly busyDayId = this.busy.asReadonly();
  /** Moves whenever the team's days changed or may have (live event, reconnection, own change): views read again. */
  readonly version = this.changeCount.asReadonly();

  constructor() {
    const stopListening = this.api.onLiveConnected(() => {
      // Events may have been missed while the socket was away.
      void this.reloadDays();
      this.changeCount.update((count) => count + 1);
    });
    inject(DestroyRef).onDestroy(() => {
      stopListening();
      this.stop();
    });
  }

  /** Shows team `teamId` with its upcoming days and follows their changes. */
  open(teamId: string, today = todayInOfficeZone()): void {
    if (teamId === this.teamId) {
      return;
    }
    this.stop();
    this.teamId = teamId;
    this.range = { from: today, to: addDays(today, UPCOMING_DAYS - 1) };
    this.teamValue.set(null);
    this.lastNote.set(null);
    void this.reloadTeam();
  }

  /** Reads the team (name, members, policy) again, e.g. after its policy or members changed. */
  async reloadTeam(): Promise<void> {
    const teamId = this.teamId;
    if (teamId === null) {
      return;
    }
    this.teamLoad.set('loading');
    try {
      const team = await this.api.team(teamId);
      if (teamId !== this.teamId) {
        return;
      }
      this.teamValue.set(team);
      this.teamErrorText.set(null);
      this.teamLoad.set('ready');
      this.showDays(team.viewerIsMember);
    } catch (error) {
      if (teamId !== this.teamId) {
        return;
      }
      this.teamErrorText.set(errorMessageFor(error));
      this.teamLoad.set('error');
    }
  }

  /** Reads the team days of the next eight weeks again (for members, who follow them). */
  async reloadDays(): Promise<void> {
    const teamId = this.teamId;
    if (teamId === null || this.stopFollowing === null) {
      return;
    }
    const generation = ++this.readGeneration;
    this.heldEvents = [];
    this.daysLoad.set('loading');
    try {
      const days = await this.api.presenceDays({ teamId, ...this.range });
      if (generation !== this.readGeneration) {
        return;
      }
      const held = this.heldEvents ?? [];
      this.heldEvents = null;
      const fresh = days.reduce<PresenceDay[]>((list, day) => upsertDay(list, day, this.range), []);
      this.dayList.set(held.reduce((list, change) => upsertDay(list, change.presenceDay, this.range), fresh));
      this.daysErrorText.set(null);
      this.daysLoad.set('ready');
    } catch (error) {
      if (generation !== this.readGeneration) {
        return;
      }
      this.heldEvents = null;
      this.daysErrorText.set(errorMessageFor(error));
      this.daysLoad.set('error');
    }
  }

  async answer(day: PresenceDay, answer: PresenceAnswer): Promise<void> {
    if (this.busy() !== null || day.myAnswer === answer) {
      return;
    }
    this.busy.set(day.id);
    this.lastNote.set(null);
    try {
      const updated = await this.api.answerPresenceDay(day.id, answer);
      this.put(updated);
      this.lastNote.set({ tone: 'success', text: answeredText(updated, answer) });
    } catch (error) {
      this.fail(error);
    } finally {
      this.busy.set(null);
    }
  }

  /** Cancels the team day (leads); true when done. */
  async cancel(day: PresenceDay): Promise<boolean> {
    if (this.busy() !== null) {
      return false;
    }
    this.busy.set(day.id);
    this.lastNote.set(null);
    this.expectOwn(day.id, 'CANCELLED');
    try {
      const cancelled = await this.api.cancelPresenceDay(day.id);
      this.put(cancelled);
      this.lastNote.set({
        tone: 'success',
        text: $localize`Der Teamtag am ${describeDay(day)} ist abgesagt. Die Plätze dafür sind storniert, und das Team ist informiert.`,
      });
      return true;
    } catch (error) {
      this.ownChanges.delete(`${day.id}:CANCELLED`);
      this.fail(error);
      return false;
    } finally {
      this.busy.set(null);
    }
  }

  /** Call before the lead's own creation is sent: its live event is then not announced. */
  creating(): () => void {
    this.ownCreations += 1;
    let done = false;
    return () => {
      if (!done) {
        done = true;
        // The event may come just after the answer: wait a moment before announcing others' creations again.
        setTimeout(() => (this.ownCreations -= 1), 2000);
      }
    };
  }

  /** Call before the lead's own move of `dayId` is sent. */
  moving(dayId: string): void {
    this.expectOwn(dayId, 'MOVED');
  }

  /** Takes a team day the lead created or moved. */
  saved(day: PresenceDay, kind: 'created' | 'moved'): void {
    this.put(day);
    const seats = `${day.answers.seated === 1 ? $localize`1 Person hat` : `${day.answers.seated} Personen haben`} einen Platz.`;
    this.lastNote.set({
      tone: 'success',
      text:
        kind === 'created'
          ? $localize`Der Teamtag am ${describeDay(day)} ist angelegt. ${seats} Das Team ist informiert.`
          : $localize`Der Teamtag ist verlegt auf ${describeDay(day)}. ${seats} Das Team ist informiert.`,
    });
  }

  private put(day: PresenceDay): void {
    this.dayList.update((days) => upsertDay(days, day, this.range));
    this.changeCount.update((count) => count + 1);
  }

  private receive(change: PresenceDayChange): void {
    if (change.presenceDay.teamId !== this.teamId) {
      return;
    }
    if (this.heldEvents !== null) {
      this.heldEvents.push(change);
    } else {
      this.dayList.update((days) => upsertDay(days, change.presenceDay, this.range));
    }
    this.changeCount.update((count) => count + 1);
    const key = `${change.presenceDay.id}:${change.reason}`;
    if (this.ownChanges.delete(key) || (change.reason === 'CREATED' && this.ownCreations > 0)) {
      return;
    }
    const text = liveChangeText(change);
    if (text !== null) {
      this.announcer.announce(text);
    }
  }

  private expectOwn(dayId: string, reason: PresenceDayChangeReason): void {
    this.ownChanges.add(`${dayId}:${reason}`);
  }

  private fail(error: unknown): void {
    this.lastNote.set({ tone: 'error', text: errorMessageFor(error) });
    if (STALE_AFTER.has(errorCodeOf(error))) {
      void this.reloadDays();
    }
  }

  /** Members read and follow the team's days; for anyone else (an admin outside the team) they stay empty. */
  private showDays(member: boolean): void {
    const teamId = this.teamId;
    if (teamId === null) {
      return;
    }
    if (!member) {
      this.stop();
      return;
    }
    if (this.stopFollowing === null) {
      this.stopFollowing = this.api.followTeamPresence(teamId, {
        next: (change) => this.receive(change),
        error: () =>
          this.liveErrorText.set(
            $localize`Die Teamtage aktualisieren sich gerade nicht von selbst. Bitte laden Sie die Seite später neu.`,
          ),
      });
      void this.reloadDays();
    }
  }

  private stop(): void {
    this.stopFollowing?.();
    this.stopFollowing = null;
    this.liveErrorText.set(null);
    this.heldEvents = null;
    this.ownChanges.clear();
    this.readGeneration += 1;
    this.dayList.set([]);
    this.daysLoad.set('idle');
    this.daysErrorText.set(null);
  }
}
