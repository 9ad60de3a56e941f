import { Column, Entity, PrimaryColumn } from 'typeorm';

export const PRESENCE_ANSWERS = ['ATTENDING', 'AWAY'] as const;
export type PresenceAnswer = (typeof PRESENCE_ANSWERS)[number];

/** A member's answer to a team day (no reason is stored); no row: not answered yet. */
@Entity({ name: 'presence_answers' })
export class PresenceAnswerEntity {
  @PrimaryColumn({ name: 'presence_day_id', type: 'uuid' })
  presenceDayId!: string;

  @PrimaryColumn({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @Column({ type: 'text' })
  answer!: PresenceAnswer;

  @Column({ name: 'answered_at', type: 'timestamptz', default: () => 'now()' })
  answeredAt!: Date;
}
