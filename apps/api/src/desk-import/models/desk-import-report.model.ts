import type { DeskImportColumn, DeskImportProblem } from '@nahbar/domain';
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

import { LocalizedText } from '../../presence/models/localized-text.model.js';

/** The columns of a desk list, as GraphQL names them. */
export enum DeskImportColumnName {
  OFFICE = 'OFFICE',
  ADDRESS = 'ADDRESS',
  MUNICIPALITY_AGS = 'MUNICIPALITY_AGS',
  OPENING_WEEKDAYS = 'OPENING_WEEKDAYS',
  AREA = 'AREA',
  DESK = 'DESK',
  EQUIPMENT = 'EQUIPMENT',
  ACCESSIBLE = 'ACCESSIBLE',
  ACTIVE = 'ACTIVE',
}
registerEnumType(DeskImportColumnName, {
  name: 'DeskImportColumn',
  description: 'A column of a desk list (the template names them in German; English headers are accepted too).',
});

const COLUMN_NAMES: Readonly<Record<DeskImportColumn, DeskImportColumnName>> = {
  office: DeskImportColumnName.OFFICE,
  address: DeskImportColumnName.ADDRESS,
  municipalityAgs: DeskImportColumnName.MUNICIPALITY_AGS,
  openingWeekdays: DeskImportColumnName.OPENING_WEEKDAYS,
  area: DeskImportColumnName.AREA,
  desk: DeskImportColumnName.DESK,
  equipment: DeskImportColumnName.EQUIPMENT,
  accessible: DeskImportColumnName.ACCESSIBLE,
  active: DeskImportColumnName.ACTIVE,
};

@ObjectType('DeskImportLineError', { description: 'One faulty line of a desk list, and why.' })
export class DeskImportLineError {
  @Field(() => Int, { description: "The spreadsheet's line number: the header is line 1." })
  line!: number;

  @Field(() => DeskImportColumnName, { nullable: true, description: 'The faulty value’s column; null: the line.' })
  column!: DeskImportColumnName | null;

  @Field({ description: 'Stable code, e.g. MISSING_VALUE, BAD_EQUIPMENT, DUPLICATE_DESK, UNKNOWN_MUNICIPALITY.' })
  code!: string;

  @Field(() => LocalizedText)
  messages!: LocalizedText;
}

export function toLineError(problem: DeskImportProblem): DeskImportLineError {
  return {
    line: problem.line,
    column: problem.column === null ? null : COLUMN_NAMES[problem.column],
    code: problem.code,
    messages: { de: problem.message.de, en: problem.message.en },
  };
}

@ObjectType('DeskImportArea', { description: 'What an import does (or would do) in one area: counts only.' })
export class DeskImportArea {
  @Field()
  name!: string;

  @Field({ description: 'The area is created by the import.' })
  isNew!: boolean;

  @Field(() => Int)
  desksCreated!: number;

  @Field(() => Int)
  desksUpdated!: number;

  @Field(() => Int)
  desksUnchanged!: number;
}

@ObjectType('DeskImportOffice', { description: 'What an import does (or would do) in one office.' })
export class DeskImportOffice {
  @Field(() => ID, { nullable: true, description: 'The office; null for one a dry run would create.' })
  officeId!: string | null;

  @Field()
  name!: string;

  @Field({ description: 'The office is created by the import.' })
  isNew!: boolean;

  @Field(() => [DeskImportArea])
  areas!: DeskImportArea[];
}

@ObjectType('DeskImportReport', {
  description:
    'The result of checking (dry run) or importing a desk list: counts per office and area, and every faulty line.',
})
export class DeskImportReport {
  @Field({ description: 'Only checked: nothing was written.' })
  dryRun!: boolean;

  @Field({ description: 'The file has no errors: importing it would write (or wrote) everything.' })
  valid!: boolean;

  @Field(() => Int, { description: 'Desk lines in the file (empty lines not counted).' })
  rows!: number;

  @Field(() => Int)
  officesCreated!: number;

  @Field(() => Int)
  areasCreated!: number;

  @Field(() => Int)
  desksCreated!: number;

  @Field(() => Int)
  desksUpdated!: number;

  @Field(() => Int)
  desksUnchanged!: number;

  @Field(() => [DeskImportOffice])
  offices!: DeskImportOffice[];

  @Field(() => [DeskImportLineError], { description: 'Every faulty line, by line number.' })
  errors!: DeskImportLineError[];
}
