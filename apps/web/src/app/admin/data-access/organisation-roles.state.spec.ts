import { aMember, aRole } from '../../../testing/profile';
import {
  organisationOf,
  peopleFoundText,
  replaceMember,
  revokeInputFor,
  roleInputFor,
  teamsFor,
} from './organisation-roles.state';

const anna = aMember('p1', 'Anna Schmidt', [
  aRole('STAFF', 'Landesamt', { organisationId: 'org-1' }),
  aRole('TEAM_LEAD', 'Team Statistik', { teamId: 't1' }),
]);

describe('granting a role', () => {
  it('needs a role, and a team for team leads, an office for facility managers', () => {
    expect(roleInputFor(anna, { role: null, teamId: null, officeId: null })).toEqual({
      ok: false,
      problem: 'Bitte wählen Sie eine Rolle.',
    });
    expect(roleInputFor(anna, { role: 'TEAM_LEAD', teamId: null, officeId: null })).toMatchObject({
      ok: false,
      problem: 'Bitte wählen Sie das Team, das die Person leiten soll.',
    });
    expect(roleInputFor(anna, { role: 'FACILITY_MANAGER', teamId: null, officeId: null })).toMatchObject({
      ok: false,
      problem: 'Bitte wählen Sie das Büro, das die Person verwalten soll.',
    });
  });

  it('builds the input for each role with only what it needs', () => {
    expect(roleInputFor(anna, { role: 'TEAM_LEAD', teamId: 't2', officeId: 'f1' })).toEqual({
      ok: true,
      input: { personId: 'p1', role: 'TEAM_LEAD', teamId: 't2' },
    });
    expect(roleInputFor(anna, { role: 'FACILITY_MANAGER', teamId: 't2', officeId: 'f1' })).toEqual({
      ok: true,
      input: { personId: 'p1', role: 'FACILITY_MANAGER', officeId: 'f1' },
    });
    expect(roleInputFor(anna, { role: 'ORGANISATION_ADMIN', teamId: null, officeId: null })).toEqual({
      ok: true,
      input: { personId: 'p1', role: 'ORGANISATION_ADMIN' },
    });
  });

  it('notices a role the person holds already', () => {
    expect(roleInputFor(anna, { role: 'TEAM_LEAD', teamId: 't1', officeId: null })).toEqual({
      ok: false,
      problem: 'Anna Schmidt leitet dieses Team schon.',
    });
  });
});

describe('revoking a role', () => {
  it('names what the role covers, and never removes STAFF', () => {
    expect(revokeInputFor(anna, aRole('TEAM_LEAD', 'Team', { teamId: 't1' }))).toEqual({
      personId: 'p1',
      role: 'TEAM_LEAD',
      teamId: 't1',
    });
    expect(revokeInputFor(anna, aRole('FACILITY_MANAGER', 'Büro', { officeId: 'f1' }))).toEqual({
      personId: 'p1',
      role: 'FACILITY_MANAGER',
      officeId: 'f1',
    });
    expect(revokeInputFor(anna, aRole('ORGANISATION_ADMIN', 'Amt'))).toEqual({
      personId: 'p1',
      role: 'ORGANISATION_ADMIN',
    });
    expect(revokeInputFor(anna, aRole('STAFF', 'Amt'))).toBeNull();
  });
});

describe('people and teams', () => {
  it('offers the teams of the person’s own organisation', () => {
    const teams = [
      { id: 't1', name: 'Statistik', organisationId: 'org-1' },
      { id: 't2', name: 'Bauamt', organisationId: 'org-2' },
    ];
    expect(organisationOf(anna)).toBe('org-1');
    expect(teamsFor(anna, teams).map((team) => team.id)).toEqual(['t1']);
  });

  it('replaces the changed person in the list', () => {
    const max = aMember('p2', 'Max Muster');
    const updated = aMember('p2', 'Max Muster', [aRole('ORGANISATION_ADMIN', 'Amt')]);
    expect(replaceMember([anna, max], updated)).toEqual([anna, updated]);
  });

  it('says how many were found', () => {
    expect(peopleFoundText(0, 'xyz', 50)).toBe('Niemand gefunden für „xyz“.');
    expect(peopleFoundText(1, 'anna', 50)).toBe('1 Person gefunden für „anna“.');
    expect(peopleFoundText(12, '', 50)).toBe('12 Personen gefunden.');
    expect(peopleFoundText(50, '', 50)).toBe('50 Personen gefunden. Es gibt vielleicht weitere: Suchen Sie genauer.');
  });
});
