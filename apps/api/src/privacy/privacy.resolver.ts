import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';

import type { Caller } from '../identity/caller.js';
import { CurrentCaller } from '../identity/current-person.decorator.js';
import { RequiresRole } from '../identity/requires-role.decorator.js';
import { AccountErasureService } from './account-erasure.service.js';
import { AuditLogReader } from './audit-log.reader.js';
import { AuditLogArgs } from './dto/audit-log.args.js';
import { EraseAccountArgs } from './dto/erase-account.args.js';
import { AccountErasure } from './models/account-erasure.model.js';
import { AuditEntry } from './models/audit-entry.model.js';
import { MyDataExport } from './models/my-data-export.model.js';
import { MyDataService } from './my-data.service.js';

@Resolver()
export class PrivacyResolver {
  constructor(
    private readonly myData: MyDataService,
    private readonly erasure: AccountErasureService,
    private readonly auditReader: AuditLogReader,
  ) {}

  @Query(() => MyDataExport, {
    name: 'myData',
    description: 'Everything nahbar holds about you, as a JSON document to save (Art. 15 and 20 GDPR).',
  })
  exportMyData(@CurrentCaller() caller: Caller): Promise<MyDataExport> {
    return this.myData.export(caller);
  }

  @Mutation(() => AccountErasure, {
    description:
      'Erases your account: cancels your bookings from today on (the desks go to the waitlist), keeps your past ' +
      'bookings without any link to you and deletes everything else about you. `confirm` must be LÖSCHEN or DELETE ' +
      '(ERASURE_NOT_CONFIRMED); the last admin of an organisation is refused (LAST_ADMIN).',
  })
  eraseMyAccount(@Args() { confirm }: EraseAccountArgs, @CurrentCaller() caller: Caller): Promise<AccountErasure> {
    return this.erasure.erase(caller, confirm);
  }

  @Query(() => [AuditEntry], {
    description:
      'Admin and facility actions, newest first: for admins those of their organisations, for facility managers ' +
      'those at their offices.',
  })
  @RequiresRole('ORGANISATION_ADMIN', 'FACILITY_MANAGER')
  auditLog(@Args() args: AuditLogArgs, @CurrentCaller() caller: Caller): Promise<AuditEntry[]> {
    return this.auditReader.entries(caller, args);
  }
}
