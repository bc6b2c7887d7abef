import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Support cases, their comments, the timeline (which is also the outbox of DESIGN.md) and the
 * idempotency records of intake. Search over title and description is a trigram index on an
 * unaccented, lower-cased copy, which serves English, French (accents ignored) and Chinese substrings.
 */
export class Cases1795490000000 implements MigrationInterface {
  name = 'Cases1795490000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    // unaccent() is only STABLE (its dictionary could change); pinning the dictionary makes an
    // IMMUTABLE wrapper that generated columns and indexes may use.
    await queryRunner.query(`
      CREATE FUNCTION casebridge_search_text(text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        RETURN lower(public.unaccent('public.unaccent'::regdictionary, $1))
    `);

    // A composite key, so a case's subscription must belong to the case's customer.
    await queryRunner.query(
      `ALTER TABLE subscriptions ADD CONSTRAINT uq_subscriptions_customer_id_id UNIQUE (customer_id, id)`,
    );

    await queryRunner.query(`CREATE SEQUENCE case_number_seq AS bigint START WITH 1000`);
    await queryRunner.query(`
      CREATE TABLE cases (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number bigint NOT NULL DEFAULT nextval('case_number_seq'),
        customer_id uuid NOT NULL REFERENCES customers (id),
        subscription_id uuid NULL,
        service text NULL CHECK (service IN ('azure', 'microsoft365', 'dynamics365', 'power-bi', 'other')),
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 300),
        description text NOT NULL CHECK (char_length(description) <= 20000),
        category text NULL CHECK (category IN ('accounts_signup', 'billing', 'how_to', 'updates',
          'configuration', 'connectivity', 'availability', 'other')),
        category_source text NOT NULL DEFAULT 'none' CHECK (category_source IN ('none', 'triage', 'explicit')),
        severity text NOT NULL CHECK (severity IN ('A', 'B', 'C')),
        severity_source text NOT NULL CHECK (severity_source IN ('default', 'triage', 'explicit')),
        status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'triaged', 'in_progress',
          'awaiting_customer', 'escalated', 'resolved', 'closed')),
        source text NOT NULL CHECK (source IN ('agent', 'integration')),
        external_ref text NULL CHECK (char_length(external_ref) BETWEEN 1 AND 200),
        language text NULL CHECK (language IN ('en', 'fr', 'zh')),
        assignee_id uuid NULL,
        tags text[] NOT NULL DEFAULT '{}',
        contact jsonb NULL,
        reported_at timestamptz(3) NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        first_responded_at timestamptz(3) NULL,
        resolved_at timestamptz(3) NULL,
        closed_at timestamptz(3) NULL,
        resolution jsonb NULL,
        duplicate_of_id uuid NULL REFERENCES cases (id),
        incident_ids uuid[] NOT NULL DEFAULT '{}',
        version integer NOT NULL DEFAULT 1,
        search_text text GENERATED ALWAYS AS (casebridge_search_text(title || ' ' || description)) STORED,
        CONSTRAINT uq_cases_number UNIQUE (number),
        CONSTRAINT uq_cases_customer_external_ref UNIQUE (customer_id, external_ref),
        CONSTRAINT fk_cases_subscription FOREIGN KEY (customer_id, subscription_id)
          REFERENCES subscriptions (customer_id, id)
      )
    `);
    await queryRunner.query(`ALTER SEQUENCE case_number_seq OWNED BY cases.number`);
    // Every list filter has an index that also yields the newest-first order of the keyset pagination.
    await queryRunner.query(
      `CREATE INDEX ix_cases_customer_status ON cases (customer_id, status, number DESC)`,
    );
    await queryRunner.query(`CREATE INDEX ix_cases_customer ON cases (customer_id, number DESC)`);
    await queryRunner.query(`CREATE INDEX ix_cases_status ON cases (status, number DESC)`);
    await queryRunner.query(`CREATE INDEX ix_cases_severity ON cases (severity, number DESC)`);
    await queryRunner.query(`CREATE INDEX ix_cases_category ON cases (category, number DESC)`);
    await queryRunner.query(
      `CREATE INDEX ix_cases_assignee ON cases (assignee_id, number DESC) WHERE assignee_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX ix_cases_search_text ON cases USING gin (search_text gin_trgm_ops)`,
    );

    await queryRunner.query(`
      CREATE TABLE case_comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases (id),
        body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 50000),
        visibility text NOT NULL CHECK (visibility IN ('public', 'internal')),
        author_type text NOT NULL CHECK (author_type IN ('agent', 'customer', 'vianet', 'system')),
        author_id text NULL,
        author_name text NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )
    `);
    await queryRunner.query(`CREATE INDEX ix_case_comments_case ON case_comments (case_id, created_at, id)`);

    // The timeline and the outbox: published_at is set once the relay has handed the event to BullMQ.
    await queryRunner.query(`
      CREATE TABLE case_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY,
        case_id uuid NOT NULL REFERENCES cases (id),
        type text NOT NULL,
        at timestamptz(3) NOT NULL DEFAULT now(),
        actor jsonb NOT NULL,
        data jsonb NOT NULL DEFAULT '{}'::jsonb,
        visibility text NOT NULL DEFAULT 'public' CHECK (visibility IN ('public', 'internal')),
        published_at timestamptz(3) NULL,
        CONSTRAINT uq_case_events_seq UNIQUE (seq)
      )
    `);
    await queryRunner.query(`CREATE INDEX ix_case_events_case ON case_events (case_id, seq)`);
    await queryRunner.query(
      `CREATE INDEX ix_case_events_unpublished ON case_events (seq) WHERE published_at IS NULL`,
    );

    await queryRunner.query(`
      CREATE TABLE idempotency_records (
        key_holder_id uuid NOT NULL,
        idempotency_key text NOT NULL,
        request_hash text NOT NULL,
        status_code integer NOT NULL,
        response_body jsonb NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (key_holder_id, idempotency_key)
      )
    `);
    await queryRunner.query(
      `CREATE INDEX ix_idempotency_records_created_at ON idempotency_records (created_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE idempotency_records`);
    await queryRunner.query(`DROP TABLE case_events`);
    await queryRunner.query(`DROP TABLE case_comments`);
    await queryRunner.query(`DROP TABLE cases`);
    await queryRunner.query(`ALTER TABLE subscriptions DROP CONSTRAINT uq_subscriptions_customer_id_id`);
    await queryRunner.query(`DROP FUNCTION casebridge_search_text(text)`);
  }
}
