import { DESK_IMPORT_MAX_CHARS } from '@nahbar/domain';
import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

@InputType('ImportDesksInput')
export class ImportDesksInput {
  @Field({
    description:
      'The CSV text, one desk per line, with a header (see the template): ";" or "," as separator, quotes as ' +
      'spreadsheet programs write them. Files in Windows-1252 are decoded by the client before.',
  })
  @IsString()
  @MaxLength(DESK_IMPORT_MAX_CHARS, { message: `The file is too large: at most ${DESK_IMPORT_MAX_CHARS} characters.` })
  csv!: string;

  @Field({ defaultValue: true, description: 'Only check and count; nothing is written.' })
  @IsBoolean()
  dryRun!: boolean;

  @Field(() => ID, {
    nullable: true,
    description: 'An id the client chooses (a UUID) to follow the progress with deskImportProgress.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'importId must be a UUID.' })
  importId?: string | null;
}
