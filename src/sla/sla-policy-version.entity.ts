import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { SlaPolicyRules } from './domain/sla.types.js';

/** The rules of a policy as of one version; never changed once written (cases keep the version they opened under). */
@Entity({ name: 'sla_policy_versions' })
export class SlaPolicyVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'policy_id', type: 'uuid' })
  policyId!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'jsonb' })
  rules!: SlaPolicyRules;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
