import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two changes to what the SLA migration created:
 * - `cases.sla_evaluated_at`: when the SLA state stored on a case was computed (a late computation never
 *   overwrites a newer one);
 * - the outbox wake-up: a new case wakes the relay at once, for a prompt triage; other events wait for
 *   its poll (OUTBOX_POLL_INTERVAL_MS), since NOTIFY serialises the commits that send it.
 * Written to be safe on databases that already have either change.
 */
export class SlaEvaluatedAtAndIntakeNotify1795530000000 implements MigrationInterface {
  name = 'SlaEvaluatedAtAndIntakeNotify1795530000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE cases ADD COLUMN IF NOT EXISTS sla_evaluated_at timestamptz(3) NULL`,
    );
    await queryRunner.query(`DROP TRIGGER IF EXISTS tr_case_events_notify ON case_events`);
    await queryRunner.query(`
      CREATE TRIGGER tr_case_events_notify AFTER INSERT ON case_events
        FOR EACH ROW WHEN (NEW.type = 'opened') EXECUTE FUNCTION casebridge_notify_case_events()
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER tr_case_events_notify ON case_events`);
    await queryRunner.query(`
      CREATE TRIGGER tr_case_events_notify AFTER INSERT ON case_events
        FOR EACH STATEMENT EXECUTE FUNCTION casebridge_notify_case_events()
    `);
    await queryRunner.query(`ALTER TABLE cases DROP COLUMN sla_evaluated_at`);
  }
}
