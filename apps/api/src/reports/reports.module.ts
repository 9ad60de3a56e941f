import { Module } from '@nestjs/common';

import { ReportsController } from './reports.controller.js';
import { ReportsResolver } from './reports.resolver.js';
import { ReportsService } from './reports.service.js';
import { UtilisationReader } from './utilisation.reader.js';

/** Utilisation of offices over time, its heatmap per desk and its CSV export (issue 7): counts only (DESIGN.md §5). */
@Module({
  controllers: [ReportsController],
  providers: [ReportsService, ReportsResolver, UtilisationReader],
})
export class ReportsModule {}
