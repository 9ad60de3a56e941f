import { Module } from '@nestjs/common';

import { DeskImportResolver } from './desk-import.resolver.js';
import { DeskImportService } from './desk-import.service.js';
import { DeskImportProgressEvents } from './desk-import-progress.events.js';

/** Importing desk lists from spreadsheets (issue 7): dry run, all-or-nothing import, progress. */
@Module({ providers: [DeskImportService, DeskImportResolver, DeskImportProgressEvents] })
export class DeskImportModule {}
