import { TestBed } from '@angular/core/testing';

import { fetchByOperation } from '../../../testing/fetch-router';
import { aProfile, aRole } from '../../../testing/profile';
import { FETCH } from '../graphql/graphql-endpoint';
import { CurrentPerson } from './current-person';
import { DemoSession } from './demo-session';

describe('CurrentPerson', () => {
  let answers: Record<string, unknown>;
  let fetchMock: ReturnType<typeof fetchByOperation>;

  beforeEach(() => {
    localStorage.clear();
    answers = { Me: { me: aProfile() } };
    fetchMock = fetchByOperation({ Me: () => answers['Me'] });
    TestBed.configureTestingModule({ providers: [{ provide: FETCH, useValue: fetchMock }] });
  });

  it('reads nobody while nobody is signed in', async () => {
    expect(await TestBed.inject(CurrentPerson).load()).toBeNull();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('reads the profile once per person, however often it is asked', async () => {
    TestBed.inject(DemoSession).choose('p1');
    const person = TestBed.inject(CurrentPerson);

    const [a, b] = await Promise.all([person.load(), person.load()]);
    await person.load();

    expect(a?.displayName).toBe('Anna Schmidt');
    expect(b).toBe(a);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(person.profile()).toBe(a);
  });

  it('knows the roles', async () => {
    answers['Me'] = { me: aProfile({ roles: [aRole('STAFF', 'Amt'), aRole('ORGANISATION_ADMIN', 'Amt')] }) };
    TestBed.inject(DemoSession).choose('p1');
    const person = TestBed.inject(CurrentPerson);
    await person.load();

    expect(person.isAdmin()).toBe(true);
    expect(person.hasRole('TEAM_LEAD')).toBe(false);
  });

  it('keeps the reason of a failure and tries again next time', async () => {
    answers['Me'] = new Error('ORGANISATION_UNKNOWN');
    TestBed.inject(DemoSession).choose('p1');
    const person = TestBed.inject(CurrentPerson);

    expect(await person.load()).toBeNull();
    expect(person.problem()).toBe('ORGANISATION_UNKNOWN');

    answers['Me'] = { me: aProfile() };
    expect((await person.load())?.id).toBe('p1');
    expect(person.problem()).toBeNull();
  });

  it('never shows the profile of the person before', async () => {
    const demo = TestBed.inject(DemoSession);
    demo.choose('p1');
    const person = TestBed.inject(CurrentPerson);
    await person.load();

    answers['Me'] = { me: aProfile({ id: 'p2', displayName: 'Max Muster' }) };
    demo.choose('p2');
    expect(person.profile()).toBeNull();
    expect((await person.load())?.displayName).toBe('Max Muster');
  });

  it('offline, takes the profile this device last read for the person, and only for that person', async () => {
    const demo = TestBed.inject(DemoSession);
    demo.choose('p1');
    const person = TestBed.inject(CurrentPerson);
    await person.load();

    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    expect((await person.reload())?.displayName).toBe('Anna Schmidt');
    expect(person.problem()).toBeNull();

    demo.choose('p2');
    expect(await person.load()).toBeNull();
    expect(person.problem()).toBe('NETWORK');
  });

  it('does not stand in the kept profile when the API refuses the person', async () => {
    TestBed.inject(DemoSession).choose('p1');
    const person = TestBed.inject(CurrentPerson);
    await person.load();

    answers['Me'] = new Error('UNAUTHENTICATED');
    expect(await person.reload()).toBeNull();
    expect(person.problem()).toBe('UNAUTHENTICATED');
  });
});
