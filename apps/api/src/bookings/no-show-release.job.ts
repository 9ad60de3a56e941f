import { type CivilDate, type DayPart, todayInOfficeZone } from '@nahbar/domain';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { JOB_LOCK_KEYS, ScheduledJob } from '../database/scheduled-job.js';
import { AvailabilityEvents } from '../realtime/availability-events.js';
import { type MyBookingChanged, MyBookingEvents } from '../realtime/my-booking-events.js';
import { officeDayKey, TransactionLocks } from './advisory-locks.js';
import { assignedEvents } from './bookings.service.js';
import { isNoShowDue } from './check-in-window.js';
import { type FreedDesk, handOverFreedDesk, type WaitlistAssignment } from './waitlist-handover.js';

interface DueRow {
  id: string;
  part: DayPart;
  created_at: Date;
  office_id: string;
  check_in_opens: string;
  check_in_deadline_morning: string;
  check_in_deadline_afternoon: string;
}

interface ReleasedRow {
  id: string;
  person_id: string;
  desk_id: string;
  part: DayPart;
}

/**
 * Releases no-shows (issue 4, check-in): every booking of today still BOOKED whose check-in deadline (the office's,
 * for its part of the day, Europe/Berlin) has passed turns RELEASED. Per office and day one transaction under the
 * office-day lock (the canonical order of `TransactionLocks`), in which each freed desk goes to the waitlist
 * (`handOverFreedDesk`); after the commit the desks turn free live and the people are told.
 */
@Injectable()
export class NoShowReleaseJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('NoShowReleaseJob');
  private readonly schedule: ScheduledJob;

  constructor(
    private readonly dataSource: DataSource,
    private readonly events: AvailabilityEvents,
    private readonly myEvents: MyBookingEvents,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    // On a PostgreSQL server several API instances run the job; one of them at a time releases (ScheduledJob).
    this.schedule = new ScheduledJob(
      dataSource,
      {
        name: 'NoShowReleaseJob',
        lockKey: JOB_LOCK_KEYS.noShowRelease,
        intervalSeconds: config.noShowIntervalSeconds,
        onServer: config.databaseUrl !== undefined,
      },
      (now) => this.releaseDue(now),
    );
  }

  onApplicationBootstrap(): void {
    this.schedule.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.schedule.stop();
  }

  /** Releases every booking due at `now`; returns how many were released. */
  async releaseDue(now: Date): Promise<number> {
    const today = todayInOfficeZone(now);
    const candidates: DueRow[] = await this.dataSource.query(
      `SELECT b.id, b.part, b.created_at, d.office_id,
              f.check_in_opens::text AS check_in_opens,
              f.check_in_deadline_morning::text AS check_in_deadline_morning,
              f.check_in_deadline_afternoon::text AS check_in_deadline_afternoon
       FROM bookings b JOIN desks d ON d.id = b.desk_id JOIN offices f ON f.id = d.office_id
       WHERE b.date = $1 AND b.status = 'BOOKED'`,
      [today],
    );
    const dueByOffice = new Map<string, string[]>();
    for (const row of candidates) {
      const times = {
        opens: row.check_in_opens,
        deadlineMorning: row.check_in_deadline_morning,
        deadlineAfternoon: row.check_in_deadline_afternoon,
      };
      if (!isNoShowDue(today, row.part, times, now, row.created_at)) continue;
      dueByOffice.set(row.office_id, [...(dueByOffice.get(row.office_id) ?? []), row.id]);
    }
    let released = 0;
    for (const [officeId, ids] of dueByOffice) {
      try {
        released += await this.releaseAtOffice(officeId, today, ids, now);
      } catch (error) {
        // One office failing must not keep the others' desks held.
        this.logger.error(`Could not release no-shows at office ${officeId}: ${(error as Error).message}`);
      }
    }
    return released;
  }

  private async releaseAtOffice(
    officeId: string,
    today: CivilDate,
    ids: readonly string[],
    now: Date,
  ): Promise<number> {
    const { rows, assignments } = await this.dataSource.transaction(async (manager) => {
      // Never this.dataSource in here: the embedded database has one connection, which this transaction holds.
      const locks = new TransactionLocks(manager);
      await locks.lockAll([officeDayKey(officeId, today)], []);
      // Still BOOKED under the lock: a check-in that came first wins.
      const [released]: [ReleasedRow[], number] = await manager.query(
        `UPDATE bookings SET status = 'RELEASED', released_at = now()
         WHERE id = ANY($1::uuid[]) AND status = 'BOOKED' RETURNING id, person_id, desk_id, part`,
        [[...ids]],
      );
      const handedOver: WaitlistAssignment[] = [];
      for (const row of released) {
        const freed: FreedDesk = { officeId, deskId: row.desk_id, date: today, part: row.part };
        handedOver.push(...(await handOverFreedDesk(manager, locks, freed, now)));
      }
      return { rows: released, assignments: handedOver };
    });
    for (const deskId of new Set(rows.map((row) => row.desk_id))) {
      await this.events.deskChanged({ officeId, date: today, deskId });
    }
    const told: MyBookingChanged[] = rows.map((row) => ({
      personId: row.person_id,
      bookingId: row.id,
      reason: 'RELEASED_NO_SHOW',
    }));
    await this.myEvents.changed([...told, ...assignedEvents(assignments)]);
    if (rows.length > 0) this.logger.log(`Released ${rows.length} no-show booking(s) at office ${officeId}.`);
    return rows.length;
  }
}
