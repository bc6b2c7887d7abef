import type { MigrationInterface, QueryRunner } from 'typeorm';

const DEFAULT_RULES = {
  calendar: { type: '24x7' },
  pauseWhileEscalated: false,
  warnAtPercent: 75,
  targets: {
    A: { first_response: 60, next_response: 120, resolution: 480 },
    B: { first_response: 240, next_response: 480, resolution: 2880 },
    C: { first_response: 480, next_response: 1440, resolution: 7200 },
  },
};

/**
 * SLA policies (immutable versions: a change applies to cases opened afterwards), the default 24x7
 * policy, the persisted deadlines of each case, breach/warning events recorded once per metric and
 * cycle, and the NOTIFY that wakes the outbox relay.
 */
export class Sla1795500000000 implements MigrationInterface {
  name = 'Sla1795500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE sla_policies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
        is_default boolean NOT NULL DEFAULT false,
        current_version_id uuid NULL, -- NOT NULL once the default policy has its first version
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT uq_sla_policies_name UNIQUE (name)
      )
    `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX uq_sla_policies_default ON sla_policies (is_default) WHERE is_default`,
    );
    await queryRunner.query(
      `CREATE INDEX ix_sla_policies_created_at_id ON sla_policies (created_at DESC, id DESC)`,
    );
    await queryRunner.query(`
      CREATE TABLE sla_policy_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        policy_id uuid NOT NULL REFERENCES sla_policies (id),
        version integer NOT NULL,
        rules jsonb NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT uq_sla_policy_versions_policy_version UNIQUE (policy_id, version)
      )
    `);
    // (Three statements: a data-modifying CTE cannot see the rows its siblings insert.)
    const [policy] = (await queryRunner.query(
      `INSERT INTO sla_policies (name, is_default) VALUES ('Default 24x7', true) RETURNING id`,
    )) as { id: string }[];
    const [version] = (await queryRunner.query(
      `INSERT INTO sla_policy_versions (policy_id, version, rules) VALUES ($1, 1, $2::jsonb) RETURNING id`,
      [policy.id, JSON.stringify(DEFAULT_RULES)],
    )) as { id: string }[];
    await queryRunner.query(`UPDATE sla_policies SET current_version_id = $1 WHERE id = $2`, [
      version.id,
      policy.id,
    ]);
    await queryRunner.query(`ALTER TABLE sla_policies ALTER COLUMN current_version_id SET NOT NULL`);
    // Deferred: a new policy and its first version are written in one transaction, each naming the other.
    await queryRunner.query(`
      ALTER TABLE sla_policies ADD CONSTRAINT fk_sla_policies_current_version
        FOREIGN KEY (current_version_id) REFERENCES sla_policy_versions (id) DEFERRABLE INITIALLY DEFERRED
    `);

    await queryRunner.query(`
      ALTER TABLE customers ADD CONSTRAINT fk_customers_sla_policy
        FOREIGN KEY (sla_policy_id) REFERENCES sla_policies (id)
    `);

    // The policy version a case runs on, fixed when it is opened.
    await queryRunner.query(
      `ALTER TABLE cases ADD COLUMN sla_policy_version_id uuid NULL REFERENCES sla_policy_versions (id)`,
    );
    await queryRunner.query(`
      UPDATE cases SET sla_policy_version_id = COALESCE(
        (SELECT p.current_version_id FROM customers cu JOIN sla_policies p ON p.id = cu.sla_policy_id WHERE cu.id = cases.customer_id),
        (SELECT current_version_id FROM sla_policies WHERE is_default))
    `);
    await queryRunner.query(`ALTER TABLE cases ALTER COLUMN sla_policy_version_id SET NOT NULL`);
    // Persisted deadlines: each running metric's due instant, the next instant a timer must look at the
    // case, whether a metric is breached, and the case version the SLA state was computed from.
    await queryRunner.query(`
      ALTER TABLE cases
        ADD COLUMN first_response_due_at timestamptz(3) NULL,
        ADD COLUMN next_response_due_at timestamptz(3) NULL,
        ADD COLUMN resolution_due_at timestamptz(3) NULL,
        ADD COLUMN sla_due_at timestamptz(3) GENERATED ALWAYS AS
          (LEAST(first_response_due_at, next_response_due_at, resolution_due_at)) STORED,
        ADD COLUMN sla_breached boolean NOT NULL DEFAULT false,
        ADD COLUMN sla_next_check_at timestamptz(3) NULL,
        ADD COLUMN sla_evaluated_version integer NULL
    `);
    await queryRunner.query(
      `CREATE INDEX ix_cases_sla_due ON cases (sla_due_at) WHERE sla_due_at IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX ix_cases_sla_breached ON cases (number DESC) WHERE sla_breached`);
    await queryRunner.query(
      `CREATE INDEX ix_cases_sla_next_check ON cases (sla_next_check_at) WHERE sla_next_check_at IS NOT NULL`,
    );
    // Cases whose SLA state lags behind their last change (the sweeper's safety net for lost jobs).
    await queryRunner.query(
      `CREATE INDEX ix_cases_sla_stale ON cases (updated_at) WHERE sla_evaluated_version IS DISTINCT FROM version`,
    );

    // A warning or a breach is recorded once per metric and clock cycle, whoever races to record it.
    await queryRunner.query(`
      CREATE UNIQUE INDEX uq_case_events_sla_once ON case_events (case_id, type, (data ->> 'metric'), (data ->> 'cycle'))
        WHERE type IN ('sla_warning', 'sla_breached')
    `);

    // New timeline events wake the outbox relay (it also polls, so a lost notification only delays).
    await queryRunner.query(`
      CREATE FUNCTION casebridge_notify_case_events() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('casebridge_case_events', '');
        RETURN NULL;
      END
      $$
    `);
    await queryRunner.query(`
      CREATE TRIGGER tr_case_events_notify AFTER INSERT ON case_events
        FOR EACH STATEMENT EXECUTE FUNCTION casebridge_notify_case_events()
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER tr_case_events_notify ON case_events`);
    await queryRunner.query(`DROP FUNCTION casebridge_notify_case_events()`);
    await queryRunner.query(`DROP INDEX uq_case_events_sla_once`);
    await queryRunner.query(`
      ALTER TABLE cases DROP COLUMN sla_due_at, DROP COLUMN first_response_due_at, DROP COLUMN next_response_due_at,
        DROP COLUMN resolution_due_at, DROP COLUMN sla_breached, DROP COLUMN sla_next_check_at,
        DROP COLUMN sla_evaluated_version, DROP COLUMN sla_policy_version_id
    `);
    await queryRunner.query(`ALTER TABLE customers DROP CONSTRAINT fk_customers_sla_policy`);
    await queryRunner.query(`ALTER TABLE sla_policies DROP CONSTRAINT fk_sla_policies_current_version`);
    await queryRunner.query(`DROP TABLE sla_policy_versions`);
    await queryRunner.query(`DROP TABLE sla_policies`);
  }
}
