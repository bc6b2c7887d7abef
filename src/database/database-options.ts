import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations/index.js';
import type { Environment } from '../config/environment.js';
import { ENTITIES } from './entities.js';

/** The one TypeORM configuration, shared by the application and the TypeORM CLI. */
export function databaseOptions(environment: Environment): DataSourceOptions {
  return {
    type: 'postgres',
    url: environment.DATABASE_URL,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    // Failed queries surface as errors where they happen (and the problem filter logs 5xx ones).
    logging: false,
    extra: {
      max: environment.DATABASE_POOL_SIZE,
      application_name: `casebridge-${environment.ROLE}`,
      connectionTimeoutMillis: 5000,
    },
  };
}
