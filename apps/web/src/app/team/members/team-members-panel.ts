import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  DOCUMENT,
  type ElementRef,
  inject,
  Injector,
  input,
  linkedSignal,
  output,
  signal,
  viewChild,
} from '@angular/core';

import { errorMessageFor } from '../../core/errors/error-messages';
import type { TeamDetails, TeamMember } from '../../core/graphql/api.types';
import type { StatusNote } from '../../shared/ui/status-message';
import { StatusMessage } from '../../shared/ui/status-message';
import { CANDIDATES_LIMIT, type TeamCandidate, TeamMembersApi } from './data-access/team-members.api';

/** How long typing must pause before the search is sent. */
export const SEARCH_DEBOUNCE_MS = 300;

/** The most characters a team name may have (as the API checks it). */
export const TEAM_NAME_MAX_LENGTH = 80;

type SearchState = 'idle' | 'loading' | 'ready' | 'error';

let nextPanelId = 0;

/** "1 Person gefunden", "3 Personen gefunden", "Niemand gefunden". */
export function candidatesFoundText(count: number, search: string): string {
  const term = search.trim() === '' ? '' : $localize` für „${search.trim()}“`;
  if (count === 0) {
    return $localize`Niemand gefunden${term}. Vielleicht gehört die Person schon zum Team.`;
  }
  const found = `${count} ${count === 1 ? $localize`Person` : 'Personen'} gefunden${term}.`;
  return count >= CANDIDATES_LIMIT
    ? $localize`${found} Es werden höchstens ${CANDIDATES_LIMIT} gezeigt: Bitte genauer suchen.`
    : found;
}

/**
 * The team's members, leads marked in words. The team's leads and its organisation's admins also find people of
 * the organisation and add them, remove members (after asking: their desks on future team days are released) and
 * rename the team.
 */
@Component({
  selector: 'nb-team-members-panel',
  imports: [StatusMessage],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './team-members-panel.html',
  styleUrl: './team-members-panel.css',
})
export class TeamMembersPanel {
  protected readonly removeLabel = (person: string): string => $localize`${person}:person: aus dem Team entfernen`;
  protected readonly addLabel = (person: string): string => $localize`${person}:person: zum Team hinzufügen`;
  private readonly api = inject(TeamMembersApi);
  private readonly injector = inject(Injector);
  private readonly document = inject(DOCUMENT);
  private readonly listHeading = viewChild<ElementRef<HTMLElement>>('listHeading');
  private readonly nameInput = viewChild<ElementRef<HTMLInputElement>>('nameInput');

  readonly team = input.required<TeamDetails>();
  /** Members or the name changed: the page should read the team again. */
  readonly changed = output<void>();

  protected readonly id = `team-members-${++nextPanelId}`;
  protected readonly nameMaxLength = TEAM_NAME_MAX_LENGTH;

  protected readonly note = signal<StatusNote | null>(null);
  protected readonly busy = signal(false);

  /** The member whose removal is being confirmed. */
  protected readonly confirming = signal<TeamMember | null>(null);
  protected readonly removeProblem = signal<string | null>(null);

  protected readonly search = signal('');
  protected readonly searchState = signal<SearchState>('idle');
  protected readonly candidates = signal<readonly TeamCandidate[]>([]);
  protected readonly searchNote = signal('');
  protected readonly addProblem = signal<string | null>(null);

  protected readonly name = linkedSignal(() => this.team().name);
  protected readonly nameProblem = signal<string | null>(null);

  private debounce: ReturnType<typeof setTimeout> | undefined;
  private searchController: AbortController | undefined;
  /** Counts searches, so that the answer to an older one is dropped. */
  private searchGeneration = 0;

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      clearTimeout(this.debounce);
      this.searchController?.abort();
    });
  }

  protected typeSearch(value: string): void {
    this.search.set(value);
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => void this.runSearch(), SEARCH_DEBOUNCE_MS);
  }

  protected submitSearch(event: Event): void {
    event.preventDefault();
    clearTimeout(this.debounce);
    void this.runSearch();
  }

  private async runSearch(): Promise<void> {
    const generation = ++this.searchGeneration;
    this.searchController?.abort();
    const controller = new AbortController();
    this.searchController = controller;
    const term = this.search();
    this.searchState.set('loading');
    this.searchNote.set($localize`Suche läuft …`);
    this.addProblem.set(null);
    try {
      const found = await this.api.candidates(this.team().id, term, controller.signal);
      if (generation !== this.searchGeneration) {
        return;
      }
      this.candidates.set(found);
      this.searchState.set('ready');
      this.searchNote.set(candidatesFoundText(found.length, term));
    } catch (error) {
      if (generation !== this.searchGeneration) {
        return;
      }
      this.candidates.set([]);
      this.searchState.set('error');
      this.searchNote.set(errorMessageFor(error));
    }
  }

  protected async add(person: TeamCandidate): Promise<void> {
    if (this.busy()) {
      return;
    }
    this.busy.set(true);
    this.addProblem.set(null);
    this.note.set(null);
    try {
      await this.api.add({ teamId: this.team().id, personId: person.id });
      this.candidates.update((list) => list.filter((candidate) => candidate.id !== person.id));
      this.done($localize`${person.displayName} gehört jetzt zum Team.`);
    } catch (error) {
      this.addProblem.set($localize`${person.displayName} konnte nicht hinzugefügt werden. ${errorMessageFor(error)}`);
    } finally {
      this.busy.set(false);
    }
  }

  protected askToRemove(member: TeamMember): void {
    this.confirming.set(member);
    this.removeProblem.set(null);
    afterNextRender(() => this.document.getElementById(`${this.id}-confirm`)?.focus(), { injector: this.injector });
  }

  protected cancelRemove(): void {
    const member = this.confirming();
    this.confirming.set(null);
    this.removeProblem.set(null);
    if (member !== null) {
      afterNextRender(() => this.document.getElementById(this.removeButtonId(member))?.focus(), {
        injector: this.injector,
      });
    }
  }

  protected removeButtonId(member: TeamMember): string {
    return `${this.id}-remove-${member.personId}`;
  }

  protected async remove(member: TeamMember): Promise<void> {
    if (this.busy()) {
      return;
    }
    this.busy.set(true);
    this.note.set(null);
    try {
      await this.api.remove({ teamId: this.team().id, personId: member.personId });
      this.confirming.set(null);
      this.removeProblem.set(null);
      this.done(
        $localize`${member.displayName} gehört nicht mehr zum Team. Die Plätze der Person an künftigen Teamtagen sind freigegeben.`,
      );
      // The button that had focus is gone: continue at the list.
      this.listHeading()?.nativeElement.focus();
    } catch (error) {
      this.removeProblem.set(errorMessageFor(error));
    } finally {
      this.busy.set(false);
    }
  }

  protected typeName(value: string): void {
    this.name.set(value);
    this.nameProblem.set(null);
  }

  protected async rename(event: Event): Promise<void> {
    event.preventDefault();
    if (this.busy()) {
      return;
    }
    const name = this.name().trim();
    if (name === '') {
      this.refuseName($localize`Bitte geben Sie einen Namen für das Team ein.`);
      return;
    }
    if (name.length > TEAM_NAME_MAX_LENGTH) {
      this.refuseName($localize`Der Name ist zu lang. Bitte höchstens ${TEAM_NAME_MAX_LENGTH} Zeichen.`);
      return;
    }
    if (name === this.team().name) {
      this.refuseName($localize`Das ist schon der Name des Teams. Bitte geben Sie einen neuen Namen ein.`);
      return;
    }
    this.busy.set(true);
    this.note.set(null);
    try {
      const team = await this.api.rename(this.team().id, name);
      this.nameProblem.set(null);
      this.done($localize`Das Team heißt jetzt „${team.name}“.`);
    } catch (error) {
      this.refuseName(errorMessageFor(error));
    } finally {
      this.busy.set(false);
    }
  }

  private refuseName(problem: string): void {
    this.nameProblem.set(problem);
    this.nameInput()?.nativeElement.focus();
  }

  private done(text: string): void {
    this.note.set({ tone: 'success', text });
    this.changed.emit();
  }
}
