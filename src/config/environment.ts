import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

export const PROCESS_ROLES = ['all', 'api', 'worker'] as const;
export type ProcessRole = (typeof PROCESS_ROLES)[number];

export const VIANET_MODES = ['simulator', 'portal', 'http'] as const;
export type VianetMode = (typeof VIANET_MODES)[number];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const toBoolean = ({ value }: { value: unknown }): unknown => {
  if (typeof value !== 'string') return value;
  const normalised = value.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(normalised)) return true;
  if (['false', '0', 'no', 'off'].includes(normalised)) return false;
  return value;
};

const toInteger = ({ value }: { value: unknown }): unknown => {
  if (typeof value !== 'string' || !/^-?\d+$/.test(value.trim())) return value;
  return Number(value.trim());
};

const URL_PATTERN = (schemes: string) => new RegExp(`^(${schemes})://\\S+$`);

/**
 * The environment CaseBridge reads once at boot (API.md "Running").
 * Every property has its default here; `validateEnvironment` refuses anything else with the
 * variable's name and the rule it broke, never its value (values may be secrets).
 */
export class Environment {
  @Transform(toInteger)
  @IsInt({ message: 'must be an integer' })
  @Min(0, { message: 'must be between 0 and 65535' })
  @Max(65535, { message: 'must be between 0 and 65535' })
  PORT: number = 3000;

  @IsString()
  @Matches(/^[\d.:a-zA-Z[\]-]+$/, { message: 'must be a host name or an IP address' })
  HOST: string = '0.0.0.0';

  @Matches(URL_PATTERN('postgres|postgresql'), { message: 'must be a postgres:// URL' })
  DATABASE_URL: string = 'postgres://postgres@127.0.0.1:5432/casebridge';

  @Matches(URL_PATTERN('redis|rediss'), { message: 'must be a redis:// or rediss:// URL' })
  REDIS_URL: string = 'redis://127.0.0.1:6379';

  @IsIn(PROCESS_ROLES, { message: `must be one of ${PROCESS_ROLES.join(', ')}` })
  ROLE: ProcessRole = 'all';

  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  MIGRATIONS_RUN: boolean = true;

  @IsOptional()
  @IsString()
  @MinLength(24, { message: 'must be at least 24 characters long' })
  BOOTSTRAP_ADMIN_KEY?: string;

  @IsIn(VIANET_MODES, { message: `must be one of ${VIANET_MODES.join(', ')}` })
  VIANET_MODE: VianetMode = 'simulator';

  @IsOptional()
  @Matches(URL_PATTERN('https?'), { message: 'must be an http(s):// URL' })
  VIANET_API_URL?: string;

  @IsOptional()
  @Matches(URL_PATTERN('https?'), { message: 'must be an http(s):// URL' })
  VIANET_TOKEN_URL?: string;

  @IsOptional()
  @IsString()
  VIANET_CLIENT_ID?: string;

  @IsOptional()
  @IsString()
  VIANET_CLIENT_SECRET?: string;

  /** How long one call to 21Vianet may take. */
  @Transform(toInteger)
  @IsInt({ message: 'must be an integer' })
  @Min(100, { message: 'must be between 100 and 120000' })
  @Max(120000, { message: 'must be between 100 and 120000' })
  VIANET_TIMEOUT_MS: number = 10000;

  /** How often open escalations are synchronised with 21Vianet (notes both ways, closure). */
  @Transform(toInteger)
  @IsInt({ message: 'must be an integer' })
  @Min(1000, { message: 'must be between 1000 and 3600000' })
  @Max(3600000, { message: 'must be between 1000 and 3600000' })
  VIANET_SYNC_INTERVAL_MS: number = 60000;

  /** The Partner Center support topic of the service requests CaseBridge files. */
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  VIANET_SUPPORT_TOPIC_ID: string = '32444671';

  /** Simulator mode: how long 21Vianet takes to answer, then to close a request. */
  @Transform(toInteger)
  @IsInt({ message: 'must be an integer' })
  @Min(0, { message: 'must be between 0 and 86400000' })
  @Max(86400000, { message: 'must be between 0 and 86400000' })
  VIANET_SIMULATOR_REPLY_MS: number = 15000;

  @Transform(toInteger)
  @IsInt({ message: 'must be an integer' })
  @Min(0, { message: 'must be between 0 and 86400000' })
  @Max(86400000, { message: 'must be between 0 and 86400000' })
  VIANET_SIMULATOR_CLOSE_MS: number = 45000;

  /** How many times an escalation is sent before it is left failed. */
  @Transform(toInteger)
  @IsInt({ message: 'must be an integer' })
  @Min(1, { message: 'must be between 1 and 100' })
  @Max(100, { message: 'must be between 1 and 100' })
  ESCALATION_MAX_ATTEMPTS: number = 8;

  /** The first back-off between attempts (doubling, with jitter; a longer Retry-After wins). */
  @Transform(toInteger)
  @IsInt({ message: 'must be an integer' })
  @Min(10, { message: 'must be between 10 and 3600000' })
  @Max(3600000, { message: 'must be between 10 and 3600000' })
  ESCALATION_BACKOFF_MS: number = 2000;

  /** Portal mode: remind agents to file, then to chase 21Vianet, every this many minutes of the case's SLA calendar. */
  @Transform(toInteger)
  @IsInt({ message: 'must be an integer' })
  @Min(1, { message: 'must be between 1 and 10080' })
  @Max(10080, { message: 'must be between 1 and 10080' })
  ESCALATION_REMINDER_MINUTES: number = 120;

  @IsIn(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: LogLevel = 'info';

  /** Prefix of every BullMQ key in Redis; lets several installations (or test runs) share one Redis. */
  @Matches(/^[a-zA-Z0-9_-]{1,64}$/, { message: 'must be 1-64 letters, digits, _ or -' })
  QUEUE_PREFIX: string = 'casebridge';

  /** Largest accepted request body, in bytes. */
  @Transform(toInteger)
  @IsInt({ message: 'must be an integer' })
  @Min(1024, { message: 'must be at least 1024' })
  @Max(50 * 1024 * 1024, { message: 'must be at most 52428800' })
  BODY_LIMIT_BYTES: number = 1024 * 1024;

  /** Connections each process may hold in the PostgreSQL pool. */
  @Transform(toInteger)
  @IsInt({ message: 'must be an integer' })
  @Min(1, { message: 'must be between 1 and 200' })
  @Max(200, { message: 'must be between 1 and 200' })
  DATABASE_POOL_SIZE: number = 10;

  /** A public customer comment reopens a resolved case within this many days of its resolution. */
  @Transform(toInteger)
  @IsInt({ message: 'must be an integer' })
  @Min(0, { message: 'must be between 0 and 365' })
  @Max(365, { message: 'must be between 0 and 365' })
  REOPEN_WINDOW_DAYS: number = 7;

  /** Resolved cases close automatically after this many quiet hours. */
  @Transform(toInteger)
  @IsInt({ message: 'must be an integer' })
  @Min(1, { message: 'must be between 1 and 8760' })
  @Max(8760, { message: 'must be between 1 and 8760' })
  AUTO_CLOSE_AFTER_HOURS: number = 72;

  /** How often the upstream service-incident feed is read. */
  @Transform(toInteger)
  @IsInt({ message: 'must be an integer' })
  @Min(1000, { message: 'must be between 1000 and 3600000' })
  @Max(3600000, { message: 'must be between 1000 and 3600000' })
  INCIDENT_FEED_INTERVAL_MS: number = 60000;

  /** How often the SLA sweeper looks for warnings and breaches whose timer was lost. */
  @Transform(toInteger)
  @IsInt({ message: 'must be an integer' })
  @Min(1000, { message: 'must be between 1000 and 3600000' })
  @Max(3600000, { message: 'must be between 1000 and 3600000' })
  SLA_SWEEP_INTERVAL_MS: number = 60000;

  /** How often the outbox relay polls for unpublished events (new cases also wake it by NOTIFY). */
  @Transform(toInteger)
  @IsInt({ message: 'must be an integer' })
  @Min(50, { message: 'must be between 50 and 60000' })
  @Max(60000, { message: 'must be between 50 and 60000' })
  OUTBOX_POLL_INTERVAL_MS: number = 250;

  /** How long SIGTERM waits for in-flight requests and jobs before the process exits anyway. */
  @Transform(toInteger)
  @IsInt({ message: 'must be an integer' })
  @Min(0, { message: 'must be between 0 and 600000' })
  @Max(600000, { message: 'must be between 0 and 600000' })
  SHUTDOWN_TIMEOUT_MS: number = 25000;
}

export class EnvironmentError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'EnvironmentError';
  }
}

/** Reads the variables CaseBridge knows from `source`; empty strings count as unset. */
export function validateEnvironment(source: Record<string, unknown>): Environment {
  const known = Object.keys(new Environment());
  const optional = [
    'BOOTSTRAP_ADMIN_KEY',
    'VIANET_API_URL',
    'VIANET_TOKEN_URL',
    'VIANET_CLIENT_ID',
    'VIANET_CLIENT_SECRET',
  ];
  const present: Record<string, unknown> = {};
  for (const name of [...known, ...optional]) {
    const value = source[name];
    if (value !== undefined && value !== '') present[name] = value;
  }
  const environment = plainToInstance(Environment, present, { exposeDefaultValues: true });
  const errors = validateSync(environment, { skipMissingProperties: false, forbidUnknownValues: true });
  const problems = errors.flatMap((error) =>
    Object.values(error.constraints ?? {}).map(
      (rule) => `${error.property} ${rule.replace(`${error.property} `, '')}`,
    ),
  );
  if (environment.VIANET_MODE === 'http') {
    for (const name of [
      'VIANET_API_URL',
      'VIANET_TOKEN_URL',
      'VIANET_CLIENT_ID',
      'VIANET_CLIENT_SECRET',
    ] as const) {
      if (!environment[name]) problems.push(`${name} is required when VIANET_MODE is http`);
    }
  }
  if (problems.length > 0) throw new EnvironmentError(problems);
  return environment;
}
