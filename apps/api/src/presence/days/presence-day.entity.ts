import type { DayPart } from '@nahbar/domain';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const PRESENCE_DAY_STATUSES = ['PLANNED', 'CANCELLED'] as const;
export type PresenceDayStatus = (typeof PRESENCE_DAY_STATUSES)[number];

/** A team day (Präsenztag): one team, one date, one office, one part of the day. Cancelling keeps the row. */
@Entity({ name: 'presence_days' })
export class PresenceDayEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'team_id', type: 'uuid' })
  teamId!: string;

  @Column({ name: 'office_id', type: 'uuid' })
  officeId!: string;

  /** A civil date (Europe/Berlin). */
  @Column({ type: 'date' })
  date!: string;

  @Column({ type: 'text', default: 'FULL_DAY' })
  part!: DayPart;

  @Column({ type: 'boolean', default: false })
  mandatory!: boolean;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'text', default: 'PLANNED' })
  status!: PresenceDayStatus;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;
}
