import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The pipeline after intake: knowledge-base articles, service incidents (entered by admins or read
 * from the 21Vianet feed), the automatic close of quiet resolved cases, and duplicate detection.
 */
export class Pipeline1795510000000 implements MigrationInterface {
  name = 'Pipeline1795510000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE articles (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,199}$'),
        locale text NOT NULL CHECK (locale IN ('en', 'fr', 'zh')),
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 300),
        body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 100000),
        category text NULL CHECK (category IN ('accounts_signup', 'billing', 'how_to', 'updates',
          'configuration', 'connectivity', 'availability', 'other')),
        tags text[] NOT NULL DEFAULT '{}',
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        search_text text GENERATED ALWAYS AS (casebridge_search_text(title || ' ' || body)) STORED,
        CONSTRAINT uq_articles_slug UNIQUE (slug)
      )
    `);
    await queryRunner.query(`CREATE INDEX ix_articles_created_at_id ON articles (created_at DESC, id DESC)`);
    await queryRunner.query(
      `CREATE INDEX ix_articles_search_text ON articles USING gin (search_text gin_trgm_ops)`,
    );

    await queryRunner.query(`
      CREATE TABLE service_incidents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        external_id text NULL CHECK (char_length(external_id) BETWEEN 1 AND 200),
        service text NOT NULL CHECK (service IN ('azure', 'microsoft365', 'dynamics365', 'power-bi', 'other')),
        region text NULL,
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 300),
        status text NOT NULL CHECK (status IN ('degraded', 'outage', 'resolved')),
        source text NOT NULL CHECK (source IN ('admin', 'integration', 'feed')),
        -- an incident posted by an integration key concerns only that key's customers (NULL: every customer)
        customer_scope uuid[] NULL,
        started_at timestamptz(3) NOT NULL DEFAULT now(),
        resolved_at timestamptz(3) NULL,
        -- set once every linked case has been told the incident is resolved
        resolution_announced_at timestamptz(3) NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT uq_service_incidents_external_id UNIQUE (external_id)
      )
    `);
    await queryRunner.query(
      `CREATE INDEX ix_service_incidents_active ON service_incidents (service, started_at DESC) WHERE status <> 'resolved'`,
    );
    await queryRunner.query(
      `CREATE INDEX ix_service_incidents_created_at_id ON service_incidents (created_at DESC, id DESC)`,
    );
    // Cases linked to an incident (for the update when it resolves).
    await queryRunner.query(`CREATE INDEX ix_cases_incident_ids ON cases USING gin (incident_ids)`);

    // A case is told of an incident, and of its resolution, once.
    await queryRunner.query(`
      CREATE UNIQUE INDEX uq_case_events_incident_once ON case_events (case_id, type, (data ->> 'incidentId'))
        WHERE type IN ('incident_linked', 'incident_resolved')
    `);
    await queryRunner.query(
      `CREATE INDEX ix_service_incidents_unannounced ON service_incidents (resolved_at)
         WHERE status = 'resolved' AND resolution_announced_at IS NULL`,
    );

    // Resolved cases waiting for their automatic close.
    await queryRunner.query(
      `CREATE INDEX ix_cases_resolved_at ON cases (resolved_at) WHERE status = 'resolved'`,
    );
    // Cases waiting for triage (the triage sweeper's safety net).
    await queryRunner.query(`CREATE INDEX ix_cases_untriaged ON cases (created_at) WHERE language IS NULL`);
    // Recent open cases of a customer, for duplicate detection.
    await queryRunner.query(`
      CREATE INDEX ix_cases_customer_recent_open ON cases (customer_id, created_at DESC)
        WHERE status IN ('new', 'triaged', 'in_progress', 'awaiting_customer', 'escalated')
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX ix_cases_customer_recent_open`);
    await queryRunner.query(`DROP INDEX ix_cases_untriaged`);
    await queryRunner.query(`DROP INDEX uq_case_events_incident_once`);
    await queryRunner.query(`DROP INDEX ix_cases_resolved_at`);
    await queryRunner.query(`DROP INDEX ix_cases_incident_ids`);
    await queryRunner.query(`DROP TABLE service_incidents`);
    await queryRunner.query(`DROP TABLE articles`);
  }
}
