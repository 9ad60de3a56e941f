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

  @Column({ type: 'boolean', default: true })
  active!: boolean;
}
