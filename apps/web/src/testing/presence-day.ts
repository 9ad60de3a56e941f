import type { Booking, PresenceDay, PresenceDayPreview, TeamDetails } from '../app/core/graphql/api.types';
import { anOffice } from './office';

/** Team Geodaten: Mehmet Yılmaz leads, Anna Schmidt (p1, the default profile) and Jonas Weber are members. */
export function aTeam(partial: Partial<TeamDetails> = {}): TeamDetails {
  return {
    id: 't1',
    name: 'Geodaten',
    organisationId: 'org-1',
    viewerIsLead: false,
    viewerIsMember: true,
    viewerCanManage: false,
    members: [
      { personId: 'p3', displayName: 'Mehmet Yılmaz', isLead: true },
      { personId: 'p1', displayName: 'Anna Schmidt', isLead: false },
      { personId: 'p2', displayName: 'Jonas Weber', isLead: false },
    ],
    policy: null,
    ...partial,
  };
}

/** What an organisation admin who is not in the team sees of it: no team days, but its members and policy to keep. */
export const OUTSIDE_ADMIN: Partial<TeamDetails> = {
  viewerIsLead: false,
  viewerIsMember: false,
  viewerCanManage: true,
};

/** What the team's lead sees: a member who plans its team days and keeps the team. */
export const LEAD: Partial<TeamDetails> = { viewerIsLead: true, viewerIsMember: true, viewerCanManage: true };

export function aTeamDayBooking(partial: Partial<Booking> = {}): Booking {
  return {
    id: 'b1',
    date: '2026-11-24',
    part: 'FULL_DAY',
    status: 'BOOKED',
    deskId: 'd3',
    deskCode: 'A-03',
    areaName: 'Erdgeschoss',
    createdAt: '2026-11-20T08:00:00Z',
    office: anOffice('o1', 'Co-Working Erlangen'),
    ...partial,
  };
}

/** A team day of team t1 on Tuesday 24 November 2026 that the caller has not answered yet. */
export function aPresenceDay(partial: Partial<PresenceDay> = {}): PresenceDay {
  return {
    id: 'pd1',
    teamId: 't1',
    teamName: 'Geodaten',
    date: '2026-11-24',
    part: 'FULL_DAY',
    office: anOffice('o1', 'Co-Working Erlangen'),
    mandatory: false,
    note: null,
    cancelled: false,
    myAnswer: null,
    myBooking: null,
    answers: { attending: 0, away: 0, open: 3, seated: 2 },
    memberAnswers: null,
    areaName: 'Erdgeschoss',
    ...partial,
  };
}

export function aPreview(partial: Partial<PresenceDayPreview> = {}): PresenceDayPreview {
  return {
    members: 3,
    toSeat: 3,
    alreadyBookedHere: 0,
    bookedElsewhere: 0,
    away: 0,
    freeDesks: 8,
    seatable: 3,
    shortfall: 0,
    sideBySide: true,
    areaName: 'Erdgeschoss',
    refusal: null,
    ...partial,
  };
}
