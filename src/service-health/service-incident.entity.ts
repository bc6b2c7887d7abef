import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { CloudService } from '../customers/domain/cloud-service.js';

export type IncidentStatus = 'degraded' | 'outage' | 'resolved';
export type IncidentSource = 'admin' | 'integration' | 'feed';

/** A known service incident of a 21Vianet-operated service, entered by hand or read from the feed. */
@Entity({ name: 'service_incidents' })
export class ServiceIncidentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The incident's id in the upstream feed (or the posting system); unique. */
  @Column({ name: 'external_id', type: 'text', nullable: true })
  externalId!: string | null;

  @Column({ type: 'text' })
  service!: CloudService;

  /** null: every region of the service. */
  @Column({ type: 'text', nullable: true })
  region!: string | null;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  status!: IncidentStatus;

  @Column({ type: 'text' })
  source!: IncidentSource;

  /** An incident posted by an integration key concerns only that key's customers; null: every customer. */
  @Column({ name: 'customer_scope', type: 'uuid', array: true, nullable: true })
  customerScope!: string[] | null;

  @Column({ name: 'started_at', type: 'timestamptz', precision: 3 })
  startedAt!: Date;

  @Column({ name: 'resolved_at', type: 'timestamptz', precision: 3, nullable: true })
  resolvedAt!: Date | null;

  @Column({ name: 'resolution_announced_at', type: 'timestamptz', precision: 3, nullable: true })
  resolutionAnnouncedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
