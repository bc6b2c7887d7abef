import type { DataSource } from 'typeorm';

/** Any constant works; it only has to be the same in every CaseBridge process. */
const MIGRATION_LOCK_KEY = 4_262_017_301;

/**
 * Runs pending migrations under a PostgreSQL advisory lock, so that several processes
 * starting together migrate once and the others wait for the schema to be ready.
 */
export async function runMigrationsLocked(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}
