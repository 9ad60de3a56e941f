import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'offices' })
export class OfficeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  address!: string;

  @Column({ name: 'municipality_ags', type: 'char', length: 8 })
  municipalityAgs!: string;

  @Column({ name: 'operator_id', type: 'uuid' })
  operatorId!: string;

  @Column({ type: 'double precision', nullable: true })
  latitude!: number | null;

  @Column({ type: 'double precision', nullable: true })
  longitude!: number | null;

  /** ISO weekdays (1 = Monday … 7 = Sunday) on which the office is open. */
  @Column({ name: 'opening_weekdays', type: 'smallint', array: true, default: () => "'{1,2,3,4,5}'" })
  openingWeekdays!: number[];

  /** How many days ahead people may book. */
  @Column({ name: 'booking_horizon_days', type: 'integer', default: 60 })
  bookingHorizonDays!: number;

  /** Share (0 < x ≤ 1) of the active desks that may be booked per half-day; null: no cap. Read as a string. */
  @Column({ name: 'capacity_share', type: 'numeric', precision: 3, scale: 2, nullable: true })
  capacityShare!: string | null;

  /** Most days per ISO week a person may book (across all offices) when booking here; null: no quota. */
  @Column({ name: 'quota_days_per_week', type: 'smallint', nullable: true })
  quotaDaysPerWeek!: number | null;

  /** Check-in opens at this time (Europe/Berlin) on the booking's date. Read as 'HH:MM:SS'. */
  @Column({ name: 'check_in_opens', type: 'time', default: '07:00' })
  checkInOpens!: string;

  /** Bookings of the morning or the full day not checked in by this time are released. */
  @Column({ name: 'check_in_deadline_morning', type: 'time', default: '10:00' })
  checkInDeadlineMorning!: string;

  /** Afternoon bookings not checked in by this time are released. */
  @Column({ name: 'check_in_deadline_afternoon', type: 'time', default: '14:00' })
  checkInDeadlineAfternoon!: string;
}
