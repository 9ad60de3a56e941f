import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum DeskImportPhase {
  /** Lines are being checked (values, then against the offices). */
  CHECKING = 'CHECKING',
  /** Desks are being written (the import only). */
  WRITING = 'WRITING',
  /** Finished (the mutation's answer carries the result). */
  DONE = 'DONE',
}
registerEnumType(DeskImportPhase, { name: 'DeskImportPhase' });

@ObjectType('DeskImportProgress', { description: 'How far the server is with an import or its dry run.' })
export class DeskImportProgress {
  @Field(() => ID)
  importId!: string;

  @Field(() => DeskImportPhase)
  phase!: DeskImportPhase;

  @Field(() => Int, { description: 'Lines done in this phase.' })
  done!: number;

  @Field(() => Int, { description: 'Lines of this phase in all.' })
  total!: number;
}
