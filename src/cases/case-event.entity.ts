import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CaseActor, CommentVisibility } from './domain/case.types.js';

/** One entry of a case's timeline; also the outbox row the relay publishes to BullMQ. */
@Entity({ name: 'case_events' })
export class CaseEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Commit-independent total order of events (identity). */
  @Column({ type: 'bigint', insert: false, update: false })
  seq!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'timestamptz', precision: 3 })
  at!: Date;

  @Column({ type: 'jsonb' })
  actor!: CaseActor;

  @Column({ type: 'jsonb' })
  data!: Record<string, unknown>;

  /** `internal` events (internal notes) are hidden from integration keys. */
  @Column({ type: 'text' })
  visibility!: CommentVisibility;

  @Column({ name: 'published_at', type: 'timestamptz', precision: 3, nullable: true })
  publishedAt!: Date | null;
}
