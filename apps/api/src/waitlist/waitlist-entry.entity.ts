import type { DayPart } from '@nahbar/domain';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const WAITLIST_STATUSES = ['WAITING', 'ASSIGNED', 'LEFT'] as const;
export type WaitlistStatus = (typeof WAITLIST_STATUSES)[number];

@Entity({ name: 'waitlist_entries' })
export class WaitlistEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'office_id', type: 'uuid' })
  officeId!: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  /** A civil date (no time, no zone): the day in Europe/Berlin. */
  @Column({ type: 'date' })
  date!: string;

  @Column({ type: 'text' })
  part!: DayPart;

  @Column({ type: 'text', default: 'WAITING' })
  status!: WaitlistStatus;

  /** Order of the queue: the first waiting gets the next desk. */
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'clock_timestamp()' })
  createdAt!: Date;

  /** The booking the waitlist made (status ASSIGNED). */
  @Column({ name: 'booking_id', type: 'uuid', nullable: true })
  bookingId!: string | null;
}
