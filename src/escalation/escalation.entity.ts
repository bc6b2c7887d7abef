import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { CaseActor } from '../cases/domain/case.types.js';
import type { VianetMode } from '../config/environment.js';
import type { EscalationState, HandoffPacket, HealthCheckSnapshot } from './domain/escalation.types.js';

/** A report of a case to 21Vianet on the customer's behalf. */
@Entity({ name: 'escalations' })
export class EscalationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ type: 'text' })
  mode!: VianetMode;

  @Column({ type: 'text' })
  state!: EscalationState;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'tried_steps', type: 'text', nullable: true })
  triedSteps!: string | null;

  @Column({ type: 'boolean' })
  automatic!: boolean;

  /** `MS-RequestId`: fixed for the escalation, sent on every attempt. */
  @Column({ name: 'request_id', type: 'uuid' })
  requestId!: string;

  /** CaseBridge's reference, written into the upstream description to find the request again. */
  @Column({ type: 'text' })
  reference!: string;

  @Column({ name: 'upstream_id', type: 'text', nullable: true })
  upstreamId!: string | null;

  @Column({ type: 'integer' })
  attempts!: number;

  /** Attempts allowed before the escalation is left failed; an agent's retry raises it. */
  @Column({ name: 'attempt_limit', type: 'integer' })
  attemptLimit!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'health_check', type: 'jsonb' })
  healthCheck!: HealthCheckSnapshot;

  @Column({ type: 'jsonb', nullable: true })
  handoff!: HandoffPacket | null;

  /** While set in the future, one worker is talking to the upstream for this escalation. */
  @Column({ name: 'claimed_until', type: 'timestamptz', precision: 3, nullable: true })
  claimedUntil!: Date | null;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', precision: 3, nullable: true })
  nextAttemptAt!: Date | null;

  @Column({ name: 'next_reminder_at', type: 'timestamptz', precision: 3, nullable: true })
  nextReminderAt!: Date | null;

  @Column({ name: 'answered_at', type: 'timestamptz', precision: 3, nullable: true })
  answeredAt!: Date | null;

  @Column({ name: 'created_by', type: 'jsonb' })
  createdBy!: CaseActor;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt!: Date;

  @Column({ name: 'submitted_at', type: 'timestamptz', precision: 3, nullable: true })
  submittedAt!: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', precision: 3, nullable: true })
  closedAt!: Date | null;
}
