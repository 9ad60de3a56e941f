import type { DayPart } from '@nahbar/domain';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const BOOKING_STATUSES = ['BOOKED', 'CHECKED_IN', 'CANCELLED', 'RELEASED'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
/** Statuses that hold the desk; the exclusion constraints of the bookings table apply to these only. */
export const LIVE_BOOKING_STATUSES: readonly BookingStatus[] = ['BOOKED', 'CHECKED_IN'];

export const BOOKING_SOURCES = ['SELF', 'TEAM_DAY', 'RECURRING', 'WAITLIST'] as const;
export type BookingSource = (typeof BOOKING_SOURCES)[number];

@Entity({ name: 'bookings' })
export class BookingEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Null once the booking is anonymised (retention period over, or the person's account erased). */
  @Column({ name: 'person_id', type: 'uuid', nullable: true })
  personId!: string | null;

  @Column({ name: 'desk_id', type: 'uuid' })
  deskId!: string;

  /** A civil date (no time, no zone): the day in Europe/Berlin. */
  @Column({ type: 'date' })
  date!: string;

  @Column({ type: 'text' })
  part!: DayPart;

  @Column({ type: 'text', default: 'BOOKED' })
  status!: BookingStatus;

  @Column({ type: 'text', default: 'SELF' })
  source!: BookingSource;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  /** Why someone else cancelled the booking (a blocked desk, a closure), shown to the person; null otherwise. */
  @Column({ name: 'cancellation_reason', type: 'text', nullable: true })
  cancellationReason!: string | null;

  /** When the person checked in at the desk; kept when a checked-in booking is cancelled later. */
  @Column({ name: 'checked_in_at', type: 'timestamptz', nullable: true })
  checkedInAt!: Date | null;

  /** When the no-show release job released the booking (status RELEASED). */
  @Column({ name: 'released_at', type: 'timestamptz', nullable: true })
  releasedAt!: Date | null;

  /** The team day that made the booking (source TEAM_DAY); moving or cancelling the day finds it by this. */
  @Column({ name: 'presence_day_id', type: 'uuid', nullable: true })
  presenceDayId!: string | null;
}
