import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';

import type { PresencePolicy, PresenceProgress, TeamDetails, TeamPolicySummary } from '../../core/graphql/api.types';
import { GraphqlRequestError } from '../../core/graphql/graphql-request.error';
import { PresencePolicyApi, type PresencePolicyInput } from './data-access/presence-policy.api';
import { TeamPolicyPanel } from './team-policy-panel';

const POLICY: PresencePolicy = { period: 'WEEK', minDays: 2, fixedWeekdays: [2] };

function aTeam(overrides: Partial<TeamDetails> = {}): TeamDetails {
  return {
    id: 't1',
    name: 'Team Statistik',
    organisationId: 'org-1',
    viewerIsLead: false,
    viewerIsMember: true,
    viewerCanManage: false,
    members: [
      { personId: 'p1', displayName: 'Anna Lang', isLead: true },
      { personId: 'p2', displayName: 'Thomas Becker', isLead: false },
    ],
    policy: POLICY,
    ...overrides,
  };
}

const PROGRESS: PresenceProgress = {
  team: { id: 't1', name: 'Team Statistik' },
  policy: POLICY,
  periods: [
    {
      from: '2026-11-23',
      to: '2026-11-29',
      required: 2,
      planned: 1,
      met: false,
      workingDays: 5,
      holidays: [],
      missingFixedWeekdays: ['2026-11-24'],
    },
    {
      from: '2026-11-30',
      to: '2026-12-06',
      required: 2,
      planned: 2,
      met: true,
      workingDays: 4,
      holidays: ['2026-12-03'],
      missingFixedWeekdays: [],
    },
  ],
};

const SUMMARY: TeamPolicySummary = {
  from: '2026-11-23',
  to: '2026-11-29',
  members: 9,
  meeting: { count: 7, fewerThanThree: false },
  notMeeting: { count: null, fewerThanThree: true },
};

/** Stands in for PresencePolicyApi; `failWith` makes the next change fail. */
class FakePresencePolicyApi {
  progress: PresenceProgress[] = [PROGRESS];
  summaryAnswer: TeamPolicySummary | null = SUMMARY;
  failWith: GraphqlRequestError | null = null;
  readonly calls: { name: string; input: unknown }[] = [];

  async myProgress(): Promise<PresenceProgress[]> {
    this.calls.push({ name: 'myProgress', input: undefined });
    return this.progress;
  }

  async summary(teamId: string): Promise<TeamPolicySummary | null> {
    this.calls.push({ name: 'summary', input: teamId });
    return this.summaryAnswer;
  }

  async setPolicy(input: PresencePolicyInput): Promise<TeamDetails> {
    this.calls.push({ name: 'setPolicy', input });
    this.fail();
    const { teamId, ...policy } = input;
    return aTeam({ id: teamId, viewerIsLead: true, viewerCanManage: true, policy });
  }

  async clearPolicy(teamId: string): Promise<TeamDetails> {
    this.calls.push({ name: 'clearPolicy', input: teamId });
    this.fail();
    return aTeam({ id: teamId, viewerIsLead: true, viewerCanManage: true, policy: null });
  }

  private fail(): void {
    const error = this.failWith;
    this.failWith = null;
    if (error !== null) {
      throw error;
    }
  }
}

describe('TeamPolicyPanel', () => {
  let api: FakePresencePolicyApi;
  let fixture: ComponentFixture<TeamPolicyPanel>;
  let panel: HTMLElement;
  let changed: number;

  async function stable(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  async function render(team: TeamDetails): Promise<void> {
    fixture = TestBed.createComponent(TeamPolicyPanel);
    fixture.componentRef.setInput('team', team);
    changed = 0;
    fixture.componentInstance.changed.subscribe(() => changed++);
    panel = fixture.nativeElement as HTMLElement;
    await stable();
  }

  function text(selector: string): string {
    return panel.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }

  function button(name: string): HTMLButtonElement | undefined {
    return [...panel.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
  }

  function minDays(): HTMLInputElement {
    const input = panel.querySelector<HTMLInputElement>('input[type="number"]');
    if (input === null) {
      throw new Error('no min days field');
    }
    return input;
  }

  function checkbox(label: string): HTMLInputElement | undefined {
    return (
      [...panel.querySelectorAll<HTMLLabelElement>('label.checkbox')]
        .find((l) => l.textContent?.trim() === label)
        ?.querySelector('input') ?? undefined
    );
  }

  beforeEach(() => {
    api = new FakePresencePolicyApi();
    TestBed.configureTestingModule({ providers: [{ provide: PresencePolicyApi, useValue: api }] });
  });

  describe('for a member', () => {
    beforeEach(async () => {
      await render(aTeam());
    });

    it('says the policy in plain German', () => {
      expect(text('[data-testid="policy-text"]')).toBe('Mindestens 2 Bürotage pro Woche, feste Tage: Dienstag');
    });

    it('shows the member their own progress per period, saying that only they see it', () => {
      expect(text('.private-note')).toContain('Nur Sie sehen diese Angaben.');
      const [current, next] = [...panel.querySelectorAll('.period')];
      expect(current?.querySelector('h4')?.textContent).toContain('Diese Woche');
      expect(current?.textContent).toContain('Regel noch nicht erfüllt');
      expect(current?.textContent).toContain('Geplant: 1 von 2 Tagen');
      expect(current?.textContent).toContain('Feste Tage noch ohne Buchung: Di., 24.11.2026');
      expect(next?.querySelector('h4')?.textContent).toContain('Nächste Woche');
      expect(next?.textContent).toContain('Regel erfüllt');
      expect(next?.textContent).toContain('1 Feiertag: Do., 03.12.2026');
    });

    it('marks met and not met with a symbol and words, the symbol hidden from screen readers', () => {
      const states = [...panel.querySelectorAll('.period__state')];
      expect(states.map((state) => state.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
        '! Regel noch nicht erfüllt',
        '✓ Regel erfüllt',
      ]);
      expect(states.every((state) => state.querySelector('[aria-hidden="true"]') !== null)).toBe(true);
    });

    it('offers no form and reads no counts', () => {
      expect(panel.querySelector('form')).toBeNull();
      expect(api.calls.map((call) => call.name)).toEqual(['myProgress']);
    });
  });

  it('says when no policy is set, and reads no progress', async () => {
    await render(aTeam({ policy: null }));
    expect(text('[data-testid="policy-text"]')).toBe('Für dieses Team ist keine Anwesenheitsregel festgelegt.');
    expect(panel.querySelector('.period')).toBeNull();
    expect(api.calls).toEqual([]);
  });

  it('tells an admin who is not a member that there is no progress of theirs, and lets them keep the policy', async () => {
    api.progress = [];
    await render(aTeam({ viewerIsLead: false, viewerIsMember: false, viewerCanManage: true }));
    expect(panel.textContent).toContain('weil Sie nicht Mitglied dieses Teams sind');
    expect(api.calls).toContainEqual({ name: 'summary', input: 't1' });
    expect([...panel.querySelectorAll('h3')].map((h) => h.textContent?.trim())).toEqual([
      'Ihr Stand',
      'Überblick für die Teamleitung',
      'Regel ändern',
    ]);
  });

  describe('for a lead', () => {
    beforeEach(async () => {
      await render(aTeam({ viewerIsLead: true, viewerCanManage: true }));
    });

    it('shows counts only, small ones as "weniger als 3"', () => {
      const rows = [...panel.querySelectorAll('.counts__row')].map(
        (row) => `${row.querySelector('dt')?.textContent}: ${row.querySelector('dd')?.textContent}`,
      );
      expect(rows).toEqual(['Mitglieder: 9', 'Erfüllen die Regel: 7', 'Erfüllen die Regel noch nicht: weniger als 3']);
      expect(api.calls).toContainEqual({ name: 'summary', input: 't1' });
    });

    it('labels every control and groups the choices in fieldsets with legends', () => {
      const legends = [...panel.querySelectorAll('fieldset legend')].map((legend) => legend.textContent?.trim());
      expect(legends).toEqual(['Zeitraum', 'Feste Bürotage (freiwillig)']);
      expect(panel.querySelector(`label[for="${minDays().id}"]`)?.textContent?.trim()).toBe(
        'Mindestzahl an Bürotagen pro Woche',
      );
      for (const input of panel.querySelectorAll('input[type="radio"], input[type="checkbox"]')) {
        expect(input.closest('label')?.textContent?.trim()).not.toBe('');
      }
    });

    it('starts from the current policy', () => {
      expect([...panel.querySelectorAll('h3')].map((h) => h.textContent?.trim())).toEqual([
        'Ihr Stand',
        'Überblick für die Teamleitung',
        'Regel ändern',
      ]);
      const week = panel.querySelector<HTMLInputElement>('input[type="radio"][value="WEEK"]');
      expect(week?.checked).toBe(true);
      expect(minDays().value).toBe('2');
      expect(checkbox('Dienstag')?.checked).toBe(true);
      expect(checkbox('Montag')?.checked).toBe(false);
    });

    it('saves the policy and tells the page', async () => {
      panel.querySelector<HTMLInputElement>('input[type="radio"][value="MONTH"]')?.click();
      minDays().value = '8';
      minDays().dispatchEvent(new Event('input'));
      checkbox('Donnerstag')?.click();
      checkbox('Dienstag')?.click();
      await stable();
      expect(minDays().labels?.[0]?.textContent?.trim()).toBe('Mindestzahl an Bürotagen pro Monat');

      button('Regel speichern')?.click();
      await stable();

      expect(api.calls).toContainEqual({
        name: 'setPolicy',
        input: { teamId: 't1', period: 'MONTH', minDays: 8, fixedWeekdays: [4] },
      });
      expect(changed).toBe(1);
      expect(text('[role="status"]')).toContain(
        'Die Anwesenheitsregel ist gespeichert: Mindestens 8 Bürotage pro Monat, feste Tage: Donnerstag',
      );
    });

    it('checks the number before sending it, and says what is wrong next to the form', async () => {
      minDays().value = '6';
      minDays().dispatchEvent(new Event('input'));
      button('Regel speichern')?.click();
      await stable();

      expect(text('.field-problem')).toBe('Bitte geben Sie als Mindestzahl eine ganze Zahl von 0 bis 5 ein.');
      expect(minDays().getAttribute('aria-invalid')).toBe('true');
      expect(minDays().getAttribute('aria-describedby')).toContain(panel.querySelector('.field-problem')?.id);
      expect(document.activeElement).toBe(minDays());
      expect(api.calls.some((call) => call.name === 'setPolicy')).toBe(false);
      expect(changed).toBe(0);
    });

    it('shows the API’s INVALID_POLICY message next to the form', async () => {
      api.failWith = new GraphqlRequestError('INVALID_POLICY', 'invalid policy', {
        de: 'Die Mindestzahl darf nicht größer sein als die Zahl der Arbeitstage.',
      });
      button('Regel speichern')?.click();
      await stable();

      expect(text('.field-problem')).toBe('Die Mindestzahl darf nicht größer sein als die Zahl der Arbeitstage.');
      expect(changed).toBe(0);
    });

    it('clears the policy only after asking', async () => {
      button('Regel aufheben …')?.click();
      await stable();
      expect(text('.confirm__question')).toContain('Regel wirklich aufheben?');
      expect(api.calls.some((call) => call.name === 'clearPolicy')).toBe(false);

      button('Ja, Regel aufheben')?.click();
      await stable();

      expect(api.calls).toContainEqual({ name: 'clearPolicy', input: 't1' });
      expect(changed).toBe(1);
      expect(text('[role="status"]')).toContain('Die Anwesenheitsregel ist aufgehoben.');
      expect(panel.querySelector('.confirm')).toBeNull();
    });

    it('can step back from clearing', async () => {
      button('Regel aufheben …')?.click();
      await stable();
      button('Abbrechen')?.click();
      await stable();
      expect(panel.querySelector('.confirm')).toBeNull();
      expect(changed).toBe(0);
    });
  });

  it('lets a lead set a first policy, without a button to clear', async () => {
    await render(aTeam({ viewerIsLead: true, viewerCanManage: true, policy: null }));
    expect(button('Regel aufheben …')).toBeUndefined();
    expect([...panel.querySelectorAll('h3')].map((h) => h.textContent?.trim())).toEqual(['Regel festlegen']);
    expect(panel.querySelector('.counts')).toBeNull();
    button('Regel speichern')?.click();
    await stable();
    expect(api.calls).toEqual([
      { name: 'setPolicy', input: { teamId: 't1', period: 'WEEK', minDays: 1, fixedWeekdays: [] } },
    ]);
  });
});
