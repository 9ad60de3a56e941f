import {
  DESK_EQUIPMENT,
  type DeskEquipment,
  type DeskImportProblem,
  type DeskImportProblemCode,
  type DeskImportRow,
  officeKey,
  sortProblems,
} from './desk-import.js';

/**
 * What the desk lines of a file mean for the offices a caller runs: which offices, areas and desks would be created
 * or updated, and the problems only the database can show (unknown office, unknown municipality, …). Pure: the API
 * loads `DeskImportWorld` and writes the plan.
 *
 * Rules (documented in the README and the page's help):
 * - An office is found by its name (ignoring case) among the offices the caller runs. A name they do not run is a new
 *   office, which only an organisation admin may create (for the organisation they administer), with address and
 *   municipality key; for anyone else it reads as unknown, whether it exists elsewhere or not (nothing leaks).
 *   The office columns of an existing office are not applied: the import changes areas and desks, not offices.
 * - An area is found by its name within the office (ignoring case), else created.
 * - A desk is found by its code within the office (exactly). An existing desk takes the line's area, equipment,
 *   accessibility and "active"; desks not in the file stay as they are (nothing is deleted).
 * - The import never blocks an existing bookable desk ("Aktiv: nein" on one): blocking cancels bookings, which the
 *   operations page does with a preview and notices. It may unblock a blocked desk and create blocked ones.
 */

export interface WorldDesk {
  readonly id: string;
  readonly code: string;
  readonly areaId: string;
  readonly equipment: readonly string[];
  readonly accessible: boolean;
  readonly active: boolean;
}

export interface WorldOffice {
  readonly id: string;
  readonly name: string;
  readonly areas: readonly { readonly id: string; readonly name: string }[];
  readonly desks: readonly WorldDesk[];
}

export interface DeskImportWorld {
  /** The offices the caller runs (facility manager of, or admin of their operator). */
  readonly offices: readonly WorldOffice[];
  /** Whether the caller may create offices (an organisation admin). */
  readonly canCreateOffices: boolean;
  /** Municipality keys that exist (at least those the file names). */
  readonly municipalities: ReadonlySet<string>;
}

/** An office of the plan: an existing one by id, or a new one by its key in `newOffices`. */
export type OfficeRef = { readonly existing: string } | { readonly created: string };

export interface NewOffice {
  readonly key: string;
  readonly name: string;
  readonly address: string;
  readonly municipalityAgs: string;
  readonly openingWeekdays: readonly number[];
}

export interface NewArea {
  /** Key of the area in the plan: office key (id or new key), a NUL, the area's name. */
  readonly key: string;
  readonly office: OfficeRef;
  readonly name: string;
}

export interface DeskChange {
  readonly line: number;
  readonly office: OfficeRef;
  /** An existing area's id, or a new area's key. */
  readonly area: { readonly existing: string } | { readonly created: string };
  readonly code: string;
  readonly equipment: readonly DeskEquipment[];
  readonly accessible: boolean;
  readonly active: boolean;
}

export interface DeskUpdate extends DeskChange {
  readonly deskId: string;
  /** Whether the desk was blocked and becomes bookable. */
  readonly unblocks: boolean;
}

export interface AreaSummary {
  readonly name: string;
  readonly isNew: boolean;
  readonly desksCreated: number;
  readonly desksUpdated: number;
  readonly desksUnchanged: number;
}

export interface OfficeSummary {
  readonly name: string;
  readonly isNew: boolean;
  /** The existing office's id (null for a new one). */
  readonly officeId: string | null;
  readonly areas: readonly AreaSummary[];
}

export interface DeskImportPlan {
  readonly problems: readonly DeskImportProblem[];
  readonly newOffices: readonly NewOffice[];
  readonly newAreas: readonly NewArea[];
  readonly creates: readonly DeskChange[];
  readonly updates: readonly DeskUpdate[];
  readonly unchanged: number;
  readonly offices: readonly OfficeSummary[];
}

/** Opening weekdays of a new office whose lines leave them out: Monday to Friday. */
export const DEFAULT_OPENING_WEEKDAYS: readonly number[] = [1, 2, 3, 4, 5];

function problem(
  line: number,
  column: DeskImportProblem['column'],
  code: DeskImportProblemCode,
  de: string,
  en: string,
): DeskImportProblem {
  return { line, column, code, message: { de, en } };
}

function sameEquipment(a: readonly string[], b: readonly string[]): boolean {
  const order = (items: readonly string[]): string =>
    [...items].sort((x, y) => rank(x) - rank(y) || x.localeCompare(y)).join(',');
  return order(a) === order(b);
}

function rank(item: string): number {
  const index = (DESK_EQUIPMENT as readonly string[]).indexOf(item);
  return index === -1 ? DESK_EQUIPMENT.length : index;
}

export function planDeskImport(rows: readonly DeskImportRow[], world: DeskImportWorld): DeskImportPlan {
  const problems: DeskImportProblem[] = [];
  const byName = new Map<string, WorldOffice[]>();
  for (const office of world.offices) {
    const key = officeKey(office.name);
    byName.set(key, [...(byName.get(key) ?? []), office]);
  }

  const newOffices = new Map<string, NewOffice>();
  const newAreas = new Map<string, NewArea>();
  const creates: DeskChange[] = [];
  const updates: DeskUpdate[] = [];
  let unchanged = 0;
  /** Summaries by office key, then area key, in the order of the file. */
  const summaries = new Map<
    string,
    {
      name: string;
      isNew: boolean;
      officeId: string | null;
      areas: Map<string, { name: string; isNew: boolean; created: number; updated: number; unchanged: number }>;
    }
  >();
  /** Offices that failed already: their further lines say nothing new. */
  const failedOffices = new Set<string>();

  for (const row of rows) {
    const key = officeKey(row.office);
    if (failedOffices.has(key)) continue;
    const matches = byName.get(key) ?? [];
    let office: OfficeRef;
    let existing: WorldOffice | undefined;
    if (matches.length > 1) {
      failedOffices.add(key);
      problems.push(
        problem(
          row.line,
          'office',
          'AMBIGUOUS_OFFICE',
          `Sie verwalten mehrere Büros namens „${row.office}“. Benennen Sie sie unterschiedlich, bevor Sie importieren.`,
          `You run several offices named "${row.office}". Give them different names before importing.`,
        ),
      );
      continue;
    } else if (matches.length === 1 && matches[0]) {
      existing = matches[0];
      office = { existing: existing.id };
    } else if (!world.canCreateOffices) {
      failedOffices.add(key);
      problems.push(
        problem(
          row.line,
          'office',
          'UNKNOWN_OFFICE',
          `Sie verwalten kein Büro namens „${row.office}“. Prüfen Sie die Schreibweise; neue Büros legt die Administration Ihrer Organisation an.`,
          `You run no office named "${row.office}". Check the spelling; new offices are created by your organisation's admins.`,
        ),
      );
      continue;
    } else {
      const fresh = newOffices.get(key);
      if (!fresh) {
        const missing: string[] = [];
        const missingEn: string[] = [];
        if (row.address === null) {
          missing.push('Adresse');
          missingEn.push('address');
        }
        if (row.municipalityAgs === null) {
          missing.push('Gemeindeschlüssel');
          missingEn.push('municipality key');
        }
        if (missing.length > 0) {
          failedOffices.add(key);
          problems.push(
            problem(
              row.line,
              row.address === null ? 'address' : 'municipalityAgs',
              'NEW_OFFICE_INCOMPLETE',
              `„${row.office}“ ist ein neues Büro: Dafür fehlen ${missing.join(' und ')}.`,
              `"${row.office}" is a new office: it needs its ${missingEn.join(' and ')}.`,
            ),
          );
          continue;
        }
        if (row.municipalityAgs !== null && !world.municipalities.has(row.municipalityAgs)) {
          failedOffices.add(key);
          problems.push(
            problem(
              row.line,
              'municipalityAgs',
              'UNKNOWN_MUNICIPALITY',
              `Den Gemeindeschlüssel ${row.municipalityAgs} kennt nahbar nicht. Prüfen Sie ihn (8 Ziffern, z. B. im Gemeindeverzeichnis von Destatis) oder bitten Sie die Administration, die Gemeinde anzulegen.`,
              `nahbar does not know the municipality key ${row.municipalityAgs}. Check it (8 digits, e.g. in Destatis' list of municipalities) or ask your admins to add the municipality.`,
            ),
          );
          continue;
        }
        newOffices.set(key, {
          key,
          name: row.office,
          address: row.address ?? '',
          municipalityAgs: row.municipalityAgs ?? '',
          openingWeekdays: row.openingWeekdays ?? DEFAULT_OPENING_WEEKDAYS,
        });
      }
      office = { created: key };
    }

    const officeSummaryKey = 'existing' in office ? office.existing : `new:${office.created}`;
    let summary = summaries.get(officeSummaryKey);
    if (!summary) {
      summary = {
        name: existing?.name ?? row.office,
        isNew: existing === undefined,
        officeId: existing?.id ?? null,
        areas: new Map(),
      };
      summaries.set(officeSummaryKey, summary);
    }

    const areaName = row.area.toLocaleLowerCase('de');
    const existingArea = existing?.areas.find((area) => area.name.toLocaleLowerCase('de') === areaName);
    const areaKey = `${officeSummaryKey}\u0000${areaName}`;
    let area: DeskChange['area'];
    if (existingArea) {
      area = { existing: existingArea.id };
    } else {
      if (!newAreas.has(areaKey)) newAreas.set(areaKey, { key: areaKey, office, name: row.area });
      area = { created: areaKey };
    }
    let areaSummary = summary.areas.get(areaKey);
    if (!areaSummary) {
      areaSummary = {
        name: existingArea?.name ?? row.area,
        isNew: !existingArea,
        created: 0,
        updated: 0,
        unchanged: 0,
      };
      summary.areas.set(areaKey, areaSummary);
    }

    const change: DeskChange = {
      line: row.line,
      office,
      area,
      code: row.desk,
      equipment: row.equipment,
      accessible: row.accessible,
      active: row.active,
    };
    const desk = existing?.desks.find((candidate) => candidate.code === row.desk);
    if (!desk) {
      creates.push(change);
      areaSummary.created += 1;
      continue;
    }
    if (desk.active && !row.active) {
      problems.push(
        problem(
          row.line,
          'active',
          'BLOCK_IN_OPERATIONS',
          `Platz „${row.desk}“ ist buchbar. Sperren Sie ihn auf der Seite „Verwaltung“: Dort sehen Sie vorher, welche Buchungen storniert würden, und die Betroffenen werden benachrichtigt.`,
          `Desk "${row.desk}" is bookable. Block it on the "Operations" page: there you see first which bookings would be cancelled, and the people affected are told.`,
        ),
      );
      continue;
    }
    const same =
      'existing' in area &&
      area.existing === desk.areaId &&
      desk.accessible === row.accessible &&
      desk.active === row.active &&
      sameEquipment(desk.equipment, row.equipment);
    if (same) {
      unchanged += 1;
      areaSummary.unchanged += 1;
    } else {
      updates.push({ ...change, deskId: desk.id, unblocks: !desk.active && row.active });
      areaSummary.updated += 1;
    }
  }

  return {
    problems: sortProblems(problems),
    newOffices: [...newOffices.values()],
    newAreas: [...newAreas.values()],
    creates,
    updates,
    unchanged,
    offices: [...summaries.values()].map((summary) => ({
      name: summary.name,
      isNew: summary.isNew,
      officeId: summary.officeId,
      areas: [...summary.areas.values()].map((area) => ({
        name: area.name,
        isNew: area.isNew,
        desksCreated: area.created,
        desksUpdated: area.updated,
        desksUnchanged: area.unchanged,
      })),
    })),
  };
}
