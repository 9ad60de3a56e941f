import { Component, input, output } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { FakeTeamDaysApi } from '../../testing/fake-team-days-api';
import { anOffice } from '../../testing/office';
import { aPresenceDay, aPreview, aTeam, aTeamDayBooking, LEAD, OUTSIDE_ADMIN } from '../../testing/presence-day';
import { aProfile } from '../../testing/profile';
import { Announcer } from '../core/a11y/announcer';
import type { TeamDetails } from '../core/graphql/api.types';
import { CurrentPerson } from '../core/identity/current-person';
import { todayInOfficeZone } from '../shared/date/civil-date';
import { BestDaysPanel } from './best-days/best-days-panel';
import { MyTeams } from './data-access/my-teams';
import { TeamApi } from './data-access/team.api';
import { addDays, formatLongGermanDate, weekOf } from './data-access/team-dates';
import { TeamMembersPanel } from './members/team-members-panel';
import { TeamPolicyPanel } from './policy/team-policy-panel';
import { TeamPage } from './team.page';

/** Stand-ins for the panels of the other team features, with their selectors, inputs and outputs. */
@Component({ selector: 'nb-team-policy-panel', template: '<h2>Anwesenheitsregel</h2>' })
class PolicyPanelStub {
  readonly team = input.required<TeamDetails>();
  readonly changed = output<void>();
}

@Component({
  selector: 'nb-best-days-panel',
  template: '<h2>Beste Tage</h2><button type="button" (click)="pick()">Vorschlag übernehmen</button>',
})
class BestDaysPanelStub {
  readonly teamId = input.required<string>();
  readonly chosen = output<{ date: string; officeId: string }>();
  static choice = { date: '', officeId: '' };
  protected pick(): void {
    this.chosen.emit(BestDaysPanelStub.choice);
  }
}

@Component({ selector: 'nb-team-members-panel', template: '<h2>Mitglieder</h2>' })
class MembersPanelStub {
  readonly team = input.required<TeamDetails>();
  readonly changed = output<void>();
}

async function stable(harness: RouterTestingHarness): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve));
    await harness.fixture.whenStable();
  }
}

/** The text a screen reader reads: without what is hidden from it (the ✓ of a pressed button). */
function visibleName(element: Element): string {
  const copy = element.cloneNode(true) as Element;
  copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
  return copy.textContent?.trim() ?? '';
}

function button(scope: ParentNode, name: string): HTMLButtonElement {
  const found = [...scope.querySelectorAll('button')].find((candidate) => visibleName(candidate) === name);
  if (found === undefined) {
    throw new Error(`no button "${name}"`);
  }
  return found;
}

function headings(page: HTMLElement): string[] {
  return [...page.querySelectorAll('h1, h2')].map((h) => `${h.tagName}:${h.textContent?.trim()}`);
}

function choose(field: HTMLSelectElement | HTMLInputElement | null, value: string): void {
  if (field === null) {
    throw new Error('no such field');
  }
  field.value = value;
  field.dispatchEvent(new Event('change'));
}

describe('TeamPage', () => {
  const today = todayInOfficeZone();
  const tomorrow = addDays(today, 1);
  let api: FakeTeamDaysApi;
  let harness: RouterTestingHarness;
  let announce: jest.SpyInstance<void, [string]>;

  async function open(team: TeamDetails): Promise<HTMLElement> {
    api.teamDetails = team;
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/team/t1', TeamPage);
    await stable(harness);
    return harness.routeNativeElement as HTMLElement;
  }

  beforeEach(() => {
    api = new FakeTeamDaysApi();
    api.answerDaysAtOnce = [aPresenceDay({ date: tomorrow, note: 'Wir planen das nächste Jahr.' })];
    api.officeList = [anOffice('o1', 'Co-Working Erlangen'), anOffice('o2', 'Rathaus Fürth')];
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'team/:teamId', component: TeamPage }]),
        { provide: TeamApi, useValue: api },
        { provide: CurrentPerson, useValue: { profile: () => aProfile() } },
        { provide: MyTeams, useValue: { reload: jest.fn() } },
      ],
    });
    TestBed.overrideComponent(TeamPage, {
      remove: { imports: [TeamPolicyPanel, BestDaysPanel, TeamMembersPanel] },
      add: { imports: [PolicyPanelStub, BestDaysPanelStub, MembersPanelStub] },
    });
    announce = jest.spyOn(TestBed.inject(Announcer), 'announce');
  });

  it('shows a member the upcoming team days in words, without the lead’s tools', async () => {
    const page = await open(aTeam());

    expect(headings(page)).toEqual([
      'H1:Team Geodaten',
      'H2:Anstehende Teamtage',
      'H2:Teamkalender',
      'H2:Anwesenheitsregel',
    ]);
    const card = page.querySelector('[data-day-id="pd1"]') as HTMLElement;
    expect(card.querySelector('h3')?.textContent?.trim()).toBe(formatLongGermanDate(tomorrow));
    expect(card.textContent).toContain('Freiwillig: Wer kann, kommt.');
    expect(card.textContent).toContain('Co-Working Erlangen, Bahnhofplatz 1');
    expect(card.textContent).toContain('Wir planen das nächste Jahr.');
    expect(card.querySelector('[data-testid="team-day-counts"]')?.textContent).toBe(
      '0 kommen, 0 sind abwesend, 3 haben noch nicht geantwortet. 2 Personen haben einen Platz.',
    );
    expect(button(card, 'Ich komme').getAttribute('aria-pressed')).toBe('false');
    expect(card.querySelector('details')).toBeNull();
    expect(page.querySelector('nb-team-day-editor')).toBeNull();
  });

  it('shows an organisation admin who is not in the team what they keep, and no team days', async () => {
    const page = await open(aTeam(OUTSIDE_ADMIN));

    expect(headings(page)).toEqual(['H1:Team Geodaten', 'H2:Anwesenheitsregel', 'H2:Mitglieder']);
    expect(page.querySelector('.lead')?.textContent?.trim()).toBe(
      'Sie betreuen dieses Team als Organisationsverwaltung. 3 Mitglieder.',
    );
    expect(page.querySelector('[data-testid="team-only"]')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Hinweis: Teamtage, Antworten und den Teamkalender sieht nur das Team selbst. Hier pflegen Sie die Mitglieder ' +
        'und die Anwesenheitsregel.',
    );
    // Nothing of the team's days is asked for: the API would refuse it anyway.
    expect(api.callsOf('presenceDays')).toEqual([]);
    expect(api.callsOf('teamCalendar')).toEqual([]);
    expect(api.callsOf('offices')).toEqual([]);
    expect(api.follows).toEqual([]);
    expect(page.querySelector('[data-testid="live-state"]')).toBeNull();
  });

  it('shows an admin who is a plain member the team days without planning, and the members to keep', async () => {
    const page = await open(aTeam({ viewerIsLead: false, viewerIsMember: true, viewerCanManage: true }));

    expect(headings(page)).toEqual([
      'H1:Team Geodaten',
      'H2:Anstehende Teamtage',
      'H2:Teamkalender',
      'H2:Anwesenheitsregel',
      'H2:Mitglieder',
    ]);
    expect(page.querySelector('nb-team-day-editor')).toBeNull();
    expect(page.querySelector('nb-best-days-panel')).toBeNull();
    expect(button(page.querySelector('[data-day-id="pd1"]') as HTMLElement, 'Ich komme')).toBeDefined();
  });

  it('answers "Ich komme" and shows the pressed button and the desk', async () => {
    const page = await open(aTeam());
    api.answerResult = (id, answer) =>
      aPresenceDay({ id, date: tomorrow, myAnswer: answer, myBooking: aTeamDayBooking({ date: tomorrow }) });

    button(page, 'Ich komme').click();
    await stable(harness);

    const card = page.querySelector('[data-day-id="pd1"]') as HTMLElement;
    expect(button(card, 'Ich komme').getAttribute('aria-pressed')).toBe('true');
    expect(button(card, 'Ich bin abwesend').getAttribute('aria-pressed')).toBe('false');
    expect(card.querySelector('[data-testid="team-day-my-answer"]')?.textContent).toBe('Ich komme');
    expect(card.querySelector('[data-testid="team-day-my-desk"]')?.textContent?.trim()).toBe(
      'Ihr Platz: A-03, Bereich Erdgeschoss',
    );
    expect(page.querySelector('[role="status"]')?.textContent).toContain('Sie kommen am');
  });

  it('lets the lead preview a day with a shortfall and save it only after ticking the box', async () => {
    const page = await open(aTeam(LEAD));
    api.previewResult = aPreview({ toSeat: 5, seatable: 3, shortfall: 2, sideBySide: false });
    api.savedDay = aPresenceDay({ id: 'pd-new', date: addDays(today, 2) });
    const form = page.querySelector('nb-team-day-editor form') as HTMLFormElement;

    choose(form.querySelector('select'), 'o2');
    choose(form.querySelector('input[type="date"]'), addDays(today, 2));
    await stable(harness);

    const preview = form.querySelector('[data-testid="team-day-preview"]');
    expect(preview?.textContent).toContain('3 von 5 Personen bekommen einen Platz.');
    expect(preview?.textContent).toContain('Nicht alle sitzen nebeneinander');
    expect(preview?.textContent).toContain('Für 2 Personen ist kein Platz frei.');

    button(form, 'Teamtag speichern').click();
    await stable(harness);
    expect(api.callsOf('createPresenceDay')).toEqual([]);
    const accept = form.querySelector<HTMLInputElement>('input[type="checkbox"][id$="-accept"]');
    expect(document.activeElement).toBe(accept);
    expect(form.querySelector(`label[for="${accept?.id}"]`)?.textContent).toContain('Trotzdem speichern');

    accept?.click();
    button(form, 'Teamtag speichern').click();
    await stable(harness);

    expect(api.callsOf('createPresenceDay')).toEqual([
      expect.objectContaining({ teamId: 't1', officeId: 'o2', date: addDays(today, 2), acceptShortfall: true }),
    ]);
    expect(document.activeElement?.id).toBe('team-day-pd-new');
    expect(page.querySelector('[data-day-id="pd-new"]')).not.toBeNull();
  });

  it('says why the office cannot host the day and does not save', async () => {
    const page = await open(aTeam(LEAD));
    api.previewResult = aPreview({
      refusal: { code: 'HOLIDAY', message: 'Holiday', messageDe: 'An diesem Tag ist in Bayern ein Feiertag.' },
    });
    const form = page.querySelector('nb-team-day-editor form') as HTMLFormElement;
    choose(form.querySelector('select'), 'o1');
    choose(form.querySelector('input[type="date"]'), tomorrow);
    await stable(harness);

    expect(form.querySelector('[data-testid="team-day-refusal"]')?.textContent).toContain(
      'Nicht möglich: An diesem Tag ist in Bayern ein Feiertag.',
    );
    button(form, 'Teamtag speichern').click();
    await stable(harness);
    expect(api.callsOf('createPresenceDay')).toEqual([]);
  });

  it('names the missing fields and focuses the first', async () => {
    const page = await open(aTeam(LEAD));
    const form = page.querySelector('nb-team-day-editor form') as HTMLFormElement;

    button(form, 'Teamtag speichern').click();
    await stable(harness);

    const office = form.querySelector('select');
    expect(document.activeElement).toBe(office);
    expect(office?.getAttribute('aria-invalid')).toBe('true');
    expect(form.textContent).toContain('Bitte wählen Sie ein Büro.');
    expect(form.textContent).toContain('Bitte wählen Sie ein Datum.');
  });

  it('takes a best day into the form and moves focus there', async () => {
    const page = await open(aTeam(LEAD));
    BestDaysPanelStub.choice = { date: addDays(today, 3), officeId: 'o2' };

    button(page, 'Vorschlag übernehmen').click();
    await stable(harness);

    const form = page.querySelector('nb-team-day-editor form') as HTMLFormElement;
    expect(form.querySelector('select')?.value).toBe('o2');
    expect(form.querySelector<HTMLInputElement>('input[type="date"]')?.value).toBe(addDays(today, 3));
    expect(document.activeElement?.textContent).toBe('Teamtag anlegen');
    expect(api.callsOf('presenceDayPreview')).toHaveLength(1);
  });

  it('shows the lead every member’s answer and cancels a day after asking', async () => {
    api.answerDaysAtOnce = [
      aPresenceDay({
        date: tomorrow,
        memberAnswers: [
          { personId: 'p1', displayName: 'Anna Schmidt', answer: 'ATTENDING', seated: true },
          { personId: 'p2', displayName: 'Jonas Weber', answer: null, seated: false },
        ],
      }),
    ];
    const page = await open(aTeam(LEAD));
    const card = page.querySelector('[data-day-id="pd1"]') as HTMLElement;
    expect([...card.querySelectorAll('details li')].map((li) => li.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      'Anna Schmidt: kommt, hat einen Platz',
      'Jonas Weber: noch keine Antwort',
    ]);

    button(card, 'Absagen').click();
    await stable(harness);
    expect(document.activeElement?.textContent).toContain('absagen?');
    button(card, 'Ja, Teamtag absagen').click();
    await stable(harness);

    expect(api.callsOf('cancelPresenceDay')).toEqual(['pd1']);
    expect(page.querySelector('[data-day-id="pd1"]')).toBeNull();
    expect(document.activeElement?.id).toBe('team-days-heading');
  });

  it('moves a day through the form inside it, previewing it as the day being moved', async () => {
    const page = await open(aTeam(LEAD));
    const later = addDays(today, 4);
    api.savedDay = aPresenceDay({ date: later });

    button(page.querySelector('[data-day-id="pd1"]') as HTMLElement, 'Verlegen').click();
    await stable(harness);
    const card = page.querySelector('[data-day-id="pd1"]') as HTMLElement;
    const form = card.querySelector('nb-team-day-editor form') as HTMLFormElement;
    expect(document.activeElement).toBe(form.querySelector('select'));
    expect(form.querySelector('select')?.value).toBe('o1');
    expect(card.querySelector('h4')?.textContent).toBe('Teamtag verlegen');
    expect(card.querySelector('h5')?.textContent).toBe('Platzlage');

    choose(form.querySelector('input[type="date"]'), later);
    await stable(harness);
    button(form, 'Teamtag verlegen').click();
    await stable(harness);

    expect(api.callsOf('presenceDayPreview').at(-1)).toEqual(expect.objectContaining({ movingId: 'pd1' }));
    expect(api.callsOf('movePresenceDay')).toEqual([
      { id: 'pd1', officeId: 'o1', date: later, part: 'FULL_DAY', acceptShortfall: false },
    ]);
    expect(page.querySelector('[data-day-id="pd1"] h3')?.textContent?.trim()).toBe(formatLongGermanDate(later));
    expect(page.querySelector('[data-day-id="pd1"] nb-team-day-editor')).toBeNull();
    expect(document.activeElement?.id).toBe('team-day-pd1');
  });

  it('shows a team day the lead created while the page is open, and tells screen readers', async () => {
    const page = await open(aTeam());

    api.emit({ reason: 'CREATED', presenceDay: aPresenceDay({ id: 'pd9', date: today, mandatory: true }) });
    await stable(harness);

    const card = page.querySelector('[data-day-id="pd9"]') as HTMLElement;
    expect(card.textContent).toContain('Pflichttermin: Alle im Team sollen kommen.');
    expect(button(card, 'Ich komme').getAttribute('aria-pressed')).toBe('false');
    expect(announce).toHaveBeenCalledWith(expect.stringContaining('Neuer Teamtag'));
    // The calendar is read again, as the team day may change who is in where.
    expect(api.callsOf('teamCalendar').length).toBeGreaterThan(1);
  });

  it('shows the calendar as a table and switches to the month', async () => {
    api.calendar = [
      {
        date: today,
        presenceDays: [aPresenceDay({ date: today })],
        whoIsIn: [
          { personId: 'p2', displayName: 'Jonas Weber', office: { id: 'o1', name: 'Rathaus' }, part: 'MORNING' },
        ],
      },
    ];
    const page = await open(aTeam());

    expect(api.callsOf('teamCalendar')[0]).toEqual({ teamId: 't1', ...weekOf(today) });
    const table = page.querySelector('table') as HTMLTableElement;
    expect(table.querySelector('caption')?.textContent).toContain('Teamkalender');
    expect([...table.querySelectorAll('thead th')].map((th) => th.textContent?.trim())).toEqual([
      'Tag',
      'Teamtag',
      'Wer ist wo',
    ]);
    expect(table.querySelector('tbody th')?.textContent).toContain('(heute)');
    expect(table.querySelector('tbody td')?.textContent).toContain('Teamtag in Co-Working Erlangen (Ganzer Tag)');
    expect(table.textContent).toContain('Jonas Weber: Rathaus, Vormittag');

    button(page, 'Monat').click();
    await stable(harness);

    expect(button(page, 'Monat').getAttribute('aria-pressed')).toBe('true');
    const last = api.callsOf('teamCalendar').at(-1) as { from: string; to: string };
    expect(last.from).toBe(`${today.slice(0, 7)}-01`);
  });
});
