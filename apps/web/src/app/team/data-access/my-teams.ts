import { computed, effect, inject, Injectable, signal, untracked } from '@angular/core';

import type { TeamDetails } from '../../core/graphql/api.types';
import { GraphqlHttpClient } from '../../core/graphql/graphql-http.client';
import { graphqlOperation } from '../../core/graphql/graphql-operation';
import { CurrentPerson } from '../../core/identity/current-person';

/** A team in the list of the caller's teams. */
export type TeamSummary = Pick<TeamDetails, 'id' | 'name' | 'organisationId' | 'viewerIsLead'>;

export const MY_TEAMS = graphqlOperation<{ myTeams: TeamSummary[] }>(
  'query MyTeams { myTeams { id name organisationId viewerIsLead } }',
);

/**
 * The teams the signed-in person belongs to or leads, read once per person: the navigation shows "Team" only to
 * people in a team, and the team list page shows them.
 */
@Injectable({ providedIn: 'root' })
export class MyTeams {
  private readonly graphql = inject(GraphqlHttpClient);
  private readonly currentPerson = inject(CurrentPerson);
  private readonly list = signal<{ readonly personId: string; readonly teams: readonly TeamSummary[] } | null>(null);
  private readonly failed = signal(false);
  private readonly personId = computed(() => this.currentPerson.profile()?.id ?? null);
  private generation = 0;

  /** The current person's teams; empty while unknown. */
  readonly teams = computed(() => {
    const list = this.list();
    return list !== null && list.personId === this.personId() ? list.teams : [];
  });
  readonly loaded = computed(() => this.list()?.personId === this.personId() && this.personId() !== null);
  readonly loadFailed = this.failed.asReadonly();
  readonly hasTeams = computed(() => this.teams().length > 0);

  constructor() {
    effect(() => {
      const personId = this.personId();
      if (personId !== null) {
        untracked(() => void this.reload());
      }
    });
  }

  /** Reads the teams again, e.g. after the person joined or left one. */
  async reload(): Promise<void> {
    const personId = this.personId();
    if (personId === null) {
      return;
    }
    const generation = ++this.generation;
    try {
      const { myTeams: teams } = await this.graphql.request(MY_TEAMS, {});
      if (generation === this.generation) {
        this.list.set({ personId, teams });
        this.failed.set(false);
      }
    } catch {
      // Without the list the navigation simply has no "Team" link; the list page says what went wrong.
      if (generation === this.generation) {
        this.failed.set(true);
      }
    }
  }
}
