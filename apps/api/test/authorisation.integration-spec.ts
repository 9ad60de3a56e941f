import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { weekdayOf } from '@nahbar/domain';
import { buildSchema, type GraphQLObjectType } from 'graphql';

import { addPeople, daysFromToday, nextOpenDay } from './support/fixtures.js';
import { errorCode, EventRecorder, graphql, wsClient } from './support/graphql-client.js';
import { DATABASE_KINDS, startTestApi, type TestApi } from './support/test-api.js';

/**
 * Every query, mutation and subscription of the committed schema, with who may use it. A new operation without an
 * entry here fails the first test. Each entry is run as every actor: those allowed must get through the
 * authorisation (other refusals such as DESK_TAKEN are fine), the others must be refused with one of the
 * authorisation codes, and never see data.
 */
const ACTORS = [
  'anonymous',
  'staff',
  'teamLead',
  'facilityManager',
  'orgAdmin',
  'otherOrgStaff',
  'otherOrgAdmin',
] as const;
type Actor = (typeof ACTORS)[number];

const SIGNED_IN: readonly Actor[] = ACTORS.filter((actor) => actor !== 'anonymous');
/** People of IT.NRW, which runs the offices the requests below are about. */
const OWN_ORGANISATION: readonly Actor[] = ['staff', 'teamLead', 'facilityManager', 'orgAdmin'];
/** Codes that mean "not for you": no identity, no role, or data outside the caller's organisation. */
const REFUSALS = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'OFFICE_NOT_FOUND',
  'DESK_NOT_FOUND',
  'PERSON_NOT_FOUND',
  'BOOKING_NOT_FOUND',
  'TEAM_NOT_FOUND',
  'PRESENCE_DAY_NOT_FOUND',
  'COLLEAGUE_NOT_FOUND',
];

interface World {
  people: Record<Exclude<Actor, 'anonymous'>, string>;
  /** IT.NRW's office that is shared with nobody. */
  privateOfficeId: string;
  privateDeskIds: string[];
  /** Check-in token of a desk of the private office. */
  privateDeskToken: string;
  /** An area of Münster, whose facility manager is Peter Schulz. */
  sharedAreaId: string;
  /** IT.NRW's office Münster (shared with LDBV). */
  sharedOfficeId: string;
  /** A desk of Münster, and a closure of it that is over (facility operations refuse to remove it: nothing changes). */
  sharedDeskId: string;
  endedClosureId: string;
  fuerthId: string;
  stafferBookingId: string;
  /** IT.NRW's team Rechenzentrum: Fatma Demir leads it; Peter Schulz and Thomas Becker are members. */
  teamId: string;
  /** Two planned team days of it at the private office: one to move and answer, one to cancel. */
  presenceDayId: string;
  cancelPresenceDayId: string;
  itNrwId: string;
  /** A second team of IT.NRW (lead Fatma Demir, member Peter Schulz), for deleteTeam. */
  throwawayTeamId: string;
  /** A person of IT.NRW who lets the organisation see when they are in, booked at the private office on day 11. */
  visibleColleagueId: string;
}

type Request = { query: string; variables?: Record<string, unknown> };
interface OperationSpec {
  readonly kind: 'query' | 'mutation' | 'subscription';
  readonly allowed: readonly Actor[];
  readonly request: (world: World, actor: Actor, index: number) => Request;
}

const ADMINS: readonly Actor[] = ['orgAdmin'];
/** The team Rechenzentrum: its members (the lead and two others, one of them IT.NRW's admin as a plain member). */
const RECHENZENTRUM: readonly Actor[] = ['teamLead', 'facilityManager', 'orgAdmin'];
/** Who plans Rechenzentrum's team days and sees each member's answers: its lead only, not the admin in it. */
const RECHENZENTRUM_LEAD: readonly Actor[] = ['teamLead'];
/** Who keeps Rechenzentrum (name, members, policy, policy summary): its lead and IT.NRW's admin. */
const RECHENZENTRUM_MANAGERS: readonly Actor[] = ['teamLead', 'orgAdmin'];

/** Who runs Münster: its facility manager and the admin of IT.NRW, which operates it. */
const MUENSTER_MANAGERS: readonly Actor[] = ['facilityManager', 'orgAdmin'];

const OPERATIONS: Record<string, OperationSpec> = {
  whosIn: {
    kind: 'query',
    allowed: OWN_ORGANISATION,
    request: (world) => ({
      query: 'query($o: ID!, $d: String!) { whosIn(officeId: $o, date: $d) { colleague { id } deskCode } }',
      variables: { o: world.privateOfficeId, d: nextOpenDay(11, 'NW') },
    }),
  },
  colleagueSearch: {
    kind: 'query',
    allowed: SIGNED_IN,
    request: () => ({ query: '{ colleagueSearch(query: "Sichtbar") { id displayName } }' }),
  },
  myFavouriteDesks: {
    kind: 'query',
    allowed: SIGNED_IN,
    request: () => ({ query: '{ myFavouriteDesks { deskId officeName } }' }),
  },
  myFavouriteColleagues: {
    kind: 'query',
    allowed: SIGNED_IN,
    request: () => ({ query: '{ myFavouriteColleagues { id upcoming { date } } }' }),
  },
  addFavouriteDesk: {
    kind: 'mutation',
    allowed: OWN_ORGANISATION,
    request: (world) => ({
      query: 'mutation($d: ID!) { addFavouriteDesk(deskId: $d) { deskId } }',
      variables: { d: world.privateDeskIds[0] },
    }),
  },
  removeFavouriteDesk: {
    kind: 'mutation',
    // Removing one's own bookmark needs no access to the desk: everyone signed in, false when there was none.
    allowed: SIGNED_IN,
    request: (world) => ({
      query: 'mutation($d: ID!) { removeFavouriteDesk(deskId: $d) }',
      variables: { d: world.privateDeskIds[1] },
    }),
  },
  addFavouriteColleague: {
    kind: 'mutation',
    allowed: OWN_ORGANISATION,
    request: (world) => ({
      query: 'mutation($c: ID!) { addFavouriteColleague(colleagueId: $c) { id } }',
      variables: { c: world.visibleColleagueId },
    }),
  },
  removeFavouriteColleague: {
    kind: 'mutation',
    allowed: SIGNED_IN,
    request: (world) => ({
      query: 'mutation($c: ID!) { removeFavouriteColleague(colleagueId: $c) }',
      variables: { c: world.visibleColleagueId },
    }),
  },
  bookNextTo: {
    kind: 'mutation',
    allowed: OWN_ORGANISATION,
    request: (world) => ({
      query: 'mutation($i: BookNextToInput!) { bookNextTo(input: $i) { id } }',
      variables: { i: { colleagueId: world.visibleColleagueId, date: nextOpenDay(11, 'NW'), part: 'AFTERNOON' } },
    }),
  },
  managedOffices: {
    kind: 'query',
    // Everyone holding either role may ask; the other organisation's admin gets its own offices.
    allowed: [...MUENSTER_MANAGERS, 'otherOrgAdmin'],
    request: () => ({ query: '{ managedOffices { office { id } capacityShare } }' }),
  },
  blockDesk: {
    kind: 'mutation',
    allowed: MUENSTER_MANAGERS,
    // A dry run: those allowed get through and nothing changes for the other entries.
    request: (world) => ({
      query: 'mutation($i: BlockDeskInput!) { blockDesk(input: $i) { cancelledBookings dryRun } }',
      variables: { i: { deskId: world.sharedDeskId, reason: 'Test', dryRun: true } },
    }),
  },
  unblockDesk: {
    kind: 'mutation',
    allowed: MUENSTER_MANAGERS,
    // The desk is not blocked: those allowed change nothing.
    request: (world) => ({
      query: 'mutation($d: ID!) { unblockDesk(deskId: $d) { cancelledBookings } }',
      variables: { d: world.sharedDeskId },
    }),
  },
  addOfficeClosure: {
    kind: 'mutation',
    allowed: MUENSTER_MANAGERS,
    request: (world) => ({
      query: 'mutation($i: OfficeClosureInput!) { addOfficeClosure(input: $i) { cancelledBookings dryRun } }',
      variables: {
        i: {
          officeId: world.sharedOfficeId,
          from: daysFromToday(3),
          to: daysFromToday(4),
          reason: 'Test',
          dryRun: true,
        },
      },
    }),
  },
  removeOfficeClosure: {
    kind: 'mutation',
    allowed: MUENSTER_MANAGERS,
    // The closure is over: those allowed get as far as CLOSURE_ENDED.
    request: (world) => ({
      query: 'mutation($id: ID!) { removeOfficeClosure(id: $id) { cancelledBookings } }',
      variables: { id: world.endedClosureId },
    }),
  },
  setOfficeCapacity: {
    kind: 'mutation',
    allowed: MUENSTER_MANAGERS,
    request: (world) => ({
      query: 'mutation($i: OfficeCapacityInput!) { setOfficeCapacity(input: $i) { cancelledBookings dryRun } }',
      variables: { i: { officeId: world.sharedOfficeId, capacityShare: 0.5, dryRun: true } },
    }),
  },
  authConfiguration: { kind: 'query', allowed: ACTORS, request: () => ({ query: '{ authConfiguration { mode } }' }) },
  accessibilityFeedback: {
    kind: 'query',
    allowed: ACTORS,
    request: () => ({ query: '{ accessibilityFeedback { contactEmail } }' }),
  },
  demoPeople: { kind: 'query', allowed: ACTORS, request: () => ({ query: '{ demoPeople { id } }' }) },
  me: { kind: 'query', allowed: SIGNED_IN, request: () => ({ query: '{ me { id roles { role } } }' }) },
  offices: { kind: 'query', allowed: SIGNED_IN, request: () => ({ query: '{ offices { id } }' }) },
  officesNearHome: {
    kind: 'query',
    allowed: SIGNED_IN,
    request: () => ({ query: '{ officesNearHome(radiusKm: 50) { distanceKm office { id } } }' }),
  },
  postalCodePlace: {
    kind: 'query',
    allowed: SIGNED_IN,
    request: () => ({ query: '{ postalCodePlace(code: "48143") { place } }' }),
  },
  mapConfiguration: {
    kind: 'query',
    allowed: ACTORS,
    request: () => ({ query: '{ mapConfiguration { tileUrl attribution } }' }),
  },
  office: {
    kind: 'query',
    allowed: OWN_ORGANISATION,
    request: (world) => ({
      query: 'query($id: ID!) { office(id: $id) { id } }',
      variables: { id: world.privateOfficeId },
    }),
  },
  deskAvailability: {
    kind: 'query',
    allowed: OWN_ORGANISATION,
    request: (world) => ({
      query: 'query($o: ID!, $d: String!) { deskAvailability(officeId: $o, date: $d, part: MORNING) { deskId } }',
      variables: { o: world.privateOfficeId, d: daysFromToday(2) },
    }),
  },
  officeDay: {
    kind: 'query',
    allowed: OWN_ORGANISATION,
    request: (world) => ({
      query: 'query($o: ID!, $d: String!) { officeDay(officeId: $o, date: $d, part: MORNING) { bookable } }',
      variables: { o: world.privateOfficeId, d: daysFromToday(2) },
    }),
  },
  myBookings: { kind: 'query', allowed: SIGNED_IN, request: () => ({ query: '{ myBookings { id } }' }) },
  deskByCheckInToken: {
    kind: 'query',
    allowed: OWN_ORGANISATION,
    request: (world) => ({
      query: 'query($t: String!) { deskByCheckInToken(token: $t) { deskId myBookingToday { id } } }',
      variables: { t: world.privateDeskToken },
    }),
  },
  deskQrCodes: {
    kind: 'query',
    // The facility manager of Münster and the admin of IT.NRW, which runs it.
    allowed: ['facilityManager', 'orgAdmin'],
    request: (world) => ({
      query: 'query($a: ID!) { deskQrCodes(areaId: $a) { deskId checkInUrl } }',
      variables: { a: world.sharedAreaId },
    }),
  },
  officeOccupancy: {
    kind: 'query',
    // The facility manager of Münster and the admin of IT.NRW, which runs it; LDBV, which it is shared with, is refused.
    allowed: ['facilityManager', 'orgAdmin'],
    request: (world) => ({
      query: 'query($o: ID!) { officeOccupancy(officeId: $o) { date morning { booked } } }',
      variables: { o: world.sharedOfficeId },
    }),
  },
  importDesks: {
    kind: 'mutation',
    // Anyone holding either role may send a list (a dry run here); which offices it may touch is decided per line:
    // LDBV's admin is told of no office named Münster (it is IT.NRW's), never refused as a whole.
    allowed: [...MUENSTER_MANAGERS, 'otherOrgAdmin'],
    request: () => ({
      query: 'mutation($i: ImportDesksInput!) { importDesks(input: $i) { valid desksCreated } }',
      variables: {
        i: { csv: 'Büro;Bereich;Platz\r\nSatellitenbüro Münster;Etage 2;M-90\r\n', dryRun: true },
      },
    }),
  },
  deskImportProgress: {
    kind: 'subscription',
    // Only ever the caller's own import: the progress is keyed by the person as well as the id.
    allowed: [...MUENSTER_MANAGERS, 'otherOrgAdmin'],
    request: () => ({
      query: 'subscription($id: ID!) { deskImportProgress(importId: $id) { phase done total } }',
      variables: { id: '00000000-0000-4000-8000-000000000007' },
    }),
  },
  officeOccupancyChanged: {
    kind: 'subscription',
    allowed: ['facilityManager', 'orgAdmin'],
    request: (world) => ({
      query: 'subscription($o: ID!) { officeOccupancyChanged(officeId: $o) { date morning { booked } } }',
      variables: { o: world.sharedOfficeId },
    }),
  },
  occupancyOffices: {
    kind: 'query',
    allowed: ['facilityManager', 'orgAdmin', 'otherOrgAdmin'],
    request: () => ({ query: '{ occupancyOffices { id } }' }),
  },
  officeUtilisation: {
    kind: 'query',
    // The rule of officeOccupancy: Münster's facility manager and IT.NRW's admin; LDBV, which it is shared with, not.
    allowed: MUENSTER_MANAGERS,
    request: (world) => ({
      query:
        'query($o: ID!, $f: String!, $t: String!) { officeUtilisation(officeId: $o, from: $f, to: $t) { figures { utilisationRate } } }',
      variables: { o: world.sharedOfficeId, f: daysFromToday(-28), t: daysFromToday(-1) },
    }),
  },
  deskHeatmap: {
    kind: 'query',
    allowed: MUENSTER_MANAGERS,
    request: (world) => ({
      query:
        'query($o: ID!, $f: String!, $t: String!) { deskHeatmap(officeId: $o, from: $f, to: $t) { areas { desks { utilisationRate } } } }',
      variables: { o: world.sharedOfficeId, f: daysFromToday(-28), t: daysFromToday(-1) },
    }),
  },
  utilisationOverview: {
    kind: 'query',
    // Everyone holding either role may ask; each sees the offices they run (the other admin LDBV's own).
    allowed: ['facilityManager', 'orgAdmin', 'otherOrgAdmin'],
    request: () => ({
      query: 'query($f: String!, $t: String!) { utilisationOverview(from: $f, to: $t) { offices { officeId } } }',
      variables: { f: daysFromToday(-28), t: daysFromToday(-1) },
    }),
  },
  officeAreas: {
    kind: 'query',
    allowed: OWN_ORGANISATION,
    request: (world) => ({
      query: 'query($o: ID!) { officeAreas(officeId: $o) { id name } }',
      variables: { o: world.privateOfficeId },
    }),
  },
  deskEquipmentOptions: { kind: 'query', allowed: SIGNED_IN, request: () => ({ query: '{ deskEquipmentOptions }' }) },
  myWaitlist: { kind: 'query', allowed: SIGNED_IN, request: () => ({ query: '{ myWaitlist { id position } }' }) },
  calendarFeed: { kind: 'query', allowed: SIGNED_IN, request: () => ({ query: '{ calendarFeed { exists } }' }) },
  myBookingsBetween: {
    kind: 'query',
    allowed: SIGNED_IN,
    request: () => ({
      query: 'query($f: String!, $t: String!) { myBookingsBetween(from: $f, to: $t) { id } }',
      variables: { f: daysFromToday(0), t: daysFromToday(6) },
    }),
  },
  createCalendarFeed: {
    kind: 'mutation',
    allowed: SIGNED_IN,
    request: () => ({ query: 'mutation { createCalendarFeed { createdAt } }' }),
  },
  revokeCalendarFeed: {
    kind: 'mutation',
    allowed: SIGNED_IN,
    request: () => ({ query: 'mutation { revokeCalendarFeed }' }),
  },
  myData: { kind: 'query', allowed: SIGNED_IN, request: () => ({ query: '{ myData { fileName } }' }) },
  eraseMyAccount: {
    kind: 'mutation',
    // Everyone may erase their own account; the wrong confirmation keeps these callers (ERASURE_NOT_CONFIRMED).
    allowed: SIGNED_IN,
    request: () => ({ query: 'mutation { eraseMyAccount(confirm: "vielleicht") { cancelledBookings } }' }),
  },
  auditLog: {
    kind: 'query',
    // Münster's entries: its facility manager and IT.NRW's admin; LDBV's admin reads it as OFFICE_NOT_FOUND.
    allowed: MUENSTER_MANAGERS,
    request: (world) => ({
      query: 'query($o: ID) { auditLog(officeId: $o) { action actorName } }',
      variables: { o: world.sharedOfficeId },
    }),
  },
  organisations: {
    kind: 'query',
    allowed: [...ADMINS, 'otherOrgAdmin'],
    request: () => ({ query: '{ organisations { id } }' }),
  },
  organisationPeople: {
    kind: 'query',
    allowed: [...ADMINS, 'otherOrgAdmin'],
    request: () => ({ query: '{ organisationPeople { id } }' }),
  },
  organisationTeams: {
    kind: 'query',
    allowed: [...ADMINS, 'otherOrgAdmin'],
    request: () => ({ query: '{ organisationTeams { id } }' }),
  },
  officeSharings: {
    kind: 'query',
    allowed: [...ADMINS, 'otherOrgAdmin'],
    request: () => ({ query: '{ officeSharings { office { id } } }' }),
  },
  bookDesk: {
    kind: 'mutation',
    allowed: OWN_ORGANISATION,
    request: (world, _actor, index) => ({
      query: 'mutation($i: BookDeskInput!) { bookDesk(input: $i) { id } }',
      variables: { i: { deskId: world.privateDeskIds[index], date: nextOpenDay(9, 'NW'), part: 'MORNING' } },
    }),
  },
  bookRecurring: {
    kind: 'mutation',
    allowed: OWN_ORGANISATION,
    request: (world, _actor, index) => ({
      query: 'mutation($i: BookRecurringInput!) { bookRecurring(input: $i) { bookedCount outcomes { status } } }',
      variables: {
        i: {
          deskId: world.privateDeskIds[index],
          part: 'AFTERNOON',
          weekdays: [weekdayOf(nextOpenDay(12, 'NW'))],
          from: nextOpenDay(12, 'NW'),
          weeks: 1,
        },
      },
    }),
  },
  joinWaitlist: {
    kind: 'mutation',
    allowed: OWN_ORGANISATION,
    // Desks are free there, so those allowed get as far as DESKS_AVAILABLE.
    request: (world) => ({
      query: 'mutation($i: JoinWaitlistInput!) { joinWaitlist(input: $i) { id } }',
      variables: { i: { officeId: world.privateOfficeId, date: nextOpenDay(11, 'NW'), part: 'MORNING' } },
    }),
  },
  leaveWaitlist: {
    kind: 'mutation',
    allowed: SIGNED_IN,
    // Nobody's entry: those signed in get as far as WAITLIST_ENTRY_NOT_FOUND.
    request: () => ({
      query: 'mutation($id: ID!) { leaveWaitlist(id: $id) { id } }',
      variables: { id: '00000000-0000-4000-8000-000000000000' },
    }),
  },
  checkIn: {
    kind: 'mutation',
    allowed: OWN_ORGANISATION,
    // Nobody has booked the desk today: those allowed get as far as NO_BOOKING_TO_CHECK_IN.
    request: (world) => ({
      query: 'mutation($t: String!) { checkIn(token: $t) { id } }',
      variables: { t: world.privateDeskToken },
    }),
  },
  cancelBooking: {
    kind: 'mutation',
    allowed: ['staff'],
    request: (world) => ({
      query: 'mutation($id: ID!) { cancelBooking(id: $id) { id } }',
      variables: { id: world.stafferBookingId },
    }),
  },
  updateProfile: {
    kind: 'mutation',
    allowed: SIGNED_IN,
    request: () => ({
      query: 'mutation { updateProfile(input: { visibility: TEAMS }) { visibility } }',
    }),
  },
  grantRole: {
    kind: 'mutation',
    allowed: ADMINS,
    request: (world) => ({
      query: 'mutation($i: RoleInput!) { grantRole(input: $i) { id } }',
      variables: { i: { personId: world.people.staff, role: 'FACILITY_MANAGER', officeId: world.privateOfficeId } },
    }),
  },
  revokeRole: {
    kind: 'mutation',
    allowed: ADMINS,
    request: (world) => ({
      query: 'mutation($i: RoleInput!) { revokeRole(input: $i) { id } }',
      variables: { i: { personId: world.people.staff, role: 'FACILITY_MANAGER', officeId: world.privateOfficeId } },
    }),
  },
  shareOffice: {
    kind: 'mutation',
    allowed: ADMINS,
    request: (world) => ({
      query: 'mutation($i: ShareOfficeInput!) { shareOffice(input: $i) { office { id } } }',
      variables: { i: { officeId: world.sharedOfficeId, organisationId: world.fuerthId } },
    }),
  },
  revokeOfficeSharing: {
    kind: 'mutation',
    allowed: ADMINS,
    request: (world) => ({
      query: 'mutation($i: RevokeSharingInput!) { revokeOfficeSharing(input: $i) { cancelledBookings } }',
      variables: { i: { officeId: world.sharedOfficeId, organisationId: world.fuerthId } },
    }),
  },
  deskAvailabilityChanged: {
    kind: 'subscription',
    allowed: OWN_ORGANISATION,
    request: (world) => ({
      query:
        'subscription($o: ID!, $d: String!) { deskAvailabilityChanged(officeId: $o, date: $d, part: MORNING) { deskId } }',
      variables: { o: world.privateOfficeId, d: daysFromToday(2) },
    }),
  },
  myBookingChanged: {
    kind: 'subscription',
    allowed: SIGNED_IN,
    request: () => ({ query: 'subscription { myBookingChanged { reason } }' }),
  },
  presenceDays: {
    kind: 'query',
    allowed: RECHENZENTRUM,
    request: (world) => ({
      query: 'query($t: ID!, $f: String!) { presenceDays(teamId: $t, from: $f, to: $f) { id myAnswer } }',
      variables: { t: world.teamId, f: nextOpenDay(14, 'NW') },
    }),
  },
  teamCalendar: {
    kind: 'query',
    allowed: RECHENZENTRUM,
    request: (world) => ({
      query: 'query($t: ID!, $f: String!) { teamCalendar(teamId: $t, from: $f, to: $f) { date whoIsIn { personId } } }',
      variables: { t: world.teamId, f: nextOpenDay(14, 'NW') },
    }),
  },
  presenceDayPreview: {
    kind: 'query',
    allowed: RECHENZENTRUM_LEAD,
    request: (world) => ({
      query: 'query($i: PresenceDayInput!) { presenceDayPreview(input: $i) { toSeat shortfall } }',
      variables: { i: { teamId: world.teamId, officeId: world.privateOfficeId, date: nextOpenDay(16, 'NW') } },
    }),
  },
  createPresenceDay: {
    kind: 'mutation',
    allowed: RECHENZENTRUM_LEAD,
    request: (world) => ({
      query: 'mutation($i: PresenceDayInput!) { createPresenceDay(input: $i) { id } }',
      variables: { i: { teamId: world.teamId, officeId: world.privateOfficeId, date: nextOpenDay(16, 'NW') } },
    }),
  },
  movePresenceDay: {
    kind: 'mutation',
    allowed: RECHENZENTRUM_LEAD,
    request: (world) => ({
      query: 'mutation($i: MovePresenceDayInput!) { movePresenceDay(input: $i) { id } }',
      variables: { i: { id: world.presenceDayId, officeId: world.privateOfficeId, date: nextOpenDay(15, 'NW') } },
    }),
  },
  cancelPresenceDay: {
    kind: 'mutation',
    allowed: RECHENZENTRUM_LEAD,
    request: (world) => ({
      query: 'mutation($id: ID!) { cancelPresenceDay(id: $id) { id cancelled } }',
      variables: { id: world.cancelPresenceDayId },
    }),
  },
  answerPresenceDay: {
    kind: 'mutation',
    allowed: RECHENZENTRUM,
    request: (world) => ({
      query: 'mutation($id: ID!) { answerPresenceDay(id: $id, answer: ATTENDING) { id myAnswer } }',
      variables: { id: world.presenceDayId },
    }),
  },
  teamPresenceChanged: {
    kind: 'subscription',
    allowed: RECHENZENTRUM,
    request: (world) => ({
      query: 'subscription($t: ID!) { teamPresenceChanged(teamId: $t) { reason presenceDay { id } } }',
      variables: { t: world.teamId },
    }),
  },
  myTeams: {
    kind: 'query',
    allowed: SIGNED_IN,
    request: () => ({ query: '{ myTeams { id viewerIsLead members { personId } policy { minDays } } }' }),
  },
  team: {
    kind: 'query',
    allowed: RECHENZENTRUM,
    request: (world) => ({
      query:
        'query($id: ID!) { team(id: $id) { id viewerIsLead viewerIsMember viewerCanManage members { personId } } }',
      variables: { id: world.teamId },
    }),
  },
  teamCandidates: {
    kind: 'query',
    allowed: RECHENZENTRUM_MANAGERS,
    request: (world) => ({
      query: 'query($t: ID!) { teamCandidates(teamId: $t) { id } }',
      variables: { t: world.teamId },
    }),
  },
  myPresenceProgress: {
    kind: 'query',
    allowed: SIGNED_IN,
    request: () => ({ query: '{ myPresenceProgress { team { id } periods { required planned } } }' }),
  },
  teamPolicySummary: {
    kind: 'query',
    allowed: RECHENZENTRUM_MANAGERS,
    request: (world) => ({
      query: 'query($t: ID!) { teamPolicySummary(teamId: $t) { members meeting { count } } }',
      variables: { t: world.teamId },
    }),
  },
  bestPresenceDays: {
    kind: 'query',
    allowed: RECHENZENTRUM_LEAD,
    request: (world) => ({
      query: 'query($i: BestPresenceDaysInput!) { bestPresenceDays(input: $i) { date canCome } }',
      variables: { i: { teamId: world.teamId, from: nextOpenDay(20, 'NW'), to: nextOpenDay(24, 'NW') } },
    }),
  },
  createTeam: {
    kind: 'mutation',
    allowed: ADMINS,
    request: (world, _actor, index) => ({
      query: 'mutation($i: CreateTeamInput!) { createTeam(input: $i) { id } }',
      variables: { i: { organisationId: world.itNrwId, name: `Neues Team ${index}` } },
    }),
  },
  renameTeam: {
    kind: 'mutation',
    allowed: RECHENZENTRUM_MANAGERS,
    // Renamed to its own name: the team stays as the other entries expect it.
    request: (world) => ({
      query: 'mutation($id: ID!) { renameTeam(id: $id, name: "Rechenzentrum") { id name } }',
      variables: { id: world.teamId },
    }),
  },
  deleteTeam: {
    kind: 'mutation',
    allowed: ADMINS,
    request: (world) => ({
      query: 'mutation($id: ID!) { deleteTeam(id: $id) }',
      variables: { id: world.throwawayTeamId },
    }),
  },
  addTeamMember: {
    kind: 'mutation',
    allowed: RECHENZENTRUM_MANAGERS,
    // A member already: those allowed get as far as ALREADY_A_MEMBER.
    request: (world) => ({
      query: 'mutation($i: TeamMemberInput!) { addTeamMember(input: $i) { id } }',
      variables: { i: { teamId: world.teamId, personId: world.people.facilityManager } },
    }),
  },
  removeTeamMember: {
    kind: 'mutation',
    allowed: RECHENZENTRUM_MANAGERS,
    // Not a member: those allowed get as far as NOT_A_MEMBER.
    request: (world) => ({
      query: 'mutation($i: TeamMemberInput!) { removeTeamMember(input: $i) { id } }',
      variables: { i: { teamId: world.teamId, personId: world.people.staff } },
    }),
  },
  setPresencePolicy: {
    kind: 'mutation',
    allowed: RECHENZENTRUM_MANAGERS,
    request: (world) => ({
      query: 'mutation($i: PresencePolicyInput!) { setPresencePolicy(input: $i) { id policy { minDays } } }',
      variables: { i: { teamId: world.teamId, period: 'WEEK', minDays: 1 } },
    }),
  },
  clearPresencePolicy: {
    kind: 'mutation',
    allowed: RECHENZENTRUM_MANAGERS,
    request: (world) => ({
      query: 'mutation($t: ID!) { clearPresencePolicy(teamId: $t) { id } }',
      variables: { t: world.teamId },
    }),
  },
};

function schemaOperations(): Map<string, OperationSpec['kind']> {
  const schema = buildSchema(readFileSync(join(import.meta.dirname, '..', 'schema.graphql'), 'utf8'));
  const result = new Map<string, OperationSpec['kind']>();
  const roots: [OperationSpec['kind'], GraphQLObjectType | null | undefined][] = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
    ['subscription', schema.getSubscriptionType()],
  ];
  for (const [kind, type] of roots) for (const name of Object.keys(type?.getFields() ?? {})) result.set(name, kind);
  return result;
}

describe('authorisation of every operation', () => {
  it('has an entry for every operation of the committed schema, and none for operations that do not exist', () => {
    const inSchema = schemaOperations();
    expect([...inSchema.keys()].sort()).toEqual(Object.keys(OPERATIONS).sort());
    for (const [name, kind] of inSchema) expect(`${name}: ${OPERATIONS[name]?.kind}`).toBe(`${name}: ${kind}`);
  });
});

describe.each(DATABASE_KINDS)('authorisation matrix on %s', (kind) => {
  let test: TestApi;
  let world: World;

  beforeAll(async () => {
    test = await startTestApi(kind);
    const personId = async (name: string): Promise<string> =>
      (await test.sql<{ id: string }>('SELECT id FROM people WHERE display_name = $1', [name]))[0]?.id ?? '';
    const [staff] = await addPeople(test, 1, 'Nur Staff');
    const [otherOrgStaff] = await test.sql<{ id: string }>(
      `INSERT INTO people (organisation_id, display_name)
       SELECT id, 'Andere Organisation' FROM organisations WHERE claim_value = 'ldbv' RETURNING id`,
    );
    const [bielefeld] = await test.sql<{ id: string }>(`SELECT id FROM offices WHERE name = 'Co-Working Bielefeld'`);
    const [muenster] = await test.sql<{ id: string }>(`SELECT id FROM offices WHERE name = 'Satellitenbüro Münster'`);
    const [fuerth] = await test.sql<{ id: string }>(`SELECT id FROM organisations WHERE claim_value = 'stadt-fuerth'`);
    const desks = await test.sql<{ id: string }>('SELECT id FROM desks WHERE office_id = $1 ORDER BY code', [
      bielefeld?.id,
    ]);
    const [token] = await test.sql<{ check_in_token: string }>('SELECT check_in_token FROM desks WHERE id = $1', [
      desks[0]?.id,
    ]);
    const [area] = await test.sql<{ id: string }>('SELECT id FROM areas WHERE office_id = $1 LIMIT 1', [muenster?.id]);
    world = {
      people: {
        staff: staff ?? '',
        teamLead: await personId('Fatma Demir'),
        facilityManager: await personId('Peter Schulz'),
        orgAdmin: await personId('Thomas Becker'),
        otherOrgStaff: otherOrgStaff?.id ?? '',
        otherOrgAdmin: await personId('Anna Schmidt'),
      },
      privateOfficeId: bielefeld?.id ?? '',
      privateDeskIds: desks.map((desk) => desk.id),
      privateDeskToken: token?.check_in_token ?? '',
      sharedAreaId: area?.id ?? '',
      sharedOfficeId: muenster?.id ?? '',
      sharedDeskId:
        (await test.sql<{ id: string }>('SELECT id FROM desks WHERE office_id = $1 LIMIT 1', [muenster?.id]))[0]?.id ??
        '',
      endedClosureId:
        (
          await test.sql<{ id: string }>(
            `INSERT INTO office_closures (office_id, starts_on, ends_on, reason) VALUES ($1, $2, $2, 'Vorbei')
             RETURNING id`,
            [muenster?.id, daysFromToday(-30)],
          )
        )[0]?.id ?? '',
      fuerthId: fuerth?.id ?? '',
      stafferBookingId: '',
      teamId: '',
      presenceDayId: '',
      cancelPresenceDayId: '',
      itNrwId: '',
      throwawayTeamId: '',
      visibleColleagueId: '',
    };
    const [visible] = await addPeople(test, 1, 'Sichtbare Kollegin');
    world.visibleColleagueId = visible ?? '';
    await test.sql(`UPDATE people SET visibility = 'ORGANISATION' WHERE id = $1`, [world.visibleColleagueId]);
    const colleagueBooked = await graphql(
      test.api.url,
      'mutation($i: BookDeskInput!) { bookDesk(input: $i) { id } }',
      { i: { deskId: world.privateDeskIds[6], date: nextOpenDay(11, 'NW'), part: 'FULL_DAY' } },
      world.visibleColleagueId,
    );
    expect(colleagueBooked.errors).toBeUndefined();
    const booked = await graphql<{ bookDesk: { id: string } }>(
      test.api.url,
      'mutation($i: BookDeskInput!) { bookDesk(input: $i) { id } }',
      { i: { deskId: world.privateDeskIds[7], date: nextOpenDay(10, 'NW'), part: 'FULL_DAY' } },
      world.people.staff,
    );
    world.stafferBookingId = booked.data?.bookDesk.id ?? '';
    expect(world.stafferBookingId).not.toBe('');
    const [team] = await test.sql<{ id: string }>(`SELECT id FROM teams WHERE name = 'Rechenzentrum'`);
    world.teamId = team?.id ?? '';
    world.itNrwId =
      (await test.sql<{ id: string }>(`SELECT id FROM organisations WHERE claim_value = 'it-nrw'`))[0]?.id ?? '';
    const [throwaway] = await test.sql<{ id: string }>(
      `INSERT INTO teams (organisation_id, name) VALUES ($1, 'Auflösung') RETURNING id`,
      [world.itNrwId],
    );
    world.throwawayTeamId = throwaway?.id ?? '';
    await test.sql(`INSERT INTO team_members (team_id, person_id, is_lead) VALUES ($1, $2, true), ($1, $3, false)`, [
      world.throwawayTeamId,
      world.people.teamLead,
      world.people.facilityManager,
    ]);
    for (const [key, n] of [
      ['presenceDayId', 14],
      ['cancelPresenceDayId', 17],
    ] as const) {
      const planned = await graphql<{ createPresenceDay: { id: string } }>(
        test.api.url,
        'mutation($i: PresenceDayInput!) { createPresenceDay(input: $i) { id } }',
        { i: { teamId: world.teamId, officeId: world.privateOfficeId, date: nextOpenDay(n, 'NW') } },
        world.people.teamLead,
      );
      world[key] = planned.data?.createPresenceDay.id ?? '';
      expect(world[key]).not.toBe('');
    }
  });

  afterAll(async () => {
    await test?.stop();
  });

  const personOf = (actor: Actor): string | undefined => (actor === 'anonymous' ? undefined : world.people[actor]);

  async function outcome(spec: OperationSpec, actor: Actor, index: number): Promise<string> {
    const request = spec.request(world, actor, index);
    if (spec.kind !== 'subscription') {
      const response = await graphql(test.api.url, request.query, request.variables, personOf(actor));
      const code = errorCode(response);
      if (code && REFUSALS.includes(code)) {
        // Nothing but nulls: a nullable field (teamPolicySummary) reads null next to its error.
        expect(Object.values(response.data ?? {}).every((value) => value === null)).toBe(true);
        return 'refused';
      }
      return 'allowed';
    }
    const client = wsClient(test.api.url, personOf(actor));
    const recorder = new EventRecorder<unknown>().subscribe(client, request.query, request.variables ?? {}, (d) => d);
    try {
      await recorder.waitFor(1, 750).catch(() => undefined);
      // graphql-ws hands over a close event, or the GraphQL errors of a refused subscription.
      const [first] = recorder.errors;
      const error: unknown = Array.isArray(first) ? first[0] : first;
      if (error === undefined) return 'allowed';
      const code =
        (error as CloseEvent).code === 4401
          ? 'UNAUTHENTICATED'
          : (error as { extensions?: { code?: string } }).extensions?.code;
      return code && REFUSALS.includes(code) ? 'refused' : `error ${String(code)}`;
    } finally {
      recorder.stop();
      await client.dispose();
    }
  }

  it.each(Object.entries(OPERATIONS))('%s', async (_name, spec) => {
    const results = await Promise.all(ACTORS.map(async (actor, index) => [actor, await outcome(spec, actor, index)]));
    const expected = ACTORS.map((actor) => [actor, spec.allowed.includes(actor) ? 'allowed' : 'refused']);
    expect(Object.fromEntries(results)).toEqual(Object.fromEntries(expected));
  });
});
