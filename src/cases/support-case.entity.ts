import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CloudService } from '../customers/domain/cloud-service.js';
import type {
  CaseCategory,
  CaseLanguage,
  CaseResolution,
  CaseSource,
  CaseStatus,
  Severity,
} from './domain/case.types.js';

export type CategorySource = 'none' | 'triage' | 'explicit';
export type SeveritySource = 'default' | 'triage' | 'explicit';

export interface CaseContact {
  name: string;
  email: string;
  phone?: string;
}

/** A support case. Written through `CaseRepository` (raw SQL on the hot paths); mapped here for TypeORM. */
@Entity({ name: 'cases' })
export class SupportCaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Human-friendly, increasing (a PostgreSQL sequence). */
  @Column({ type: 'bigint', insert: false, update: false })
  number!: number;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId!: string;

  @Column({ name: 'subscription_id', type: 'uuid', nullable: true })
  subscriptionId!: string | null;

  @Column({ type: 'text', nullable: true })
  service!: CloudService | null;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'text', nullable: true })
  category!: CaseCategory | null;

  @Column({ name: 'category_source', type: 'text' })
  categorySource!: CategorySource;

  @Column({ type: 'text' })
  severity!: Severity;

  /** Whether triage may still replace the severity (`default`), or a person chose it (`explicit`). */
  @Column({ name: 'severity_source', type: 'text' })
  severitySource!: SeveritySource;

  @Column({ type: 'text' })
  status!: CaseStatus;

  @Column({ type: 'text' })
  source!: CaseSource;

  @Column({ name: 'external_ref', type: 'text', nullable: true })
  externalRef!: string | null;

  @Column({ type: 'text', nullable: true })
  language!: CaseLanguage | null;

  @Column({ name: 'assignee_id', type: 'uuid', nullable: true })
  assigneeId!: string | null;

  @Column({ type: 'text', array: true })
  tags!: string[];

  @Column({ type: 'jsonb', nullable: true })
  contact!: CaseContact | null;

  @Column({ name: 'reported_at', type: 'timestamptz', precision: 3 })
  reportedAt!: Date;

  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt!: Date;

  @Column({ name: 'first_responded_at', type: 'timestamptz', precision: 3, nullable: true })
  firstRespondedAt!: Date | null;

  @Column({ name: 'resolved_at', type: 'timestamptz', precision: 3, nullable: true })
  resolvedAt!: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', precision: 3, nullable: true })
  closedAt!: Date | null;

  @Column({ type: 'jsonb', nullable: true })
  resolution!: CaseResolution | null;

  @Column({ name: 'duplicate_of_id', type: 'uuid', nullable: true })
  duplicateOfId!: string | null;

  @Column({ name: 'incident_ids', type: 'uuid', array: true })
  incidentIds!: string[];

  /** Optimistic concurrency: +1 on every change; the ETag of the case. */
  @Column({ type: 'integer' })
  version!: number;

  /** The earliest due instant of the running SLA metrics (kept by the SLA worker). */
  @Column({
    name: 'sla_due_at',
    type: 'timestamptz',
    precision: 3,
    nullable: true,
    insert: false,
    update: false,
  })
  slaDueAt!: Date | null;

  /** Whether an SLA metric of the case is breached (kept by the SLA worker). */
  @Column({ name: 'sla_breached', type: 'boolean', insert: false, update: false })
  slaBreached!: boolean;
}
