import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Escalations to 21Vianet: at most one open escalation per case, a fixed MS-RequestId per escalation,
 * a lease that lets exactly one worker talk to the upstream at a time, and the notes exchanged with
 * 21Vianet (each recorded once, in each direction).
 */
export class Escalations1795520000000 implements MigrationInterface {
  name = 'Escalations1795520000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE escalations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases (id),
        mode text NOT NULL CHECK (mode IN ('simulator', 'portal', 'http')),
        state text NOT NULL CHECK (state IN ('pending', 'awaiting_handoff', 'submitted', 'failed', 'closed')),
        reason text NOT NULL CHECK (char_length(reason) BETWEEN 1 AND 5000),
        tried_steps text NULL CHECK (char_length(tried_steps) <= 10000),
        automatic boolean NOT NULL DEFAULT false,
        request_id uuid NOT NULL DEFAULT gen_random_uuid(),
        reference text NOT NULL,
        upstream_id text NULL,
        attempts integer NOT NULL DEFAULT 0,
        -- attempts allowed before the escalation is left failed (raised by each retry an agent asks for)
        attempt_limit integer NOT NULL,
        last_error text NULL,
        health_check jsonb NOT NULL,
        handoff jsonb NULL,
        claimed_until timestamptz(3) NULL,
        next_attempt_at timestamptz(3) NULL,
        next_reminder_at timestamptz(3) NULL,
        answered_at timestamptz(3) NULL,
        created_by jsonb NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        submitted_at timestamptz(3) NULL,
        closed_at timestamptz(3) NULL,
        CONSTRAINT uq_escalations_request_id UNIQUE (request_id),
        CONSTRAINT uq_escalations_reference UNIQUE (reference)
      )
    `);
    await queryRunner.query(`
      CREATE UNIQUE INDEX uq_escalations_open_per_case ON escalations (case_id)
        WHERE state IN ('pending', 'awaiting_handoff', 'submitted')
    `);
    await queryRunner.query(
      `CREATE INDEX ix_escalations_case ON escalations (case_id, created_at DESC, id DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX ix_escalations_state ON escalations (state, created_at DESC, id DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX ix_escalations_created_at ON escalations (created_at DESC, id DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX ix_escalations_due ON escalations (next_attempt_at) WHERE state = 'pending'`,
    );
    await queryRunner.query(
      `CREATE INDEX ix_escalations_reminders ON escalations (next_reminder_at) WHERE next_reminder_at IS NOT NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE escalation_notes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        escalation_id uuid NOT NULL REFERENCES escalations (id),
        direction text NOT NULL CHECK (direction IN ('inbound', 'outbound')),
        note_key text NOT NULL,
        text text NOT NULL,
        state text NOT NULL CHECK (state IN ('received', 'sending', 'sent')),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        sent_at timestamptz(3) NULL,
        CONSTRAINT uq_escalation_notes_key UNIQUE (escalation_id, direction, note_key)
      )
    `);
    // An automatic escalation falls due once per resolution cycle, like warnings and breaches.
    await queryRunner.query(`DROP INDEX uq_case_events_sla_once`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX uq_case_events_sla_once ON case_events (case_id, type, (data ->> 'metric'), (data ->> 'cycle'))
        WHERE type IN ('sla_warning', 'sla_breached', 'sla_escalation_due')
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX uq_case_events_sla_once`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX uq_case_events_sla_once ON case_events (case_id, type, (data ->> 'metric'), (data ->> 'cycle'))
        WHERE type IN ('sla_warning', 'sla_breached')
    `);
    await queryRunner.query(`DROP TABLE escalation_notes`);
    await queryRunner.query(`DROP TABLE escalations`);
  }
}
