import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A period in which an office takes no bookings (both ends inclusive), with the facility manager's reason. */
@Entity({ name: 'office_closures' })
export class OfficeClosureEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'office_id', type: 'uuid' })
  officeId!: string;

  @Column({ name: 'starts_on', type: 'date' })
  startsOn!: string;

  @Column({ name: 'ends_on', type: 'date' })
  endsOn!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
