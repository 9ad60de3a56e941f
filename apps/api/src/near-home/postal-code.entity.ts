import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One point per German postal code (loaded from apps/api/data/de-postal-codes.csv, GeoNames, CC BY 4.0). */
@Entity({ name: 'postal_codes' })
export class PostalCodeEntity {
  @PrimaryColumn({ type: 'char', length: 5 })
  code!: string;

  @Column({ type: 'text' })
  place!: string;

  /** Land (two letters), from the district key's first two digits. */
  @Column({ type: 'char', length: 2 })
  land!: string;

  @Column({ type: 'double precision' })
  latitude!: number;

  @Column({ type: 'double precision' })
  longitude!: number;
}
