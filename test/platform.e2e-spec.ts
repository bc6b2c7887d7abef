import pg from 'pg';
import { createHttpApplication } from '../src/bootstrap/create-application.js';
import { validateEnvironment } from '../src/config/environment.js';
import { dropDatabase } from '../src/database/ensure-database.js';
import { MIGRATIONS } from '../migrations/index.js';
import {
  deleteQueueKeys,
  newTestDatabaseUrl,
  newTestQueuePrefix,
  startTestApp,
  type TestApp,
  TEST_REDIS_URL,
} from './support/test-app.js';

async function databaseExists(databaseUrl: string): Promise<boolean> {
  const url = new URL(databaseUrl);
  const name = url.pathname.slice(1);
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
  } finally {
    await client.end();
  }
}

describe('platform', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp();
  });

  afterAll(async () => {
    await testApp?.close();
  });

  describe('health', () => {
    it('is live and ready when PostgreSQL and Redis answer, without a key', async () => {
      const live = await testApp.api.get('/health/live', { key: null });
      expect(live.status).toBe(200);
      expect(live.body).toEqual({ status: 'ok' });
      const ready = await testApp.api.get('/health/ready', { key: null });
      expect(ready.status).toBe(200);
      expect(ready.body).toMatchObject({
        status: 'ok',
        details: { database: { status: 'up' }, redis: { status: 'up' } },
      });
    });

    it('is not ready (503 problem) while Redis cannot be reached, yet stays live', async () => {
      const unreachable = await startTestApp({ ROLE: 'api', REDIS_URL: 'redis://127.0.0.1:1' });
      try {
        const ready = await unreachable.api.get('/health/ready', { key: null });
        expect(ready.status).toBe(503);
        expect(ready.headers.get('content-type')).toContain('application/problem+json');
        expect(ready.body).toMatchObject({
          type: 'https://casebridge.dev/problems/not-ready',
          status: 503,
          detail: 'Not answering: redis.',
          checks: { database: { status: 'up' }, redis: { status: 'down' } },
        });
        expect((await unreachable.api.get('/health/live', { key: null })).status).toBe(200);
      } finally {
        await unreachable.close();
      }
    });
  });

  describe('OpenAPI', () => {
    it('serves an OpenAPI 3 document generated from the code', async () => {
      const response = await testApp.api.get('/docs-json', { key: null });
      expect(response.status).toBe(200);
      expect(response.body.openapi).toMatch(/^3\./);
      expect(Object.keys(response.body.paths)).toEqual(
        expect.arrayContaining([
          '/v1/customers',
          '/v1/customers/{id}',
          '/v1/customers/{id}/subscriptions',
          '/v1/customers/{id}/service-health',
          '/v1/api-keys',
          '/v1/api-keys/{id}',
          '/health/ready',
        ]),
      );
      const createCustomer = response.body.paths['/v1/customers'].post;
      expect(createCustomer.responses.default.content['application/problem+json'].schema).toEqual({
        $ref: '#/components/schemas/Problem',
      });
      expect(response.body.components.schemas.CreateCustomerDto.required).toEqual(
        expect.arrayContaining(['name', 'tenantId']),
      );
      expect(response.body.components.securitySchemes.bearer).toMatchObject({
        type: 'http',
        scheme: 'bearer',
      });
    });

    it('serves the documentation UI at /docs', async () => {
      const response = await testApp.api.get('/docs', { key: null });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(response.body).toContain('swagger-ui');
    });
  });

  describe('operations', () => {
    it('exposes Prometheus metrics: queue depths, outbox backlog, HTTP durations', async () => {
      await testApp.api.get('/v1/me');
      const response = await testApp.api.get('/metrics', { key: null });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/plain');
      const text = response.body as string;
      expect(text).toMatch(/casebridge_queue_jobs\{queue="sla",state="delayed"\} \d+/);
      expect(text).toMatch(/casebridge_queue_jobs\{queue="triage",state="waiting"\} \d+/);
      expect(text).toMatch(/casebridge_outbox_unpublished_events \d+/);
      expect(text).toMatch(
        /casebridge_http_request_duration_seconds_count\{method="GET",route="\/v1\/me",status="200"\} [1-9]/,
      );
      expect(text).toContain('casebridge_process_cpu_seconds_total');
    });

    it('serves the queue dashboard to admin keys only, Bearer or Basic', async () => {
      const anonymous = await testApp.api.get('/queues', { key: null });
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('www-authenticate')).toContain('Basic');
      expect(anonymous.headers.get('content-type')).toContain('application/problem+json');

      const agentKey = (await testApp.api.post('/v1/api-keys', { name: 'Agent', role: 'agent' })).body.key;
      expect((await testApp.api.get('/queues', { key: agentKey })).status).toBe(403);

      const page = await testApp.api.get('/queues');
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      const basic = Buffer.from(`admin:${testApp.adminKey}`).toString('base64');
      const queues = await testApp.api.get('/queues/api/queues', {
        key: null,
        headers: { authorization: `Basic ${basic}` },
      });
      expect(queues.status).toBe(200);
      expect(queues.body.queues.map((queue: { name: string }) => queue.name).sort()).toEqual([
        'escalation',
        'maintenance',
        'service-health',
        'sla',
        'triage',
      ]);
    });
  });

  describe('errors and request ids', () => {
    it('answers unknown routes with a 404 problem, never HTML', async () => {
      const response = await testApp.api.get('/v1/nothing-here');
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body).toMatchObject({ status: 404, title: 'Not Found', instance: '/v1/nothing-here' });
    });

    it('echoes the caller request id, or makes one, on answers and problems', async () => {
      const traced = await testApp.api.get('/v1/customers/not-an-id', {
        headers: { 'x-request-id': 'crm-7731' },
      });
      expect(traced.headers.get('x-request-id')).toBe('crm-7731');
      expect(traced.body.requestId).toBe('crm-7731');
      const fresh = await testApp.api.get('/health/live', { key: null });
      expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      const unsafe = await testApp.api.get('/health/live', {
        key: null,
        headers: { 'x-request-id': 'a b<script>' },
      });
      expect(unsafe.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('sets security headers', async () => {
      const response = await testApp.api.get('/health/live', { key: null });
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    });
  });

  describe('database preparation', () => {
    it('creates a missing database and migrates it once even when several processes start together', async () => {
      const databaseUrl = newTestDatabaseUrl();
      const preparationPrefix = newTestQueuePrefix('prep');
      expect(await databaseExists(databaseUrl)).toBe(false);
      const environment = (role: 'api' | 'worker') =>
        validateEnvironment({
          DATABASE_URL: databaseUrl,
          REDIS_URL: TEST_REDIS_URL,
          ROLE: role,
          LOG_LEVEL: 'silent',
          QUEUE_PREFIX: preparationPrefix,
        });
      const apps = await Promise.all([
        createHttpApplication(environment('api')),
        createHttpApplication(environment('api')),
        createHttpApplication(environment('api')),
      ]);
      try {
        expect(await databaseExists(databaseUrl)).toBe(true);
        const client = new pg.Client({ connectionString: databaseUrl });
        await client.connect();
        try {
          const applied = await client.query('SELECT name FROM schema_migrations ORDER BY id');
          expect(applied.rows.map((row: { name: string }) => row.name)).toEqual(
            MIGRATIONS.map((migration) => migration.name),
          );
        } finally {
          await client.end();
        }
      } finally {
        await Promise.all(apps.map((app) => app.close()));
        await dropDatabase(databaseUrl);
        await deleteQueueKeys(TEST_REDIS_URL, preparationPrefix);
      }
    });
  });
});
