import {
  addDays,
  type CivilDate,
  type DeskImportPlan,
  type DeskImportProblem,
  type DeskImportRow,
  type DeskImportWorld,
  officeKey,
  planDeskImport,
  sortProblems,
  todayInOfficeZone,
  validateDeskImport,
  type WorldDesk,
  type WorldOffice,
} from '@nahbar/domain';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import type { Caller } from '../identity/caller.js';
import { AuditLog } from '../privacy/audit-log.js';
import { AvailabilityEvents } from '../realtime/availability-events.js';
import { ImportInvalidError } from './desk-import.errors.js';
import { parseDeskImportCsv } from './desk-import-csv.js';
import { DeskImportProgressEvents } from './desk-import-progress.events.js';
import type { ImportDesksInput } from './dto/import-desks.input.js';
import { DeskImportPhase } from './models/desk-import-progress.model.js';
import { type DeskImportReport, toLineError } from './models/desk-import-report.model.js';

/** Key space of the advisory lock that runs imports one after another (see bookings/advisory-locks.ts). */
const LOCK_DESK_IMPORT = 4_107;
/** Most availability events one import sends (see `announce`). */
const MAX_ANNOUNCED_CHANGES = 20_000;
/** Desks per INSERT or UPDATE statement, and per progress event while writing. */
const BATCH = 500;

interface OfficeRow {
  id: string;
  name: string;
  booking_horizon_days: number;
}

/** A desk whose availability changed after the commit: announced to the offices' live screens. */
interface ChangedDesk {
  readonly officeId: string;
  readonly deskId: string;
  readonly horizonDays: number;
}

/**
 * Imports desk lists (issue 7). A dry run checks the file (values, then against the offices the caller runs) and
 * counts what would be created and updated, writing nothing. The import runs the same checks inside one transaction
 * and writes everything or, on any faulty line, nothing (IMPORT_INVALID with every line error). Imports run one after
 * another (an advisory lock) and lock the offices they change, as facility operations do. After the commit, live
 * screens of the changed offices hear of every new or changed desk. Progress goes to `deskImportProgress`.
 */
@Injectable()
export class DeskImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly availability: AvailabilityEvents,
    private readonly progressEvents: DeskImportProgressEvents,
    private readonly audit: AuditLog,
  ) {}

  async importDesks(caller: Caller, input: ImportDesksInput, now: Date = new Date()): Promise<DeskImportReport> {
    const progress = this.progressOf(caller, input.importId ?? null);
    const parsed = parseDeskImportCsv(input.csv);
    if (!parsed.ok) {
      if (!input.dryRun) throw new ImportInvalidError([parsed.problem]);
      await progress(DeskImportPhase.DONE, 0, 0);
      return report(true, 0, [parsed.problem], undefined);
    }
    const validation = validateDeskImport(parsed.records);
    await progress(DeskImportPhase.CHECKING, 0, validation.dataRows);

    if (input.dryRun) {
      const world = await this.world(this.dataSource.manager, caller, validation.rows, false);
      const plan = planDeskImport(validation.rows, world.world);
      await progress(DeskImportPhase.DONE, validation.dataRows, validation.dataRows);
      return report(true, validation.dataRows, [...validation.problems, ...plan.problems], plan);
    }

    const { plan, officeIds, changed } = await this.dataSource.transaction(async (manager) => {
      // Never this.dataSource in here: the embedded database has one connection, which this transaction holds.
      await manager.query('SELECT pg_advisory_xact_lock($1, 0)', [LOCK_DESK_IMPORT]);
      const loaded = await this.world(manager, caller, validation.rows, true);
      const plan = planDeskImport(validation.rows, loaded.world);
      const problems = [...validation.problems, ...plan.problems];
      await progress(DeskImportPhase.CHECKING, validation.dataRows, validation.dataRows);
      if (problems.length > 0) throw new ImportInvalidError(sortProblems(problems));
      const written = await this.write(manager, caller, plan, loaded.horizons, progress);
      return { plan, ...written };
    });
    await progress(DeskImportPhase.DONE, validation.dataRows, validation.dataRows);
    this.announce(changed, now);
    return report(false, validation.dataRows, [], plan, officeIds);
  }

  /** Progress to the caller's own subscription, when the client gave an id to follow. */
  private progressOf(
    caller: Caller,
    importId: string | null,
  ): (phase: DeskImportPhase, done: number, total: number) => Promise<void> {
    return async (phase, done, total) => {
      if (importId !== null) await this.progressEvents.publish(caller.personId, { importId, phase, done, total });
    };
  }

  /**
   * The offices the caller runs whose names the file mentions, with their areas and desks; the municipality keys the
   * file names that exist. With `lock`, those offices are locked (FOR UPDATE) for the rest of the transaction.
   */
  private async world(
    manager: EntityManager,
    caller: Caller,
    rows: readonly DeskImportRow[],
    lock: boolean,
  ): Promise<{ world: DeskImportWorld; horizons: ReadonlyMap<string, number> }> {
    const names = new Set(rows.map((row) => officeKey(row.office)));
    const managed: OfficeRow[] = await manager.query(
      `SELECT id, name, booking_horizon_days FROM offices
       WHERE id = ANY($1::uuid[]) OR operator_id = ANY($2::uuid[]) ORDER BY id`,
      [caller.facilityManagerOf, caller.adminOf],
    );
    const offices = managed.filter((office) => names.has(officeKey(office.name)));
    const ids = offices.map((office) => office.id);
    if (lock && ids.length > 0) {
      await manager.query('SELECT id FROM offices WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE', [ids]);
    }
    const areas: { id: string; office_id: string; name: string }[] = ids.length
      ? await manager.query('SELECT id, office_id, name FROM areas WHERE office_id = ANY($1::uuid[])', [ids])
      : [];
    const desks: (WorldDesk & { officeId: string })[] = ids.length
      ? await manager.query(
          `SELECT id, office_id AS "officeId", code, area_id AS "areaId", equipment, accessible, active
           FROM desks WHERE office_id = ANY($1::uuid[])`,
          [ids],
        )
      : [];
    const agsInFile = [...new Set(rows.flatMap((row) => (row.municipalityAgs ? [row.municipalityAgs] : [])))];
    const municipalities: { ags: string }[] = agsInFile.length
      ? await manager.query('SELECT ags FROM municipalities WHERE ags = ANY($1::text[])', [agsInFile])
      : [];
    const worldOffices: WorldOffice[] = offices.map((office) => ({
      id: office.id,
      name: office.name,
      areas: areas.filter((area) => area.office_id === office.id).map(({ id, name }) => ({ id, name })),
      desks: desks.filter((desk) => desk.officeId === office.id),
    }));
    return {
      world: {
        offices: worldOffices,
        canCreateOffices: caller.adminOf.length > 0,
        municipalities: new Set(municipalities.map((row) => row.ags)),
      },
      horizons: new Map(offices.map((office) => [office.id, office.booking_horizon_days])),
    };
  }

  /** Writes the plan: offices, areas, then desks in batches (progress after each). */
  private async write(
    manager: EntityManager,
    caller: Caller,
    plan: DeskImportPlan,
    horizons: ReadonlyMap<string, number>,
    progress: (phase: DeskImportPhase, done: number, total: number) => Promise<void>,
  ): Promise<{ officeIds: Map<string, string>; changed: ChangedDesk[] }> {
    const total = plan.creates.length + plan.updates.length;
    await progress(DeskImportPhase.WRITING, 0, total);
    // New offices belong to the organisation the caller administers (their own when they administer it).
    const operator = caller.adminOf.includes(caller.organisationId) ? caller.organisationId : caller.adminOf[0];
    const officeIds = new Map<string, string>();
    for (const office of plan.newOffices) {
      const [row]: { id: string }[] = await manager.query(
        `INSERT INTO offices (name, address, municipality_ags, operator_id, opening_weekdays)
         VALUES ($1, $2, $3, $4, $5::smallint[]) RETURNING id`,
        [office.name, office.address, office.municipalityAgs, operator, [...office.openingWeekdays]],
      );
      if (!row) throw new Error('INSERT … RETURNING gave no office');
      officeIds.set(office.key, row.id);
    }
    const officeId = (ref: { existing: string } | { created: string }): string =>
      'existing' in ref ? ref.existing : (officeIds.get(ref.created) ?? '');

    const areaIds = new Map<string, string>();
    if (plan.newAreas.length > 0) {
      const perOffice = new Map<string, number>();
      const areas = plan.newAreas.map((area) => {
        const office_id = officeId(area.office);
        const position = (perOffice.get(office_id) ?? 0) + 1;
        perOffice.set(office_id, position);
        return { key: area.key, office_id, name: area.name, position };
      });
      const created: { id: string; office_id: string; name: string }[] = await manager.query(
        `INSERT INTO areas (office_id, name, sort_order)
         SELECT x.office_id, x.name,
                coalesce((SELECT max(sort_order) FROM areas a WHERE a.office_id = x.office_id), -1) + x.position
         FROM json_to_recordset($1::json) AS x(office_id uuid, name text, position integer)
         RETURNING id, office_id, name`,
        [JSON.stringify(areas.map(({ office_id, name, position }) => ({ office_id, name, position })))],
      );
      for (const area of areas) {
        const row = created.find((candidate) => candidate.office_id === area.office_id && candidate.name === area.name);
        if (row) areaIds.set(area.key, row.id);
      }
    }
    const areaId = (ref: { existing: string } | { created: string }): string =>
      'existing' in ref ? ref.existing : (areaIds.get(ref.created) ?? '');

    const changed: ChangedDesk[] = [];
    let done = 0;
    for (let start = 0; start < plan.creates.length; start += BATCH) {
      const batch = plan.creates.slice(start, start + BATCH).map((desk) => ({
        office_id: officeId(desk.office),
        area_id: areaId(desk.area),
        code: desk.code,
        equipment: desk.equipment,
        accessible: desk.accessible,
        active: desk.active,
      }));
      const rows: { id: string; office_id: string }[] = await manager.query(
        `INSERT INTO desks (office_id, area_id, code, equipment, accessible, active)
         SELECT office_id, area_id, code, equipment, accessible, active
         FROM json_to_recordset($1::json)
           AS x(office_id uuid, area_id uuid, code text, equipment text[], accessible boolean, active boolean)
         RETURNING id, office_id`,
        [JSON.stringify(batch)],
      );
      for (const row of rows) {
        const horizonDays = horizons.get(row.office_id);
        // Nobody can be looking at an office that did not exist: only desks of existing offices are announced.
        if (horizonDays !== undefined) changed.push({ officeId: row.office_id, deskId: row.id, horizonDays });
      }
      done += batch.length;
      await progress(DeskImportPhase.WRITING, done, total);
    }
    for (let start = 0; start < plan.updates.length; start += BATCH) {
      const batch = plan.updates.slice(start, start + BATCH).map((desk) => ({
        id: desk.deskId,
        area_id: areaId(desk.area),
        equipment: desk.equipment,
        accessible: desk.accessible,
        active: desk.active,
      }));
      // A desk made bookable loses its block's reason; a blocked one keeps it.
      await manager.query(
        `UPDATE desks d SET area_id = x.area_id, equipment = x.equipment, accessible = x.accessible,
                active = x.active, blocked_reason = CASE WHEN x.active THEN NULL ELSE d.blocked_reason END
         FROM json_to_recordset($1::json)
           AS x(id uuid, area_id uuid, equipment text[], accessible boolean, active boolean)
         WHERE d.id = x.id`,
        [JSON.stringify(batch)],
      );
      for (const desk of plan.updates.slice(start, start + BATCH)) {
        const id = officeId(desk.office);
        changed.push({ officeId: id, deskId: desk.deskId, horizonDays: horizons.get(id) ?? 0 });
      }
      done += batch.length;
      await progress(DeskImportPhase.WRITING, done, total);
    }
    // One audit entry per office the import touched, with its counts.
    const perOffice = new Map<string, { createdDesks: number; updatedDesks: number }>();
    for (const id of officeIds.values()) perOffice.set(id, { createdDesks: 0, updatedDesks: 0 });
    const count = (id: string, key: 'createdDesks' | 'updatedDesks'): void => {
      const counts = perOffice.get(id) ?? { createdDesks: 0, updatedDesks: 0 };
      counts[key] += 1;
      perOffice.set(id, counts);
    };
    for (const desk of plan.creates) count(officeId(desk.office), 'createdDesks');
    for (const desk of plan.updates) count(officeId(desk.office), 'updatedDesks');
    const createdOffices = new Set(officeIds.values());
    for (const [id, counts] of perOffice) {
      await this.audit.record(manager, caller, {
        action: 'DESKS_IMPORTED',
        objectType: 'OFFICE',
        objectId: id,
        officeId: id,
        details: { ...counts, newOffice: createdOffices.has(id) },
      });
    }
    return { officeIds, changed };
  }

  /**
   * After the commit only: each new or changed desk of an existing office, on every date people may book, nearest
   * dates first and at most MAX_ANNOUNCED_CHANGES events (a list that changes thousands of desks of existing offices
   * would otherwise send hundreds of thousands). Screens on later dates read the desks when they open or reconnect.
   * Not awaited: the answer does not wait for the notices.
   */
  private announce(changed: readonly ChangedDesk[], now: Date): void {
    const today = todayInOfficeZone(now);
    const longest = Math.max(0, ...changed.map((desk) => desk.horizonDays));
    const send = async (): Promise<void> => {
      let sent = 0;
      for (let offset = 0; offset <= longest; offset += 1) {
        const date: CivilDate = addDays(today, offset);
        for (const desk of changed) {
          if (offset > desk.horizonDays) continue;
          if (sent >= MAX_ANNOUNCED_CHANGES) return;
          sent += 1;
          await this.availability.deskChanged({ officeId: desk.officeId, date, deskId: desk.deskId });
        }
      }
    };
    void send();
  }
}

function report(
  dryRun: boolean,
  rows: number,
  problems: readonly DeskImportProblem[],
  plan: DeskImportPlan | undefined,
  officeIds: ReadonlyMap<string, string> = new Map(),
): DeskImportReport {
  const sorted = sortProblems(problems);
  const offices = (plan?.offices ?? []).map((office) => ({
    officeId: office.officeId ?? officeIds.get(officeKey(office.name)) ?? null,
    name: office.name,
    isNew: office.isNew,
    areas: office.areas.map((area) => ({ ...area })),
  }));
  return {
    dryRun,
    valid: sorted.length === 0,
    rows,
    officesCreated: plan?.newOffices.length ?? 0,
    areasCreated: plan?.newAreas.length ?? 0,
    desksCreated: plan?.creates.length ?? 0,
    desksUpdated: plan?.updates.length ?? 0,
    desksUnchanged: plan?.unchanged ?? 0,
    offices,
    errors: sorted.map(toLineError),
  };
}
