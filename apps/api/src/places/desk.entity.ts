import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'desks' })
export class DeskEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Kept beside area_id (with a composite foreign key) so a desk code is unique per office. */
  @Column({ name: 'office_id', type: 'uuid' })
  officeId!: string;

  @Column({ name: 'area_id', type: 'uuid' })
  areaId!: string;

  @Column({ type: 'text' })
  code!: string;

  /** False: the desk is blocked and cannot be booked (`blockedReason` says why). */
  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ name: 'blocked_reason', type: 'text', nullable: true })
  blockedReason!: string | null;

  @Column({ type: 'boolean', default: false })
  accessible!: boolean;

  /** e.g. MONITOR, DOCKING_STATION, HEIGHT_ADJUSTABLE. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  equipment!: string[];
}
