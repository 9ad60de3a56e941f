import { TestBed } from '@angular/core/testing';

import { FakeAdminApi } from '../../../testing/fake-admin-api';
import { aMember, aRole } from '../../../testing/profile';
import { CurrentPerson } from '../../core/identity/current-person';
import { AdminApi } from './admin.api';
import { OrganisationRolesStore } from './organisation-roles.store';

describe('OrganisationRolesStore', () => {
  let api: FakeAdminApi;
  let store: OrganisationRolesStore;
  let currentPerson: { profile: () => { id: string } | null; reload: jest.Mock };

  beforeEach(async () => {
    api = new FakeAdminApi();
    api.people = [
      aMember('p1', 'Anna Schmidt', [aRole('STAFF', 'Landesamt'), aRole('ORGANISATION_ADMIN', 'Landesamt')]),
      aMember('p2', 'Thomas Becker'),
    ];
    api.teams = [{ id: 't1', name: 'Team Statistik', organisationId: 'org-1' }];
    currentPerson = { profile: () => ({ id: 'p1' }), reload: jest.fn(async () => null) };
    TestBed.configureTestingModule({
      providers: [
        OrganisationRolesStore,
        { provide: AdminApi, useValue: api },
        { provide: CurrentPerson, useValue: currentPerson },
      ],
    });
    store = TestBed.inject(OrganisationRolesStore);
    await Promise.all([store.search(''), store.loadTeams()]);
  });

  it('lists the people and says how many', async () => {
    expect(store.people().map((member) => member.displayName)).toEqual(['Anna Schmidt', 'Thomas Becker']);
    expect(store.note()).toEqual({ tone: 'info', text: '2 Personen gefunden.' });

    await store.search('beck');
    expect(store.people().map((member) => member.id)).toEqual(['p2']);
    expect(store.note()?.text).toBe('1 Person gefunden für „beck“.');
  });

  it('grants a role and shows it on the person at once', async () => {
    const thomas = store.people()[1];
    if (!thomas) throw new Error('no Thomas');

    expect(await store.grant(thomas, { role: 'TEAM_LEAD', teamId: 't1', officeId: null })).toBeNull();

    expect(store.people()[1]?.roles.map((role) => role.role)).toEqual(['STAFF', 'TEAM_LEAD']);
    expect(store.note()?.text).toBe('Thomas Becker hat jetzt die Rolle „Teamleitung: t1“.');
    expect(currentPerson.reload).not.toHaveBeenCalled();
  });

  it('returns what is missing without asking the API', async () => {
    const thomas = store.people()[1];
    if (!thomas) throw new Error('no Thomas');
    const calls = api.calls.length;

    expect(await store.grant(thomas, { role: 'FACILITY_MANAGER', teamId: null, officeId: null })).toBe(
      'Bitte wählen Sie das Büro, das die Person verwalten soll.',
    );
    expect(api.calls).toHaveLength(calls);
  });

  it('explains LAST_ADMIN in plain German and leaves the list as it was', async () => {
    const anna = store.people()[0];
    const adminRole = anna?.roles[1];
    if (!anna || !adminRole) throw new Error('no Anna');
    api.failWith = 'LAST_ADMIN';

    expect(await store.revoke(anna, adminRole)).toBe(false);

    expect(store.note()).toEqual({
      tone: 'error',
      text: 'Diese Person ist die letzte Organisationsverwaltung Ihrer Organisation. Vergeben Sie die Rolle zuerst an eine weitere Person; danach können Sie sie hier entfernen.',
    });
    expect(store.people()[0]?.roles).toHaveLength(2);
  });

  it('reads the own profile again after changing one’s own roles', async () => {
    const anna = store.people()[0];
    const adminRole = anna?.roles[1];
    if (!anna || !adminRole) throw new Error('no Anna');

    expect(await store.revoke(anna, adminRole)).toBe(true);

    expect(store.note()?.text).toBe('Anna Schmidt hat die Rolle „Organisationsverwaltung: Landesamt“ nicht mehr.');
    expect(currentPerson.reload).toHaveBeenCalled();
  });

  it('searches again when a person is gone', async () => {
    const thomas = store.people()[1];
    if (!thomas) throw new Error('no Thomas');
    api.failWith = 'PERSON_NOT_FOUND';

    expect(await store.grant(thomas, { role: 'ORGANISATION_ADMIN', teamId: null, officeId: null })).toBe(
      'Diese Person gibt es in Ihrer Organisation nicht (mehr). Bitte suchen Sie die Person erneut.',
    );
    expect(api.calls.at(-1)?.name).toBe('organisationPeople');
  });
});
