import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { buildSchema, parse, validate } from 'graphql';

import { ACCESSIBILITY_FEEDBACK } from '../../accessibility/data-access/accessibility-feedback.api';
import {
  GRANT_ROLE,
  OFFICE_SHARINGS,
  ORGANISATION_PEOPLE,
  ORGANISATION_TEAMS,
  ORGANISATIONS,
  REVOKE_OFFICE_SHARING,
  REVOKE_ROLE,
  SHARE_OFFICE,
} from '../../admin/data-access/admin.api';
import { DESK_QR_CODES } from '../../admin/data-access/qr-codes.api';
import {
  DESK_AVAILABILITY,
  DESK_AVAILABILITY_CHANGED,
  DESK_EQUIPMENT_OPTIONS,
  DESK_POSITIONS,
  OFFICE_AREAS,
  OFFICE_DAY,
  OFFICE_FLOOR_PLANS,
  OFFICES,
} from '../../booking/data-access/availability.api';
import { CHECK_IN, DESK_BY_CHECK_IN_TOKEN } from '../../check-in/data-access/check-in.api';
import {
  OCCUPANCY_OFFICES,
  OFFICE_OCCUPANCY,
  OFFICE_OCCUPANCY_CHANGED,
} from '../../facility/occupancy/data-access/occupancy.api';
import {
  ADD_OFFICE_CLOSURE,
  BLOCK_DESK,
  MANAGED_OFFICES,
  REMOVE_OFFICE_CLOSURE,
  SET_OFFICE_CAPACITY,
  UNBLOCK_DESK,
} from '../../facility/operations/data-access/facility-operations.api';
import { DESK_HEATMAP, OFFICE_UTILISATION } from '../../facility/reports/data-access/utilisation.api';
import { CALENDAR_FEED, CREATE_CALENDAR_FEED, REVOKE_CALENDAR_FEED } from '../../my-week/data-access/calendar.api';
import {
  MY_BOOKINGS_BETWEEN,
  MY_WEEK_PROGRESS,
  MY_WEEK_TEAM_CHANGED,
  MY_WEEK_TEAM_DAYS,
  MY_WEEK_TEAMS,
} from '../../my-week/data-access/my-week.api';
import { MAP_CONFIGURATION, OFFICES_NEAR_HOME, POSTAL_CODE_PLACE } from '../../near-home/data-access/near-home.api';
import { ERASE_MY_ACCOUNT, MY_DATA } from '../../profile/data-access/my-data.api';
import { UPDATE_PROFILE } from '../../profile/data-access/profile.api';
import {
  BOOK_DESK,
  BOOK_RECURRING,
  CANCEL_BOOKING,
  MY_BOOKING_CHANGED,
  MY_BOOKINGS,
} from '../../shared/data-access/bookings.api';
import { JOIN_WAITLIST, LEAVE_WAITLIST, MY_WAITLIST } from '../../shared/data-access/waitlist.api';
import { DEMO_PEOPLE } from '../../start/data-access/demo-people.api';
import { BEST_DAYS_OFFICES, BEST_PRESENCE_DAYS } from '../../team/best-days/data-access/best-days.api';
import {
  ANSWER_PRESENCE_DAY,
  CANCEL_PRESENCE_DAY,
  CREATE_PRESENCE_DAY,
  MOVE_PRESENCE_DAY,
  MY_TEAMS,
  PRESENCE_DAY_PREVIEW,
  PRESENCE_DAYS,
  TEAM,
  TEAM_CALENDAR,
  TEAM_DAY_OFFICES,
  TEAM_PRESENCE_CHANGED,
} from '../../team/data-access/team.api';
import {
  ADD_TEAM_MEMBER,
  REMOVE_TEAM_MEMBER,
  RENAME_TEAM,
  TEAM_CANDIDATES,
} from '../../team/members/data-access/team-members.api';
import {
  CLEAR_PRESENCE_POLICY,
  MY_PRESENCE_PROGRESS,
  SET_PRESENCE_POLICY,
  TEAM_POLICY_SUMMARY,
} from '../../team/policy/data-access/presence-policy.api';
import { AUTH_CONFIGURATION } from '../identity/auth-setup';
import { ME } from '../identity/current-person';

/** The API's committed schema: the contract the hand-typed operations are written against. */
const SCHEMA_FILE = join(__dirname, '../../../../../api/schema.graphql');

const OPERATIONS = {
  OFFICE_UTILISATION,
  DESK_HEATMAP,
  MANAGED_OFFICES,
  BLOCK_DESK,
  UNBLOCK_DESK,
  ADD_OFFICE_CLOSURE,
  REMOVE_OFFICE_CLOSURE,
  SET_OFFICE_CAPACITY,
  ACCESSIBILITY_FEEDBACK,
  CHECK_IN,
  DESK_BY_CHECK_IN_TOKEN,
  DESK_POSITIONS,
  DESK_QR_CODES,
  OFFICE_FLOOR_PLANS,
  OFFICE_DAY,
  AUTH_CONFIGURATION,
  BOOK_DESK,
  BOOK_RECURRING,
  DESK_AVAILABILITY,
  DESK_AVAILABILITY_CHANGED,
  DESK_EQUIPMENT_OPTIONS,
  JOIN_WAITLIST,
  LEAVE_WAITLIST,
  MY_WAITLIST,
  OFFICE_AREAS,
  CANCEL_BOOKING,
  DEMO_PEOPLE,
  GRANT_ROLE,
  ME,
  MY_BOOKING_CHANGED,
  MY_BOOKINGS,
  OFFICE_SHARINGS,
  OFFICES,
  ORGANISATION_PEOPLE,
  ORGANISATION_TEAMS,
  ORGANISATIONS,
  REVOKE_OFFICE_SHARING,
  REVOKE_ROLE,
  SHARE_OFFICE,
  UPDATE_PROFILE,
  MY_DATA,
  ERASE_MY_ACCOUNT,
  MAP_CONFIGURATION,
  OFFICES_NEAR_HOME,
  POSTAL_CODE_PLACE,
  ANSWER_PRESENCE_DAY,
  CANCEL_PRESENCE_DAY,
  CREATE_PRESENCE_DAY,
  MOVE_PRESENCE_DAY,
  MY_TEAMS,
  PRESENCE_DAY_PREVIEW,
  PRESENCE_DAYS,
  TEAM,
  TEAM_CALENDAR,
  TEAM_DAY_OFFICES,
  TEAM_PRESENCE_CHANGED,
  ADD_TEAM_MEMBER,
  BEST_DAYS_OFFICES,
  BEST_PRESENCE_DAYS,
  CLEAR_PRESENCE_POLICY,
  MY_PRESENCE_PROGRESS,
  REMOVE_TEAM_MEMBER,
  RENAME_TEAM,
  SET_PRESENCE_POLICY,
  TEAM_CANDIDATES,
  TEAM_POLICY_SUMMARY,
  CALENDAR_FEED,
  CREATE_CALENDAR_FEED,
  REVOKE_CALENDAR_FEED,
  MY_BOOKINGS_BETWEEN,
  MY_WEEK_PROGRESS,
  MY_WEEK_TEAM_CHANGED,
  MY_WEEK_TEAM_DAYS,
  MY_WEEK_TEAMS,
  OCCUPANCY_OFFICES,
  OFFICE_OCCUPANCY,
  OFFICE_OCCUPANCY_CHANGED,
};

describe('GraphQL operations of the web client', () => {
  const schema = buildSchema(readFileSync(SCHEMA_FILE, 'utf8'));
  it.each(Object.entries(OPERATIONS))('%s is valid against the API schema', (_name, operation) => {
    const errors = validate(schema, parse(operation.document)).map((error) => error.message);
    expect(errors).toEqual([]);
  });

  it('would notice a field the API does not have', () => {
    const errors = validate(schema, parse('query { offices { id seats } }'));
    expect(errors.map((error) => error.message)).toEqual(['Cannot query field "seats" on type "Office".']);
  });
});
