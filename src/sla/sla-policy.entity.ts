import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A named SLA policy; its rules live in immutable versions (`current_version_id` is the one new cases get). */
@Entity({ name: 'sla_policies' })
export class SlaPolicyEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'is_default', type: 'boolean' })
  isDefault!: boolean;

  /** The version new cases get (a deferred foreign key: a policy and its first version are written together). */
  @Column({ name: 'current_version_id', type: 'uuid' })
  currentVersionId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
