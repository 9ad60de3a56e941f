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

  /** Unguessable token of the desk's check-in link (its QR code). */
  @Column({ name: 'check_in_token', type: 'text', default: () => "replace(gen_random_uuid()::text, '-', '')" })
  checkInToken!: string;

  /** Centre of the desk on its area's floor plan, as a fraction (0..1) of the plan's width; null when not placed. */
  @Column({ name: 'position_x', type: 'real', nullable: true })
  positionX!: number | null;

  /** Centre of the desk on its area's floor plan, as a fraction (0..1) of the plan's height; null when not placed. */
  @Column({ name: 'position_y', type: 'real', nullable: true })
  positionY!: number | null;
}
