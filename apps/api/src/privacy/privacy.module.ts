import { Module } from '@nestjs/common';

import { AccountErasureService } from './account-erasure.service.js';
import { AuditLogReader } from './audit-log.reader.js';
import { MyDataService } from './my-data.service.js';
import { PrivacyResolver } from './privacy.resolver.js';
import { RetentionJob } from './retention.job.js';

/** Data protection (issue 9): retention, export, erasure and the audit log's reading side. */
@Module({
  providers: [MyDataService, AccountErasureService, AuditLogReader, PrivacyResolver, RetentionJob],
  exports: [RetentionJob],
})
export class PrivacyModule {}
