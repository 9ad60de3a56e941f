import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DOCUMENT,
  effect,
  inject,
  Injector,
  resource,
  signal,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { Title } from '@angular/platform-browser';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { map } from 'rxjs';

import { ROUTE_LINKS } from '../app.paths';
import { errorMessageFor } from '../core/errors/error-messages';
import type { PresenceAnswer, PresenceDay } from '../core/graphql/api.types';
import { CurrentPerson } from '../core/identity/current-person';
import { todayInOfficeZone } from '../shared/date/civil-date';
import { StatusMessage } from '../shared/ui/status-message';
import { BestDaysPanel } from './best-days/best-days-panel';
import { MyTeams } from './data-access/my-teams';
import { TeamApi } from './data-access/team.api';
import { TeamCalendarStore } from './data-access/team-calendar.store';
import type { PlannerMode } from './data-access/team-day-planner';
import { TeamDaysStore } from './data-access/team-days.store';
import { TeamMembersPanel } from './members/team-members-panel';
import { TeamPolicyPanel } from './policy/team-policy-panel';
import type { TeamDayPrefill } from './team-day-editor';
import { TeamDayEditor } from './team-day-editor';
import { TeamCalendar } from './ui/team-calendar';
import { TeamDayCard, teamDayHeadingId } from './ui/team-day-card';

const DAYS_HEADING = 'team-days-heading';
const CREATE_HEADING = 'team-day-create-heading';

/**
 * One team: its upcoming team days (members answer, leads plan, move and cancel them), the team calendar, the
 * presence policy and, for leads, best days. Leads and the organisation's admins keep its members and its policy.
 * Team days and the calendar are the team's own: an admin who is not in the team sees only what they keep (DESIGN.md
 * §5). Kept current live.
 */
@Component({
  selector: 'nb-team-page',
  imports: [
    BestDaysPanel,
    RouterLink,
    StatusMessage,
    TeamCalendar,
    TeamDayCard,
    TeamDayEditor,
    TeamMembersPanel,
    TeamPolicyPanel,
  ],
  providers: [TeamDaysStore, TeamCalendarStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './team.page.html',
  styleUrl: './team.page.css',
})
export class TeamPage {
  private readonly route = inject(ActivatedRoute);
  private readonly api = inject(TeamApi);
  private readonly title = inject(Title);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  private readonly currentPerson = inject(CurrentPerson);
  private readonly myTeams = inject(MyTeams);
  protected readonly store = inject(TeamDaysStore);
  protected readonly calendar = inject(TeamCalendarStore);

  protected readonly links = ROUTE_LINKS;
  protected readonly today = todayInOfficeZone();
  protected readonly daysHeading = DAYS_HEADING;
  protected readonly createHeading = CREATE_HEADING;
  protected readonly errorMessageFor = errorMessageFor;

  protected readonly teamId = toSignal(this.route.paramMap.pipe(map((params) => params.get('teamId') ?? '')), {
    requireSync: true,
  });
  protected readonly team = this.store.team;
  /** Plans team days (create, move, cancel, best days) and sees each member's answers. */
  protected readonly isLead = computed(() => this.team()?.viewerIsLead ?? false);
  /** Sees the team days and the calendar and answers; an organisation admin who is not in the team does not. */
  protected readonly isMember = computed(() => this.team()?.viewerIsMember ?? false);
  /** Keeps the team's members and its policy: its leads and the organisation's admins. */
  protected readonly canManage = computed(() => this.team()?.viewerCanManage ?? false);

  /** "Sie leiten dieses Team. 9 Mitglieder." */
  protected readonly introText = computed(() => {
    const team = this.team();
    if (team === null) {
      return '';
    }
    const personId = this.currentPerson.profile()?.id;
    const me = team.members.find((member) => member.personId === personId);
    const role = me?.isLead
      ? $localize`Sie leiten dieses Team. `
      : team.viewerCanManage
        ? $localize`Sie betreuen dieses Team als Organisationsverwaltung. `
        : '';
    const count = team.members.length === 1 ? '1 Mitglied' : `${team.members.length} Mitglieder`;
    return `${role}${count}.`;
  });

  /** Where a team day can take place; read for leads only. */
  protected readonly officeList = resource({
    params: () => (this.isLead() ? this.teamId() : undefined),
    loader: ({ abortSignal }) => this.api.offices(abortSignal),
  });
  protected readonly offices = computed(() => (this.officeList.hasValue() ? this.officeList.value() : []));

  protected readonly createMode = computed((): PlannerMode => ({ kind: 'create', teamId: this.teamId() }));
  /** The day whose move form is open, as it was when the form opened. */
  private readonly movingDay = signal<PresenceDay | null>(null);
  protected readonly moveMode = computed((): PlannerMode | null => {
    const day = this.movingDay();
    return day === null ? null : { kind: 'move', day };
  });
  protected readonly movingDayId = computed(() => this.movingDay()?.id ?? null);
  protected readonly prefill = signal<TeamDayPrefill | null>(null);

  constructor() {
    effect(() => {
      const teamId = this.teamId();
      untracked(() => {
        this.movingDay.set(null);
        this.store.open(teamId, this.today);
      });
    });
    // The calendar is the team's own: read only once the team says the viewer is a member.
    effect(() => {
      const team = this.team();
      if (team?.viewerIsMember) {
        untracked(() => this.calendar.open(team.id, this.today));
      }
    });
    // Every change of the team's days may change the calendar (team days, who is in where).
    let lastVersion = this.store.version();
    effect(() => {
      const version = this.store.version();
      if (version !== lastVersion) {
        lastVersion = version;
        untracked(() => void this.calendar.reload());
      }
    });
    effect(() => {
      const name = this.team()?.name;
      if (name !== undefined) {
        this.title.setTitle($localize`Team ${name} – nahbar`);
      }
    });
  }

  protected answer(day: PresenceDay, answer: PresenceAnswer): void {
    void this.store.answer(day, answer);
  }

  protected async cancel(day: PresenceDay): Promise<void> {
    const cancelled = await this.store.cancel(day);
    // The day is gone: continue at the list's heading; the note says what happened.
    this.focus(cancelled ? DAYS_HEADING : teamDayHeadingId(day.id));
  }

  protected startMove(day: PresenceDay): void {
    this.movingDay.set(day);
    afterNextRender(
      () => this.document.querySelector<HTMLElement>(`[data-day-id="${day.id}"] nb-team-day-editor select`)?.focus(),
      { injector: this.injector },
    );
  }

  protected stopMove(): void {
    const day = this.movingDay();
    this.movingDay.set(null);
    if (day !== null) {
      this.focus(teamDayHeadingId(day.id));
    }
  }

  protected moved(day: PresenceDay): void {
    this.movingDay.set(null);
    this.focusDay(day);
  }

  protected created(day: PresenceDay): void {
    this.prefill.set(null);
    this.focusDay(day);
  }

  /** A best day was picked: the form takes it, and the lead continues there. */
  protected chooseSuggestion(choice: { date: string; officeId: string }): void {
    this.prefill.set({ date: choice.date, officeId: choice.officeId });
    this.focus(CREATE_HEADING);
  }

  protected teamChanged(): void {
    void this.store.reloadTeam();
  }

  protected membersChanged(): void {
    void this.store.reloadTeam();
    void this.store.reloadDays();
    void this.myTeams.reload();
  }

  /** To the day's heading when the list shows it (it may lie beyond the eight weeks), else to the list's. */
  private focusDay(day: PresenceDay): void {
    const shown = this.store.days().some((candidate) => candidate.id === day.id);
    this.focus(shown ? teamDayHeadingId(day.id) : DAYS_HEADING);
  }

  private focus(id: string): void {
    afterNextRender(() => this.document.getElementById(id)?.focus(), { injector: this.injector });
  }
}
