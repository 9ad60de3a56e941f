import type { DataSource, EntityManager } from 'typeorm';

import { DEMO_FLOOR_PLANS } from './demo-floor-plans.js';

/**
 * Demo data for a first start: three organisations (a state agency of each of two Länder and a town), five
 * municipalities in Bayern and Nordrhein-Westfalen, five offices with 52 desks (three shared with other
 * organisations), fourteen people with admins, facility managers and three teams with their leads.
 * Presence (issue 5): the team Geodaten of the LDBV (lead Mehmet Yılmaz) has nine members and a presence policy of two
 * office days a week with Tuesday as fixed weekday; five of its members let their teams see where they are (TEAMS),
 * one the whole organisation; everybody else keeps the default (nobody).
 * Municipality keys (AGS) and coordinates are the real ones.
 * Booking rules: Fürth and Erlangen are open Monday to Friday with neither cap nor quota (the API tests book there);
 * Bamberg is open Monday to Thursday, books 30 days ahead, closes between Christmas and New Year and has a blocked
 * desk; Münster lets half of its desks be booked per half-day; Bielefeld allows three days a week per person.
 * Every desk has a monitor, every other one a docking station, the first of each area is height-adjustable and
 * accessible.
 */
interface DemoOffice {
  readonly name: string;
  readonly address: string;
  readonly ags: string;
  readonly operator: string;
  /** Organisations besides the operator whose staff may book the office. */
  readonly sharedWith: readonly string[];
  readonly latitude: number;
  readonly longitude: number;
  readonly areas: readonly { readonly name: string; readonly prefix: string; readonly desks: number }[];
  /** ISO weekdays (1 = Monday); Monday to Friday when left out. */
  readonly openingWeekdays?: readonly number[];
  readonly horizonDays?: number;
  readonly capacityShare?: number;
  readonly quotaDaysPerWeek?: number;
  /** Closures between Christmas and New Year of the seeding year. */
  readonly closedOverChristmas?: boolean;
  /** Desk codes blocked, with why. */
  readonly blocked?: Readonly<Record<string, string>>;
}

const LDBV = 'Landesamt für Digitalisierung, Breitband und Vermessung';
const FUERTH = 'Stadt Fürth';
const ITNRW = 'IT.NRW – Landesbetrieb Information und Technik';

/** `claim` is the value of the identity provider's organisation claim for people of the organisation. */
const ORGANISATIONS = [
  { name: LDBV, kind: 'STATE', claim: 'ldbv', land: 'BY' },
  { name: FUERTH, kind: 'MUNICIPAL', claim: 'stadt-fuerth', land: 'BY' },
  { name: ITNRW, kind: 'STATE', claim: 'it-nrw', land: 'NW' },
] as const;

const MUNICIPALITIES = [
  { ags: '09563000', name: 'Fürth', land: 'BY' },
  { ags: '09562000', name: 'Erlangen', land: 'BY' },
  { ags: '09461000', name: 'Bamberg', land: 'BY' },
  { ags: '05515000', name: 'Münster', land: 'NW' },
  { ags: '05711000', name: 'Bielefeld', land: 'NW' },
] as const;

const OFFICES: readonly DemoOffice[] = [
  {
    name: 'Satellitenbüro Fürth Rathaus',
    address: 'Königstraße 88, 90762 Fürth',
    ags: '09563000',
    operator: FUERTH,
    sharedWith: [LDBV],
    latitude: 49.4771,
    longitude: 10.9887,
    areas: [
      { name: 'Erdgeschoss', prefix: 'E', desks: 6 },
      { name: '1. Obergeschoss', prefix: 'O', desks: 6 },
    ],
  },
  {
    name: 'Co-Working Erlangen Hauptbahnhof',
    address: 'Bahnhofplatz 3, 91054 Erlangen',
    ags: '09562000',
    operator: LDBV,
    sharedWith: [FUERTH, ITNRW],
    latitude: 49.5958,
    longitude: 11.0019,
    areas: [{ name: 'Offene Fläche', prefix: 'A', desks: 10 }],
  },
  {
    name: 'Satellitenbüro Bamberg',
    address: 'Promenadestraße 2, 96047 Bamberg',
    ags: '09461000',
    operator: LDBV,
    sharedWith: [],
    latitude: 49.8988,
    longitude: 10.9028,
    areas: [
      { name: 'Ruhezone', prefix: 'R', desks: 4 },
      { name: 'Teamzone', prefix: 'T', desks: 6 },
    ],
    openingWeekdays: [1, 2, 3, 4],
    horizonDays: 30,
    closedOverChristmas: true,
    blocked: { 'T-06': 'Monitor defekt, Ersatz ist bestellt.' },
  },
  {
    name: 'Satellitenbüro Münster',
    address: 'Mauritzstraße 4, 48143 Münster',
    ags: '05515000',
    operator: ITNRW,
    sharedWith: [LDBV],
    latitude: 51.9607,
    longitude: 7.6261,
    areas: [{ name: 'Etage 2', prefix: 'M', desks: 12 }],
    capacityShare: 0.5,
  },
  {
    name: 'Co-Working Bielefeld',
    address: 'Niederwall 23, 33602 Bielefeld',
    ags: '05711000',
    operator: ITNRW,
    sharedWith: [],
    latitude: 52.0302,
    longitude: 8.5325,
    areas: [{ name: 'Galerie', prefix: 'G', desks: 8 }],
    quotaDaysPerWeek: 3,
  },
];

const PEOPLE = [
  {
    name: 'Anna Schmidt',
    email: 'anna.schmidt@ldbv.example',
    organisation: 'Landesamt für Digitalisierung, Breitband und Vermessung',
  },
  {
    name: 'Mehmet Yılmaz',
    email: 'mehmet.yilmaz@ldbv.example',
    organisation: 'Landesamt für Digitalisierung, Breitband und Vermessung',
  },
  {
    name: 'Sabine Wagner',
    email: 'sabine.wagner@ldbv.example',
    organisation: 'Landesamt für Digitalisierung, Breitband und Vermessung',
  },
  { name: 'Jürgen Köhler', email: 'juergen.koehler@fuerth.example', organisation: FUERTH },
  { name: 'Lena Hoffmann', email: 'lena.hoffmann@fuerth.example', organisation: FUERTH },
  {
    name: 'Thomas Becker',
    email: 'thomas.becker@it.nrw.example',
    organisation: 'IT.NRW – Landesbetrieb Information und Technik',
  },
  {
    name: 'Fatma Demir',
    email: 'fatma.demir@it.nrw.example',
    organisation: 'IT.NRW – Landesbetrieb Information und Technik',
  },
  {
    name: 'Peter Schulz',
    email: 'peter.schulz@it.nrw.example',
    organisation: 'IT.NRW – Landesbetrieb Information und Technik',
  },
  // Geodaten's further members. Their names sort after everybody above, so lists ordered by name keep the first
  // eight people where they were.
  { name: 'Ulrike Neumann', email: 'ulrike.neumann@ldbv.example', organisation: LDBV },
  { name: 'Uwe Krause', email: 'uwe.krause@ldbv.example', organisation: LDBV },
  { name: 'Vanessa Richter', email: 'vanessa.richter@ldbv.example', organisation: LDBV },
  { name: 'Viktor Lang', email: 'viktor.lang@ldbv.example', organisation: LDBV },
  { name: 'Wiebke Fischer', email: 'wiebke.fischer@ldbv.example', organisation: LDBV },
  { name: 'Yasemin Arslan', email: 'yasemin.arslan@ldbv.example', organisation: LDBV },
] as const;

/** Who lets others see that they are in an office (everybody else: nobody, the default). */
const VISIBILITY: readonly { readonly person: string; readonly visibility: 'TEAMS' | 'ORGANISATION' }[] = [
  { person: 'Mehmet Yılmaz', visibility: 'TEAMS' },
  { person: 'Ulrike Neumann', visibility: 'TEAMS' },
  { person: 'Uwe Krause', visibility: 'TEAMS' },
  { person: 'Viktor Lang', visibility: 'TEAMS' },
  { person: 'Yasemin Arslan', visibility: 'TEAMS' },
  { person: 'Wiebke Fischer', visibility: 'ORGANISATION' },
];

const ORGANISATION_ADMINS = [
  { person: 'Anna Schmidt', organisation: LDBV },
  { person: 'Jürgen Köhler', organisation: FUERTH },
  { person: 'Thomas Becker', organisation: ITNRW },
] as const;

const FACILITY_MANAGERS = [
  { person: 'Lena Hoffmann', office: 'Satellitenbüro Fürth Rathaus' },
  { person: 'Sabine Wagner', office: 'Co-Working Erlangen Hauptbahnhof' },
  { person: 'Peter Schulz', office: 'Satellitenbüro Münster' },
] as const;

const TEAMS = [
  {
    name: 'Geodaten',
    organisation: LDBV,
    lead: 'Mehmet Yılmaz',
    members: [
      'Mehmet Yılmaz',
      'Anna Schmidt',
      'Sabine Wagner',
      'Ulrike Neumann',
      'Uwe Krause',
      'Vanessa Richter',
      'Viktor Lang',
      'Wiebke Fischer',
      'Yasemin Arslan',
    ],
  },
  { name: 'Bürgerservice', organisation: FUERTH, lead: 'Jürgen Köhler', members: ['Jürgen Köhler', 'Lena Hoffmann'] },
  {
    name: 'Rechenzentrum',
    organisation: ITNRW,
    lead: 'Fatma Demir',
    members: ['Fatma Demir', 'Thomas Becker', 'Peter Schulz'],
  },
] as const;

/** Presence policies: fixed weekdays are ISO weekdays (2 = Tuesday). */
const PRESENCE_POLICIES = [{ team: 'Geodaten', period: 'WEEK', minDays: 2, fixedWeekdays: [2] }] as const;

/** Seeds the demo data in one transaction when the database holds no organisation yet. Returns whether it did. */
export async function seedDemoData(dataSource: DataSource): Promise<boolean> {
  return dataSource.transaction(async (manager) => {
    // Serialise concurrent seeders (two instances starting on one empty server database).
    await manager.query('LOCK TABLE organisations IN EXCLUSIVE MODE');
    const existing: { count: number }[] = await manager.query('SELECT count(*)::int AS count FROM organisations');
    if ((existing[0]?.count ?? 0) > 0) return false;
    await insertDemoData(manager);
    return true;
  });
}

async function insertDemoData(manager: EntityManager): Promise<void> {
  const organisationIds = new Map<string, string>();
  const officeIds = new Map<string, string>();
  for (const organisation of ORGANISATIONS) {
    const [row] = (await manager.query(
      'INSERT INTO organisations (name, kind, claim_value, land) VALUES ($1, $2, $3, $4) RETURNING id',
      [organisation.name, organisation.kind, organisation.claim, organisation.land],
    )) as { id: string }[];
    organisationIds.set(organisation.name, requireId(row));
  }
  for (const municipality of MUNICIPALITIES) {
    await manager.query('INSERT INTO municipalities (ags, name, land) VALUES ($1, $2, $3)', [
      municipality.ags,
      municipality.name,
      municipality.land,
    ]);
  }
  for (const office of OFFICES) {
    const [officeRow] = (await manager.query(
      `INSERT INTO offices (name, address, municipality_ags, operator_id, latitude, longitude, opening_weekdays,
                            booking_horizon_days, capacity_share, quota_days_per_week)
       VALUES ($1, $2, $3, $4, $5, $6, $7::smallint[], $8, $9, $10) RETURNING id`,
      [
        office.name,
        office.address,
        office.ags,
        organisationIds.get(office.operator),
        office.latitude,
        office.longitude,
        office.openingWeekdays ?? [1, 2, 3, 4, 5],
        office.horizonDays ?? 60,
        office.capacityShare ?? null,
        office.quotaDaysPerWeek ?? null,
      ],
    )) as { id: string }[];
    const officeId = requireId(officeRow);
    officeIds.set(office.name, officeId);
    if (office.closedOverChristmas) {
      await manager.query(
        `INSERT INTO office_closures (office_id, starts_on, ends_on, reason)
         SELECT $1, make_date(y.year, 12, 24), make_date(y.year, 12, 31), 'Zwischen den Jahren geschlossen.'
         FROM (SELECT extract(year FROM now() AT TIME ZONE 'Europe/Berlin')::int AS year) AS y`,
        [officeId],
      );
    }
    for (const organisation of office.sharedWith) {
      await manager.query('INSERT INTO office_shares (office_id, organisation_id) VALUES ($1, $2)', [
        officeId,
        organisationIds.get(organisation),
      ]);
    }
    for (const [index, area] of office.areas.entries()) {
      const plan = DEMO_FLOOR_PLANS[office.name]?.[area.name];
      const [areaRow] = (await manager.query(
        'INSERT INTO areas (office_id, name, sort_order, floor_plan_svg) VALUES ($1, $2, $3, $4) RETURNING id',
        [officeId, area.name, index, plan?.svg ?? null],
      )) as { id: string }[];
      const codes = Array.from(
        { length: area.desks },
        (_, desk) => `${area.prefix}-${String(desk + 1).padStart(2, '0')}`,
      );
      for (const [number, code] of codes.entries()) {
        const blockedReason = office.blocked?.[code] ?? null;
        await manager.query(
          `INSERT INTO desks (office_id, area_id, code, active, blocked_reason, accessible, equipment,
                              position_x, position_y)
           VALUES ($1, $2, $3, $4, $5, $6, $7::text[], $8, $9)`,
          [
            officeId,
            requireId(areaRow),
            code,
            blockedReason === null,
            blockedReason,
            number === 0,
            equipmentOf(number),
            plan?.positions[number]?.[0] ?? null,
            plan?.positions[number]?.[1] ?? null,
          ],
        );
      }
    }
  }
  const personIds = new Map<string, string>();
  for (const person of PEOPLE) {
    const [row] = (await manager.query(
      'INSERT INTO people (organisation_id, display_name, email) VALUES ($1, $2, $3) RETURNING id',
      [organisationIds.get(person.organisation), person.name, person.email],
    )) as { id: string }[];
    personIds.set(person.name, requireId(row));
  }
  for (const { person, visibility } of VISIBILITY) {
    await manager.query('UPDATE people SET visibility = $2 WHERE id = $1', [personIds.get(person), visibility]);
  }
  for (const admin of ORGANISATION_ADMINS) {
    await manager.query(
      `INSERT INTO role_assignments (person_id, role, organisation_id) VALUES ($1, 'ORGANISATION_ADMIN', $2)`,
      [personIds.get(admin.person), organisationIds.get(admin.organisation)],
    );
  }
  for (const facilityManager of FACILITY_MANAGERS) {
    await manager.query(
      `INSERT INTO role_assignments (person_id, role, office_id) VALUES ($1, 'FACILITY_MANAGER', $2)`,
      [personIds.get(facilityManager.person), officeIds.get(facilityManager.office)],
    );
  }
  const teamIds = new Map<string, string>();
  for (const team of TEAMS) {
    const [row] = (await manager.query('INSERT INTO teams (organisation_id, name) VALUES ($1, $2) RETURNING id', [
      organisationIds.get(team.organisation),
      team.name,
    ])) as { id: string }[];
    teamIds.set(team.name, requireId(row));
    for (const member of team.members) {
      await manager.query('INSERT INTO team_members (team_id, person_id, is_lead) VALUES ($1, $2, $3)', [
        requireId(row),
        personIds.get(member),
        member === team.lead,
      ]);
    }
  }
  for (const policy of PRESENCE_POLICIES) {
    await manager.query(
      `INSERT INTO presence_policies (team_id, period, min_days, fixed_weekdays) VALUES ($1, $2, $3, $4::smallint[])`,
      [teamIds.get(policy.team), policy.period, policy.minDays, [...policy.fixedWeekdays]],
    );
  }
}

/** A monitor everywhere, a docking station at every other desk, the first desk of an area height-adjustable. */
function equipmentOf(number: number): string[] {
  return ['MONITOR', ...(number % 2 === 0 ? ['DOCKING_STATION'] : []), ...(number === 0 ? ['HEIGHT_ADJUSTABLE'] : [])];
}

function requireId(row: { id: string } | undefined): string {
  if (!row) throw new Error('INSERT … RETURNING gave no row');
  return row.id;
}
