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

  /** Value of the identity provider's organisation claim that maps a signed-in person to this organisation. */
  @Column({ name: 'claim_value', type: 'text', nullable: true })
  claimValue!: string | null;

  /** Federal state whose public holidays count for the presence policies of its people; null when unknown. */
  @Column({ type: 'char', length: 2, nullable: true })
  land!: string | null;
}
