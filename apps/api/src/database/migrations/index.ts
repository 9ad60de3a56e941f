import { InitialSchema1764000000000 } from './1764000000000-initial-schema.js';
import { OrganisationsRolesSharing1764100000000 } from './1764100000000-organisations-roles-sharing.js';
import { OfficeRules1764200000000 } from './1764200000000-office-rules.js';
import { Waitlist1764300000000 } from './1764300000000-waitlist.js';
import { CheckIn1764400000000 } from './1764400000000-check-in.js';
import { Presence1764500000000 } from './1764500000000-presence.js';
import { PostalCodes1764600000000 } from './1764600000000-postal-codes.js';
import { CalendarFeeds1764700000000 } from './1764700000000-calendar-feeds.js';
import { CancellationReasons1764800000000 } from './1764800000000-cancellation-reasons.js';
import { Favourites1764900000000 } from './1764900000000-favourites.js';
import { ReportIndexes1765000000000 } from './1765000000000-report-indexes.js';
import { DataProtection1765200000000 } from './1765200000000-data-protection.js';

/** Every migration in order. Listed explicitly: ESM builds cannot rely on TypeORM's file globs. */
export const MIGRATIONS = [
  InitialSchema1764000000000,
  OrganisationsRolesSharing1764100000000,
  OfficeRules1764200000000,
  Waitlist1764300000000,
  CheckIn1764400000000,
  Presence1764500000000,
  PostalCodes1764600000000,
  CalendarFeeds1764700000000,
  CancellationReasons1764800000000,
  Favourites1764900000000,
  ReportIndexes1765000000000,
  DataProtection1765200000000,
];
