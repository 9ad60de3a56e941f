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
}
