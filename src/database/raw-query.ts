import type { EntityManager } from 'typeorm';

export interface RawQueryResult<T> {
  records: T[];
  affected: number;
}

/**
 * Runs raw SQL and answers its rows and affected count, whatever the statement
 * (TypeORM's plain `query()` shapes UPDATE/DELETE results differently from SELECT).
 * Inside a transaction it uses the transaction's connection.
 */
export async function rawQuery<T = Record<string, unknown>>(
  manager: EntityManager,
  sql: string,
  values: unknown[] = [],
): Promise<RawQueryResult<T>> {
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  try {
    const result = await runner.query(sql, values, true);
    return { records: (result.records ?? []) as T[], affected: result.affected ?? 0 };
  } finally {
    if (!manager.queryRunner) await runner.release();
  }
}
