import { Args, Mutation, Resolver, Subscription } from '@nestjs/graphql';

import type { Caller } from '../identity/caller.js';
import { CurrentCaller } from '../identity/current-person.decorator.js';
import { RequiresRole } from '../identity/requires-role.decorator.js';
import { DeskImportService } from './desk-import.service.js';
import { DeskImportProgressEvents } from './desk-import-progress.events.js';
import { DeskImportProgressArgs } from './dto/desk-import-progress.args.js';
import { ImportDesksInput } from './dto/import-desks.input.js';
import { DeskImportProgress } from './models/desk-import-progress.model.js';
import { DeskImportReport } from './models/desk-import-report.model.js';

/** For facility managers and organisation admins; which offices a file may touch is the service's. */
@Resolver(() => DeskImportReport)
@RequiresRole('FACILITY_MANAGER', 'ORGANISATION_ADMIN')
export class DeskImportResolver {
  constructor(
    private readonly imports: DeskImportService,
    private readonly progress: DeskImportProgressEvents,
  ) {}

  @Mutation(() => DeskImportReport, {
    description:
      'Imports offices, areas and desks from a CSV desk list into the offices you run (admins may create offices). ' +
      'With dryRun (the default) it only checks and counts. The import writes all or nothing: any faulty line ' +
      'refuses it with IMPORT_INVALID and every line error in extensions.errors. Desks are found by code per office ' +
      'and updated; desks not in the file are kept.',
  })
  importDesks(@Args('input') input: ImportDesksInput, @CurrentCaller() caller: Caller): Promise<DeskImportReport> {
    return this.imports.importDesks(caller, input);
  }

  @Subscription(() => DeskImportProgress, {
    description: 'Progress of your own importDesks call with this importId (lines checked, desks written).',
    resolve: (progress: DeskImportProgress): DeskImportProgress => progress,
  })
  deskImportProgress(
    @Args() { importId }: DeskImportProgressArgs,
    @CurrentCaller() caller: Caller,
  ): AsyncIterableIterator<DeskImportProgress> {
    return this.progress.listen(caller.personId, importId);
  }
}
