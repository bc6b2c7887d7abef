import { QueryFailedError } from 'typeorm';

/** PostgreSQL SQLSTATE codes CaseBridge reacts to. */
export const PG_UNIQUE_VIOLATION = '23505';
export const PG_FOREIGN_KEY_VIOLATION = '23503';

export function isConstraintViolation(error: unknown, sqlState: string, constraint?: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === sqlState && (constraint === undefined || driverError.constraint === constraint);
}

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  return isConstraintViolation(error, PG_UNIQUE_VIOLATION, constraint);
}
