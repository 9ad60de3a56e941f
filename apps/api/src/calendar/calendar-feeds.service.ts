import { createHash, randomBytes } from 'node:crypto';

import { addDays, daysBetween, parseCivilDate, todayInOfficeZone } from '@nahbar/domain';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { BookingsService } from '../bookings/bookings.service.js';
import type { Booking } from '../bookings/models/booking.model.js';
import { PublicUrl } from '../config/public-url.js';
import { InvalidDateRangeError } from '../presence/presence.errors.js';
import { bookingsCalendar } from './booking-calendar.js';
import type { CalendarFeed } from './models/calendar-feed.model.js';
import type { CalendarFeedSecret } from './models/calendar-feed-secret.model.js';

/** Path under which the API serves calendars; the web client's server must pass it through. */
export const CALENDAR_PATH = '/calendar';
/** The feed shows bookings from this many days back on, and every booking ahead. */
export const FEED_DAYS_BACK = 30;
/** At most this many days in `myBookingsBetween`. */
export const MAX_RANGE_DAYS = 62;
/** A feed token: 32 random bytes in base64url. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
/** Subscribing programs are asked to read the feed again after this many seconds. */
const FEED_REFRESH_SECONDS = 60 * 60;
const FEED_BOOKINGS_LIMIT = 1000;

/** The hash stored for a token; the token itself is never stored. */
export function hashFeedToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * A person's calendar: the secret feed URL (created, replaced, revoked) and the ICS documents of their bookings,
 * for the feed and for one booking. Everything here is the person's own data; nobody else's bookings are reachable.
 */
@Injectable()
export class CalendarFeedsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly bookings: BookingsService,
    private readonly publicUrl: PublicUrl,
  ) {}

  async feedOf(personId: string): Promise<CalendarFeed> {
    const [row] = await this.dataSource.query<{ created_at: Date }[]>(
      'SELECT created_at FROM calendar_feeds WHERE person_id = $1',
      [personId],
    );
    return { exists: row !== undefined, createdAt: row ? row.created_at.toISOString() : null };
  }

  /** A new secret URL; an older one of the person stops working at once. The URL is returned only here. */
  async create(personId: string): Promise<CalendarFeedSecret> {
    const token = randomBytes(32).toString('base64url');
    const [row] = await this.dataSource.query<{ created_at: Date }[]>(
      `INSERT INTO calendar_feeds (person_id, token_hash) VALUES ($1, $2)
       ON CONFLICT (person_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = now()
       RETURNING created_at`,
      [personId, hashFeedToken(token)],
    );
    if (!row) throw new Error('calendar feed not stored');
    return { url: this.feedUrl(token), createdAt: row.created_at.toISOString() };
  }

  /** Deletes the person's feed; true when there was one. */
  async revoke(personId: string): Promise<boolean> {
    // A CTE, so that both drivers hand back plain rows (a bare DELETE … RETURNING comes with an affected count).
    const [row] = await this.dataSource.query<{ count: number }[]>(
      `WITH deleted AS (DELETE FROM calendar_feeds WHERE person_id = $1 RETURNING person_id)
       SELECT count(*)::int AS count FROM deleted`,
      [personId],
    );
    return (row?.count ?? 0) > 0;
  }

  /** The feed of the token's owner, or undefined for a malformed, unknown or revoked token. */
  async feedCalendar(token: string, now: Date = new Date()): Promise<string | undefined> {
    if (!TOKEN_PATTERN.test(token)) return undefined;
    const [feed] = await this.dataSource.query<{ person_id: string }[]>(
      'SELECT person_id FROM calendar_feeds WHERE token_hash = $1',
      [hashFeedToken(token)],
    );
    if (!feed) return undefined;
    const from = addDays(todayInOfficeZone(now), -FEED_DAYS_BACK);
    const ids = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM bookings WHERE person_id = $1 AND date >= $2 AND status IN ('BOOKED', 'CHECKED_IN')
       ORDER BY date, part LIMIT ${FEED_BOOKINGS_LIMIT}`,
      [feed.person_id, from],
    );
    const bookings = await this.bookings.ofPersonByIds(
      feed.person_id,
      ids.map((row) => row.id),
    );
    return bookingsCalendar(inCalendarOrder(bookings), {
      name: 'nahbar – meine Arbeitsplätze',
      publicUrl: this.publicUrl.value,
      refreshSeconds: FEED_REFRESH_SECONDS,
      now,
    });
  }

  /** One booking of the person as an .ics document, whatever its status; undefined when it is not theirs. */
  async bookingCalendar(
    personId: string,
    bookingId: string,
  ): Promise<{ readonly booking: Booking; readonly ics: string } | undefined> {
    const booking = await this.bookings.ofPerson(personId, bookingId);
    if (!booking) return undefined;
    const ics = bookingsCalendar([booking], { name: 'nahbar', publicUrl: this.publicUrl.value });
    return { booking, ics };
  }

  /** The person's bookings on the days from `from` to `to` (at most 62), every status, by date and part. */
  async bookingsBetween(personId: string, from: string, to: string): Promise<Booking[]> {
    const first = parseCivilDate(from);
    const last = parseCivilDate(to);
    if (!first.ok || !last.ok) throw new InvalidDateRangeError(MAX_RANGE_DAYS);
    const length = daysBetween(first.date, last.date) + 1;
    if (length < 1 || length > MAX_RANGE_DAYS) throw new InvalidDateRangeError(MAX_RANGE_DAYS);
    const ids = await this.dataSource.query<{ id: string }[]>(
      'SELECT id FROM bookings WHERE person_id = $1 AND date BETWEEN $2 AND $3 LIMIT 500',
      [personId, first.date, last.date],
    );
    return inCalendarOrder(
      await this.bookings.ofPersonByIds(
        personId,
        ids.map((row) => row.id),
      ),
    );
  }

  private feedUrl(token: string): string {
    return `${this.publicUrl.value}${CALENDAR_PATH}/${token}.ics`;
  }
}

const PART_ORDER = { MORNING: 0, FULL_DAY: 1, AFTERNOON: 2 } as const;

function inCalendarOrder(bookings: readonly Booking[]): Booking[] {
  return [...bookings].sort(
    (a, b) =>
      a.date.localeCompare(b.date) || PART_ORDER[a.part] - PART_ORDER[b.part] || a.createdAt.localeCompare(b.createdAt),
  );
}
