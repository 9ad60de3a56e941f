import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'municipalities' })
export class MunicipalityEntity {
  /** Amtlicher Gemeindeschlüssel: 8 digits; the first two name the Land. */
  @PrimaryColumn({ type: 'char', length: 8 })
  ags!: string;

  @Column({ type: 'text' })
  name!: string;

  /** Two-letter code of the federal state, e.g. BY, NW. */
  @Column({ type: 'char', length: 2 })
  land!: string;
}
