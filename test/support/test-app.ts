import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHash, randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Redis } from 'ioredis';
import type { INestApplicationContext } from '@nestjs/common';
import { createHttpApplication, createWorkerApplication } from '../../src/bootstrap/create-application.js';
import { type Environment, validateEnvironment } from '../../src/config/environment.js';
import { dropDatabase } from '../../src/database/ensure-database.js';

export const TEST_DATABASE_SERVER = process.env.TEST_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * This machine and process in test names (`<host tag>_<pid>`): a later run on the same machine can tell
 * what a killed run left behind from what another machine's run is using (see global-setup.mjs).
 */
export const TEST_RUN_TAG = `${createHash('sha1').update(hostname()).digest('hex').slice(0, 6)}_${process.pid}`;

/** A database name no developer database could have; every helper refuses any other. */
export function newTestDatabaseUrl(): string {
  return `${TEST_DATABASE_SERVER}/casebridge_test_${TEST_RUN_TAG}_${randomBytes(4).toString('hex')}`;
}

/**
 * A Redis key prefix for one installation under test. It carries the machine and process (`TEST_RUN_TAG`),
 * so a later run can delete what a killed run left behind (see global-setup.mjs).
 */
export function newTestQueuePrefix(label = 'app'): string {
  return `cbtest_${TEST_RUN_TAG}_${label}_${randomBytes(4).toString('hex')}`;
}

export function assertTestDatabase(databaseUrl: string): void {
  const name = new URL(databaseUrl).pathname.slice(1);
  if (!/^casebridge_test_\w+$/.test(name)) throw new Error(`refusing to use ${name}: not a test database`);
}

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface RequestOptions {
  key?: string | null;
  headers?: Record<string, string>;
  /** A raw body sent as is (for malformed JSON, wrong media types, huge bodies). */
  rawBody?: string;
}

/** A tiny HTTP client for one running app: JSON in, JSON (or text) out, the admin key by default. */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    readonly defaultKey: string,
  ) {}

  withKey(key: string): ApiClient {
    return new ApiClient(this.baseUrl, key);
  }

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    options: RequestOptions = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    const key = options.key === undefined ? this.defaultKey : options.key;
    if (key !== null) headers.authorization = `Bearer ${key}`;
    let payload: string | undefined = options.rawBody;
    if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body: payload });
    const text = await response.text();
    const contentType = response.headers.get('content-type') ?? '';
    const parsed: unknown = contentType.includes('json') && text ? JSON.parse(text) : text;
    return { status: response.status, headers: response.headers, body: parsed as T };
  }

  get<T = any>(path: string, options?: RequestOptions) {
    return this.request<T>('GET', path, undefined, options);
  }

  post<T = any>(path: string, body?: unknown, options?: RequestOptions) {
    return this.request<T>('POST', path, body, options);
  }

  patch<T = any>(path: string, body?: unknown, options?: RequestOptions) {
    return this.request<T>('PATCH', path, body, options);
  }

  put<T = any>(path: string, body?: unknown, options?: RequestOptions) {
    return this.request<T>('PUT', path, body, options);
  }

  delete<T = any>(path: string, options?: RequestOptions) {
    return this.request<T>('DELETE', path, undefined, options);
  }
}

export interface TestApp {
  app: NestFastifyApplication;
  environment: Environment;
  api: ApiClient;
  adminKey: string;
  close(): Promise<void>;
}

/**
 * Boots the real application (HTTP, workers, migrations) on a database of its own, created by
 * the app itself, and a Redis key prefix of its own; `close()` drops both.
 */
export async function startTestApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const adminKey = `test-admin-${randomBytes(16).toString('hex')}`;
  const environment = validateEnvironment({
    DATABASE_URL: newTestDatabaseUrl(),
    REDIS_URL: TEST_REDIS_URL,
    ROLE: 'all',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    QUEUE_PREFIX: newTestQueuePrefix(),
    BOOTSTRAP_ADMIN_KEY: adminKey,
    ...overrides,
  });
  assertTestDatabase(environment.DATABASE_URL);
  let app: NestFastifyApplication;
  try {
    app = await createHttpApplication(environment);
    await app.listen(0, '127.0.0.1');
  } catch (error) {
    await dropDatabase(environment.DATABASE_URL).catch(() => undefined);
    throw error;
  }
  const address = app.getHttpServer().address();
  if (!address || typeof address === 'string') throw new Error('the test app is not listening on a port');
  return {
    app,
    environment,
    adminKey,
    api: new ApiClient(`http://127.0.0.1:${address.port}`, adminKey),
    close: async () => {
      await app.close();
      await dropDatabase(environment.DATABASE_URL);
      await deleteQueueKeys(environment.REDIS_URL, environment.QUEUE_PREFIX);
    },
  };
}

/**
 * Another process of the same installation (same database, same Redis prefix), as when scaling
 * out; `close()` stops it and leaves the shared state to the first app.
 */
export async function startPeer(
  testApp: TestApp,
  overrides: Partial<Record<keyof Environment, string>> = {},
): Promise<{ app: INestApplicationContext; api: ApiClient | null; close(): Promise<void> }> {
  const environment = validateEnvironment({
    ...Object.fromEntries(
      Object.entries(testApp.environment)
        .filter(([, value]) => value !== undefined)
        .map(([name, value]) => [name, String(value)]),
    ),
    ...overrides,
  });
  if (environment.ROLE === 'worker') {
    const worker = await createWorkerApplication(environment);
    return { app: worker, api: null, close: () => worker.close() };
  }
  const app = await createHttpApplication(environment);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  if (!address || typeof address === 'string') throw new Error('the peer is not listening on a port');
  return {
    app,
    api: new ApiClient(`http://127.0.0.1:${address.port}`, testApp.adminKey),
    close: () => app.close(),
  };
}

/** Deletes the Redis keys of one installation (its queue prefix), so test runs leave nothing behind. */
export async function deleteQueueKeys(redisUrl: string, queuePrefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    const keys: string[] = [];
    for await (const batch of redis.scanStream({ match: `${queuePrefix}:*`, count: 500 })) {
      keys.push(...(batch as string[]));
    }
    if (keys.length > 0) await redis.del(...keys);
  } catch {
    // Redis may be what the test took down; nothing to clean then.
  } finally {
    redis.disconnect();
  }
}

/** Polls `probe` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(
  description: string,
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 10000,
  intervalMs = 25,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(
    `timed out after ${timeoutMs} ms waiting for ${description}${lastError instanceof Error ? `: ${lastError.message}` : ''}`,
  );
}

/** A fresh random tenant id. */
export function tenantId(): string {
  return crypto.randomUUID();
}
