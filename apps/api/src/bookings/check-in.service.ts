import { type CivilDate, type DayPart, OFFICE_ZONE, todayInOfficeZone } from '@nahbar/domain';
import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import QRCode from 'qrcode';
import { DataSource } from 'typeorm';

import { DomainError } from '../common/domain-error.js';
import { PublicUrl } from '../config/public-url.js';
import type { Caller } from '../identity/caller.js';
import { DeskNotFoundError, OfficeNotFoundError } from '../places/places.errors.js';
import { officeOpenTo, PlacesService } from '../places/places.service.js';
import { AvailabilityEvents } from '../realtime/availability-events.js';
import { MyBookingEvents } from '../realtime/my-booking-events.js';
import type { BookingStatus } from './booking.entity.js';
import { CheckInClosedError, CheckInNotOpenError, NoBookingToCheckInError } from './bookings.errors.js';
import { BookingsService } from './bookings.service.js';
import { checkInPhase, type CheckInTimes, checkInWindow } from './check-in-window.js';
import type { Booking } from './models/booking.model.js';
import type { CheckInDesk } from './models/check-in-desk.model.js';
import type { DeskQrCode } from './models/desk-qr-code.model.js';

interface TokenDeskRow {
  id: string;
  code: string;
  area_name: string;
  office_id: string;
  check_in_opens: string;
  check_in_deadline_morning: string;
  check_in_deadline_afternoon: string;
}

interface TodayBookingRow {
  id: string;
  part: DayPart;
  status: BookingStatus;
  created_at: Date;
}

/** Bookings of one desk and day, most relevant first: the morning's before the afternoon's. */
const PART_ORDER = `CASE b.part WHEN 'MORNING' THEN 0 WHEN 'FULL_DAY' THEN 1 ELSE 2 END`;

/**
 * Check-in at a desk through the link of its QR code, and the QR codes themselves. A token of a desk of an office not
 * open to the caller's organisation reads as DESK_NOT_FOUND, like an unknown one. Check-in data serves only to release
 * no-show desks (DESIGN.md §5): nobody but the person sees it.
 */
@Injectable()
export class CheckInService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly places: PlacesService,
    private readonly bookings: BookingsService,
    private readonly events: AvailabilityEvents,
    private readonly myEvents: MyBookingEvents,
    private readonly publicUrl: PublicUrl,
  ) {}

  async deskByToken(caller: Caller, token: string, now: Date = new Date()): Promise<CheckInDesk> {
    const desk = await this.requireDeskByToken(caller, token);
    const offices = await this.places.officesByIds([desk.office_id]);
    const office = offices.get(desk.office_id);
    if (!office) throw new DeskNotFoundError();
    const chosen = choose(await this.todayBookings(desk.id, caller.personId, todayInOfficeZone(now)), times(desk), now);
    const myBookingToday = chosen ? ((await this.bookings.ofPerson(caller.personId, chosen.id)) ?? null) : null;
    return { deskId: desk.id, code: desk.code, areaName: desk.area_name, office, myBookingToday };
  }

  /**
   * Checks the caller in at the desk: their live booking of it today turns CHECKED_IN, if its window is open
   * (`checkInPhase`, Europe/Berlin). Checking in again returns the checked-in booking unchanged. The UPDATE only
   * applies to a booking still BOOKED, so a check-in racing the no-show release either wins or finds it released.
   */
  async checkIn(caller: Caller, token: string, now: Date = new Date()): Promise<Booking> {
    const desk = await this.requireDeskByToken(caller, token);
    const today = todayInOfficeZone(now);
    const officeTimes = times(desk);
    const rows = await this.todayBookings(desk.id, caller.personId, today);
    const chosen = choose(rows, officeTimes, now);
    if (!chosen) throw new NoBookingToCheckInError();
    if (chosen.status === 'BOOKED') {
      const phase = checkInPhase(today, chosen.part, officeTimes, now, chosen.created_at);
      const window = checkInWindow(today, chosen.part, officeTimes, chosen.created_at);
      if (phase === 'NOT_OPEN') throw new CheckInNotOpenError(localTime(window.opens));
      if (phase === 'CLOSED') throw new CheckInClosedError(localTime(window.deadline));
      const [updated]: [{ id: string }[], number] = await this.dataSource.query(
        `UPDATE bookings SET status = 'CHECKED_IN', checked_in_at = $2
         WHERE id = $1 AND status = 'BOOKED' RETURNING id`,
        [chosen.id, now],
      );
      if (updated.length === 0) {
        // Released (or cancelled) a moment ago.
        throw new CheckInClosedError(localTime(window.deadline));
      }
      await this.events.deskChanged({ officeId: desk.office_id, date: today, deskId: desk.id });
      await this.myEvents.changed([{ personId: caller.personId, bookingId: chosen.id, reason: 'CHECKED_IN' }]);
    }
    const booking = await this.bookings.ofPerson(caller.personId, chosen.id);
    if (!booking) throw new NoBookingToCheckInError();
    return booking;
  }

  /**
   * The QR codes of an area's desks (printable page): for facility managers of the area's office and admins of its
   * operator. Others who can see the office are FORBIDDEN; the rest read it as not found.
   */
  async qrCodes(caller: Caller, areaId: string): Promise<DeskQrCode[]> {
    const [area]: { office_id: string; operator_id: string; visible: boolean }[] = await this.dataSource.query(
      `SELECT a.office_id, f.operator_id, ${officeOpenTo(2)} AS visible
       FROM areas a JOIN offices f ON f.id = a.office_id WHERE a.id = $1`,
      [areaId, caller.organisationId],
    );
    if (!area) throw new OfficeNotFoundError();
    const allowed = caller.facilityManagerOf.includes(area.office_id) || caller.adminOf.includes(area.operator_id);
    if (!allowed) {
      if (!area.visible) throw new OfficeNotFoundError();
      throw new DomainError(
        'FORBIDDEN',
        "Only the office's facility managers and the admins of the organisation that runs it can print its QR codes.",
      );
    }
    const desks: { id: string; code: string; check_in_token: string }[] = await this.dataSource.query(
      'SELECT id, code, check_in_token FROM desks WHERE area_id = $1 ORDER BY code',
      [areaId],
    );
    return Promise.all(
      desks.map(async (desk) => {
        const checkInUrl = `${this.publicUrl.value}/einchecken/${encodeURIComponent(desk.check_in_token)}`;
        const svg = await QRCode.toString(checkInUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
        return { deskId: desk.id, code: desk.code, checkInUrl, svg };
      }),
    );
  }

  private async requireDeskByToken(caller: Caller, token: string): Promise<TokenDeskRow> {
    const [desk]: TokenDeskRow[] = await this.dataSource.query(
      `SELECT d.id, d.code, a.name AS area_name, d.office_id,
              f.check_in_opens::text AS check_in_opens,
              f.check_in_deadline_morning::text AS check_in_deadline_morning,
              f.check_in_deadline_afternoon::text AS check_in_deadline_afternoon
       FROM desks d JOIN areas a ON a.id = d.area_id JOIN offices f ON f.id = d.office_id
       WHERE d.check_in_token = $1 AND ${officeOpenTo(2)}`,
      [token, caller.organisationId],
    );
    if (!desk) throw new DeskNotFoundError();
    return desk;
  }

  private todayBookings(deskId: string, personId: string, today: CivilDate): Promise<TodayBookingRow[]> {
    return this.dataSource.query(
      `SELECT b.id, b.part, b.status, b.created_at FROM bookings b
       WHERE b.desk_id = $1 AND b.person_id = $2 AND b.date = $3 AND b.status IN ('BOOKED', 'CHECKED_IN')
       ORDER BY ${PART_ORDER}`,
      [deskId, personId, today],
    );
  }
}

function times(desk: TokenDeskRow): CheckInTimes {
  return {
    opens: desk.check_in_opens,
    deadlineMorning: desk.check_in_deadline_morning,
    deadlineAfternoon: desk.check_in_deadline_afternoon,
  };
}

/**
 * The booking a check-in is about, of the person's live bookings of the desk today: one whose window is open, else
 * one checked in already, else the first (whose window tells why check-in is refused).
 */
function choose(rows: readonly TodayBookingRow[], officeTimes: CheckInTimes, now: Date): TodayBookingRow | undefined {
  const today = todayInOfficeZone(now);
  return (
    rows.find(
      (row) => row.status === 'BOOKED' && checkInPhase(today, row.part, officeTimes, now, row.created_at) === 'OPEN',
    ) ??
    rows.find((row) => row.status === 'CHECKED_IN') ??
    rows[0]
  );
}

function localTime(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: OFFICE_ZONE }).toFormat('HH:mm');
}
