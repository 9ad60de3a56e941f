import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';

import type { TeamDetails } from '../../core/graphql/api.types';
import { GraphqlRequestError } from '../../core/graphql/graphql-request.error';
import { type TeamCandidate, type TeamMemberInput, TeamMembersApi } from './data-access/team-members.api';
import { candidatesFoundText, SEARCH_DEBOUNCE_MS, TeamMembersPanel } from './team-members-panel';

function aTeam(overrides: Partial<TeamDetails> = {}): TeamDetails {
  return {
    id: 't1',
    name: 'Team Statistik',
    organisationId: 'org-1',
    viewerIsLead: true,
    viewerIsMember: true,
    viewerCanManage: true,
    members: [
      { personId: 'p1', displayName: 'Anna Lang', isLead: true },
      { personId: 'p2', displayName: 'Thomas Becker', isLead: false },
    ],
    policy: null,
    ...overrides,
  };
}

/** Stands in for TeamMembersApi; `failWith` makes the next call fail. */
class FakeTeamMembersApi {
  people: TeamCandidate[] = [
    { id: 'p3', displayName: 'Sabine Wolf' },
    { id: 'p4', displayName: 'Sven Wagner' },
  ];
  failWith: GraphqlRequestError | null = null;
  readonly calls: { name: string; input: unknown }[] = [];

  async candidates(teamId: string, search: string): Promise<TeamCandidate[]> {
    this.calls.push({ name: 'candidates', input: { teamId, search } });
    this.fail();
    return this.people.filter((person) => person.displayName.toLowerCase().includes(search.trim().toLowerCase()));
  }

  async add(input: TeamMemberInput): Promise<TeamDetails> {
    this.calls.push({ name: 'add', input });
    this.fail();
    return aTeam();
  }

  async remove(input: TeamMemberInput): Promise<TeamDetails> {
    this.calls.push({ name: 'remove', input });
    this.fail();
    return aTeam();
  }

  async rename(id: string, name: string): Promise<TeamDetails> {
    this.calls.push({ name: 'rename', input: { id, name } });
    this.fail();
    return aTeam({ name });
  }

  private fail(): void {
    const error = this.failWith;
    this.failWith = null;
    if (error !== null) {
      throw error;
    }
  }
}

describe('TeamMembersPanel', () => {
  let api: FakeTeamMembersApi;
  let fixture: ComponentFixture<TeamMembersPanel>;
  let panel: HTMLElement;
  let changed: number;

  async function stable(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  async function render(team: TeamDetails): Promise<void> {
    fixture = TestBed.createComponent(TeamMembersPanel);
    fixture.componentRef.setInput('team', team);
    changed = 0;
    fixture.componentInstance.changed.subscribe(() => changed++);
    panel = fixture.nativeElement as HTMLElement;
    await stable();
  }

  function text(element: Element | null | undefined): string {
    return element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }

  function button(name: string, scope: ParentNode = panel): HTMLButtonElement | undefined {
    return [...scope.querySelectorAll('button')].find(
      (b) => b.getAttribute('aria-label') === name || b.textContent?.trim() === name,
    );
  }

  function input(label: string): HTMLInputElement {
    const labelElement = [...panel.querySelectorAll('label')].find((l) => l.textContent?.trim() === label);
    const field = panel.querySelector<HTMLInputElement>(`#${labelElement?.htmlFor ?? 'none'}`);
    if (field === null) {
      throw new Error(`no field labelled ${label}`);
    }
    return field;
  }

  function type(field: HTMLInputElement, value: string): void {
    field.value = value;
    field.dispatchEvent(new Event('input'));
  }

  async function searchFor(term: string): Promise<void> {
    type(input('Person suchen'), term);
    button('Suchen')?.click();
    await stable();
  }

  beforeEach(() => {
    api = new FakeTeamMembersApi();
    TestBed.configureTestingModule({ providers: [{ provide: TeamMembersApi, useValue: api }] });
  });

  it('lists the members and marks leads in words', async () => {
    await render(aTeam({ viewerIsLead: false, viewerCanManage: false }));
    const items = [...panel.querySelectorAll('.member')].map((item) => text(item));
    expect(text(panel.querySelector('h2'))).toBe('Mitglieder (2)');
    expect(items).toEqual(['Anna Lang (Teamleitung)', 'Thomas Becker']);
    expect(panel.querySelector('ul')?.getAttribute('aria-labelledby')).toBe(panel.querySelector('h2')?.id);
  });

  it('offers a member nothing to change', async () => {
    await render(aTeam({ viewerIsLead: false, viewerCanManage: false }));
    expect(panel.querySelectorAll('button')).toHaveLength(0);
    expect(panel.querySelector('input')).toBeNull();
  });

  it('lets an organisation admin who is not in the team keep its members', async () => {
    await render(aTeam({ viewerIsLead: false, viewerIsMember: false, viewerCanManage: true }));
    expect(button('Anna Lang aus dem Team entfernen')).toBeDefined();
    expect(input('Person suchen')).not.toBeNull();
  });

  describe('for a lead', () => {
    beforeEach(async () => {
      await render(aTeam());
    });

    it('labels the search field and the name field', () => {
      expect(input('Person suchen').type).toBe('search');
      expect(input('Name des Teams').value).toBe('Team Statistik');
    });

    it('searches after typing pauses, and lists the people found under a heading', async () => {
      type(input('Person suchen'), 'S');
      type(input('Person suchen'), 'Sa');
      await new Promise((resolve) => setTimeout(resolve, SEARCH_DEBOUNCE_MS + 50));
      await stable();

      expect(api.calls).toEqual([{ name: 'candidates', input: { teamId: 't1', search: 'Sa' } }]);
      const list = panel.querySelector('.results');
      expect(panel.querySelector(`#${list?.getAttribute('aria-labelledby')}`)?.textContent).toBe('Suchergebnisse');
      expect([...(list?.querySelectorAll('li') ?? [])].map((item) => text(item.querySelector('span')))).toEqual([
        'Sabine Wolf',
      ]);
      expect(text(panel.querySelector('.search-note'))).toBe('1 Person gefunden für „Sa“.');
    });

    it('says when nobody was found', async () => {
      await searchFor('Zacharias');
      expect(text(panel.querySelector('.search-note'))).toContain('Niemand gefunden für „Zacharias“.');
      expect(panel.querySelector('.results')).toBeNull();
    });

    it('says why a search failed', async () => {
      api.failWith = new GraphqlRequestError('NETWORK', 'offline');
      await searchFor('S');
      expect(text(panel.querySelector('.search-note'))).toContain('Keine Verbindung zum Server.');
    });

    it('adds a person found and tells the page', async () => {
      await searchFor('S');
      button('Sven Wagner zum Team hinzufügen')?.click();
      await stable();

      expect(api.calls).toContainEqual({ name: 'add', input: { teamId: 't1', personId: 'p4' } });
      expect(changed).toBe(1);
      expect(text(panel.querySelector('[role="status"] .status'))).toContain('Sven Wagner gehört jetzt zum Team.');
      expect(button('Sven Wagner zum Team hinzufügen')).toBeUndefined();
    });

    it('shows the API’s message when adding fails', async () => {
      await searchFor('S');
      api.failWith = new GraphqlRequestError('ALREADY_A_MEMBER', 'already', {
        de: 'Diese Person gehört schon zum Team.',
      });
      button('Sabine Wolf zum Team hinzufügen')?.click();
      await stable();

      expect(text(panel.querySelector('.search + .search-note + .field-problem'))).toBe(
        'Sabine Wolf konnte nicht hinzugefügt werden. Diese Person gehört schon zum Team.',
      );
      expect(changed).toBe(0);
    });

    it('asks before removing, explaining that desks on future team days are released', async () => {
      button('Thomas Becker aus dem Team entfernen')?.click();
      await stable();

      const group = panel.querySelector('[role="group"]');
      const question = group?.querySelector('.confirm__question');
      expect(text(question)).toBe('Thomas Becker aus dem Team entfernen?');
      expect(group?.getAttribute('aria-labelledby')).toBe(question?.id);
      expect(document.activeElement).toBe(question);
      expect(text(group)).toContain('an künftigen Teamtagen gebucht sind, werden freigegeben');
      expect(api.calls).toEqual([]);

      button('Ja, entfernen')?.click();
      await stable();

      expect(api.calls).toEqual([{ name: 'remove', input: { teamId: 't1', personId: 'p2' } }]);
      expect(changed).toBe(1);
      expect(text(panel.querySelector('[role="status"] .status'))).toContain(
        'Thomas Becker gehört nicht mehr zum Team.',
      );
      expect(document.activeElement).toBe(panel.querySelector('h2'));
    });

    it('can step back from removing, returning focus to the button', async () => {
      button('Thomas Becker aus dem Team entfernen')?.click();
      await stable();
      button('Abbrechen')?.click();
      await stable();

      expect(panel.querySelector('[role="group"]')).toBeNull();
      expect(document.activeElement).toBe(button('Thomas Becker aus dem Team entfernen'));
      expect(changed).toBe(0);
    });

    it('shows why removing failed inside the question', async () => {
      api.failWith = new GraphqlRequestError('FORBIDDEN', 'forbidden');
      button('Anna Lang aus dem Team entfernen')?.click();
      await stable();
      button('Ja, entfernen')?.click();
      await stable();

      expect(text(panel.querySelector('[role="group"] .field-problem'))).toContain('Berechtigung');
      expect(changed).toBe(0);
    });

    it('renames the team', async () => {
      type(input('Name des Teams'), '  Team Statistik Nord ');
      button('Namen speichern')?.click();
      await stable();

      expect(api.calls).toEqual([{ name: 'rename', input: { id: 't1', name: 'Team Statistik Nord' } }]);
      expect(changed).toBe(1);
      expect(text(panel.querySelector('[role="status"] .status'))).toContain(
        'Das Team heißt jetzt „Team Statistik Nord“.',
      );
    });

    it('refuses an empty name without asking the API', async () => {
      type(input('Name des Teams'), '   ');
      button('Namen speichern')?.click();
      await stable();

      const field = input('Name des Teams');
      expect(field.getAttribute('aria-invalid')).toBe('true');
      expect(text(panel.querySelector(`#${field.getAttribute('aria-describedby')}`))).toBe(
        'Bitte geben Sie einen Namen für das Team ein.',
      );
      expect(document.activeElement).toBe(field);
      expect(api.calls).toEqual([]);
    });

    it('shows the API’s message for a name already taken', async () => {
      api.failWith = new GraphqlRequestError('TEAM_NAME_TAKEN', 'taken', {
        de: 'Ein Team mit diesem Namen gibt es schon.',
      });
      type(input('Name des Teams'), 'Team Bau');
      button('Namen speichern')?.click();
      await stable();

      const field = input('Name des Teams');
      expect(text(panel.querySelector(`#${field.getAttribute('aria-describedby')}`))).toBe(
        'Ein Team mit diesem Namen gibt es schon.',
      );
      expect(changed).toBe(0);
    });
  });
});

describe('candidatesFoundText', () => {
  it('counts with the right grammar and asks to narrow a full page', () => {
    expect(candidatesFoundText(0, '')).toBe('Niemand gefunden. Vielleicht gehört die Person schon zum Team.');
    expect(candidatesFoundText(3, ' Ab ')).toBe('3 Personen gefunden für „Ab“.');
    expect(candidatesFoundText(20, '')).toContain('Bitte genauer suchen.');
  });
});
