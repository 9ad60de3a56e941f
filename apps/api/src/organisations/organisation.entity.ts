import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'organisations' })
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  /** STATE (Landesverwaltung) or MUNICIPAL (Kommunalverwaltung). */
  @Column({ type: 'text' })
  kind!: string;
}
