import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A person's calendar feed: the hash of its secret token, never the token itself. */
@Entity({ name: 'calendar_feeds' })
export class CalendarFeedEntity {
  @PrimaryColumn({ name: 'person_id', type: 'uuid' })
  personId!: string;

  /** SHA-256 of the token, lower-case hex. */
  @Column({ name: 'token_hash', type: 'text' })
  tokenHash!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
