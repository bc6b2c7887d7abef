import type { MigrationInterface, QueryRunner } from 'typeorm';

/** API keys, customers and their subscriptions. */
export class Foundation1795485871504 implements MigrationInterface {
  name = 'Foundation1795485871504';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE api_keys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
        role text NOT NULL CHECK (role IN ('admin', 'agent', 'integration')),
        customer_ids uuid[] NOT NULL DEFAULT '{}',
        key_prefix text NOT NULL,
        key_hash text NOT NULL,
        created_by_id uuid NULL REFERENCES api_keys (id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        revoked_at timestamptz(3) NULL,
        CONSTRAINT uq_api_keys_key_hash UNIQUE (key_hash),
        CONSTRAINT ck_api_keys_scope CHECK (role = 'integration' OR cardinality(customer_ids) = 0)
      )
    `);
    await queryRunner.query(`CREATE INDEX ix_api_keys_created_at_id ON api_keys (created_at DESC, id DESC)`);

    await queryRunner.query(`
      CREATE TABLE customers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
        tenant_id uuid NOT NULL,
        domain text NULL,
        locale text NOT NULL DEFAULT 'zh' CHECK (locale IN ('en', 'fr', 'zh')),
        time_zone text NOT NULL DEFAULT 'Asia/Shanghai',
        sla_policy_id uuid NULL,
        contacts jsonb NOT NULL DEFAULT '[]'::jsonb,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT uq_customers_tenant_id UNIQUE (tenant_id)
      )
    `);
    await queryRunner.query(
      `CREATE INDEX ix_customers_created_at_id ON customers (created_at DESC, id DESC)`,
    );

    await queryRunner.query(`
      CREATE TABLE subscriptions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        customer_id uuid NOT NULL REFERENCES customers (id),
        service text NOT NULL CHECK (service IN ('azure', 'microsoft365', 'dynamics365', 'power-bi', 'other')),
        plan text NULL,
        region text NULL,
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'cancelled')),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )
    `);
    await queryRunner.query(
      `CREATE INDEX ix_subscriptions_customer_id ON subscriptions (customer_id, created_at DESC, id DESC)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE subscriptions`);
    await queryRunner.query(`DROP TABLE customers`);
    await queryRunner.query(`DROP TABLE api_keys`);
  }
}
