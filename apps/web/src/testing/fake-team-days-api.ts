import { signal } from '@angular/core';

import type {
  MovePresenceDayInput,
  Office,
  PresenceAnswer,
  PresenceDay,
  PresenceDayChange,
  PresenceDayInput,
  PresenceDayPreview,
  TeamCalendarDay,
  TeamDetails,
} from '../app/core/graphql/api.types';
import type { LiveConnectionState, LiveSink } from '../app/core/graphql/graphql-live.client';
import { GraphqlRequestError } from '../app/core/graphql/graphql-request.error';
import type { DateRangeVariables } from '../app/team/data-access/team.api';
import { aPresenceDay, aPreview, aTeam } from './presence-day';

interface PendingDaysRead {
  readonly variables: DateRangeVariables;
  resolve(days: PresenceDay[]): void;
  reject(error: unknown): void;
}

interface Follow {
  readonly teamId: string;
  readonly sink: LiveSink<PresenceDayChange>;
  stopped: boolean;
}

/**
 * Stands in for TeamApi. The team days are read only when the test answers (`lastDaysRead().resolve`) unless
 * `answerDaysAtOnce` is set; everything else answers at once from the fields, or fails once with `failWith`.
 */
export class FakeTeamDaysApi {
  readonly liveState = signal<LiveConnectionState>('connected');
  readonly liveConnection = this.liveState.asReadonly();
  teamDetails: TeamDetails = aTeam();
  officeList: Office[] = [];
  calendar: TeamCalendarDay[] = [];
  previewResult: PresenceDayPreview = aPreview();
  /** Returned by create and move; by default the input's date and office on a day with id pd-new. */
  savedDay: PresenceDay | null = null;
  /** When set, the team days are answered at once with these. */
  answerDaysAtOnce: PresenceDay[] | null = null;
  failWith: GraphqlRequestError['code'] | null = null;
  readonly calls: { name: string; input: unknown }[] = [];
  readonly daysReads: PendingDaysRead[] = [];
  readonly follows: Follow[] = [];
  readonly connectedListeners = new Set<() => void>();

  async team(id: string): Promise<TeamDetails> {
    return this.answer('team', id, () => this.teamDetails);
  }

  async offices(): Promise<Office[]> {
    return this.answer('offices', undefined, () => this.officeList);
  }

  presenceDays(variables: DateRangeVariables): Promise<PresenceDay[]> {
    this.calls.push({ name: 'presenceDays', input: variables });
    if (this.answerDaysAtOnce !== null) {
      return Promise.resolve(this.answerDaysAtOnce);
    }
    return new Promise((resolve, reject) => this.daysReads.push({ variables, resolve, reject }));
  }

  async teamCalendar(variables: DateRangeVariables): Promise<TeamCalendarDay[]> {
    return this.answer('teamCalendar', variables, () => this.calendar);
  }

  async presenceDayPreview(input: PresenceDayInput, movingId?: string): Promise<PresenceDayPreview> {
    return this.answer('presenceDayPreview', { input, movingId }, () => this.previewResult);
  }

  async createPresenceDay(input: PresenceDayInput): Promise<PresenceDay> {
    return this.answer(
      'createPresenceDay',
      input,
      () => this.savedDay ?? aPresenceDay({ id: 'pd-new', date: input.date }),
    );
  }

  async movePresenceDay(input: MovePresenceDayInput): Promise<PresenceDay> {
    return this.answer(
      'movePresenceDay',
      input,
      () => this.savedDay ?? aPresenceDay({ id: input.id, date: input.date }),
    );
  }

  async cancelPresenceDay(id: string): Promise<PresenceDay> {
    return this.answer('cancelPresenceDay', id, () => aPresenceDay({ id, cancelled: true }));
  }

  answerResult: ((id: string, answer: PresenceAnswer) => PresenceDay) | null = null;

  async answerPresenceDay(id: string, answer: PresenceAnswer): Promise<PresenceDay> {
    return this.answer('answerPresenceDay', { id, answer }, () =>
      this.answerResult !== null ? this.answerResult(id, answer) : aPresenceDay({ id, myAnswer: answer }),
    );
  }

  followTeamPresence(teamId: string, sink: LiveSink<PresenceDayChange>): () => void {
    const follow: Follow = { teamId, sink, stopped: false };
    this.follows.push(follow);
    return () => (follow.stopped = true);
  }

  onLiveConnected(listener: () => void): () => void {
    this.connectedListeners.add(listener);
    return () => this.connectedListeners.delete(listener);
  }

  reconnect(): void {
    for (const listener of this.connectedListeners) {
      listener();
    }
  }

  /** Sends a live event to every open subscription. */
  emit(change: PresenceDayChange): void {
    for (const follow of this.follows.filter((candidate) => !candidate.stopped)) {
      follow.sink.next(change);
    }
  }

  lastDaysRead(): PendingDaysRead {
    const read = this.daysReads.at(-1);
    if (read === undefined) {
      throw new Error('the team days were not read');
    }
    return read;
  }

  callsOf(name: string): unknown[] {
    return this.calls.filter((call) => call.name === name).map((call) => call.input);
  }

  private answer<T>(name: string, input: unknown, result: () => T): T {
    this.calls.push({ name, input });
    if (this.failWith !== null) {
      const code = this.failWith;
      this.failWith = null;
      throw new GraphqlRequestError(code, code);
    }
    return result();
  }
}
