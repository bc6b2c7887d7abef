import { DataSource } from 'typeorm';
import type { Environment } from '../config/environment.js';
import { databaseOptions } from './database-options.js';
import { ensureDatabase } from './ensure-database.js';
import { runMigrationsLocked } from './migrate.js';

/** Before the application starts: create the database if missing, then (MIGRATIONS_RUN) migrate it. */
export async function prepareDatabase(
  environment: Environment,
): Promise<{ created: boolean; migrations: string[] }> {
  const created = (await ensureDatabase(environment.DATABASE_URL)) === 'created';
  if (!environment.MIGRATIONS_RUN) return { created, migrations: [] };
  const dataSource = new DataSource({ ...databaseOptions(environment), extra: { max: 2 } });
  await dataSource.initialize();
  try {
    return { created, migrations: await runMigrationsLocked(dataSource) };
  } finally {
    await dataSource.destroy();
  }
}
