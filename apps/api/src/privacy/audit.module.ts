import { Global, Module } from '@nestjs/common';

import { AuditLog } from './audit-log.js';

/** The audit log writer, for every context whose admin or facility actions it records. */
@Global()
@Module({ providers: [AuditLog], exports: [AuditLog] })
export class AuditModule {}
