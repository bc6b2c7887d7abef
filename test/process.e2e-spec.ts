import { randomBytes } from 'node:crypto';
import { dropDatabase } from '../src/database/ensure-database.js';
import { freePort, ServiceProcess } from './support/service-process.js';
import {
  deleteQueueKeys,
  newTestDatabaseUrl,
  newTestQueuePrefix,
  TEST_REDIS_URL,
  waitFor,
} from './support/test-app.js';

/** The compiled service as its own process: configuration errors, process roles and SIGTERM. */
describe('the service process', () => {
  const databases: string[] = [];
  const processes: ServiceProcess[] = [];
  const queuePrefixes: string[] = [];

  const start = (environment: Record<string, string>) => {
    const queuePrefix = environment.QUEUE_PREFIX ?? newTestQueuePrefix('proc');
    queuePrefixes.push(queuePrefix);
    const service = ServiceProcess.start({
      REDIS_URL: TEST_REDIS_URL,
      LOG_LEVEL: 'info',
      ...environment,
      QUEUE_PREFIX: queuePrefix,
    });
    processes.push(service);
    return service;
  };

  const newDatabase = () => {
    const url = newTestDatabaseUrl();
    databases.push(url);
    return url;
  };

  afterAll(async () => {
    await Promise.all(processes.map((service) => service.stop()));
    await Promise.all(databases.map((url) => dropDatabase(url)));
    await Promise.all([...new Set(queuePrefixes)].map((prefix) => deleteQueueKeys(TEST_REDIS_URL, prefix)));
  });

  it('refuses bad configuration naming each variable and rule, never the value', async () => {
    const secret = 'short-secret-value';
    const service = start({
      PORT: 'eighty',
      ROLE: 'everything',
      BOOTSTRAP_ADMIN_KEY: secret,
      DATABASE_URL: newDatabase(),
    });
    const exit = await service.waitForExit();
    expect(exit.code).toBe(1);
    expect(service.logs).toContain('PORT must be an integer');
    expect(service.logs).toContain('ROLE must be one of all, api, worker');
    expect(service.logs).toContain('BOOTSTRAP_ADMIN_KEY must be at least 24 characters long');
    expect(service.logs).not.toContain(secret);
    expect(service.logs).not.toContain('eighty');
  });

  it('serves on its port in the all role, and drains and exits cleanly on SIGTERM', async () => {
    const port = await freePort();
    const adminKey = `admin-${randomBytes(16).toString('hex')}`;
    const service = start({
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: newDatabase(),
      BOOTSTRAP_ADMIN_KEY: adminKey,
    });
    const ready = await waitFor(
      'readiness',
      async () => {
        const response = await fetch(`http://127.0.0.1:${port}/health/ready`);
        return response.status === 200 ? response : undefined;
      },
      30000,
    );
    expect(ready.status).toBe(200);
    const me = await fetch(`http://127.0.0.1:${port}/v1/me`, {
      headers: { authorization: `Bearer ${adminKey}` },
    });
    expect(me.status).toBe(200);

    service.signal('SIGTERM');
    const exit = await service.waitForExit();
    expect(exit).toEqual({ code: 0, signal: null });
    expect(service.logs).toContain('SIGTERM received, draining');
    expect(service.logs).toContain('casebridge: stopped');
    await expect(fetch(`http://127.0.0.1:${port}/health/live`)).rejects.toThrow();
  });

  it('runs workers without an HTTP server in the worker role', async () => {
    const port = await freePort();
    const service = start({ ROLE: 'worker', PORT: String(port), DATABASE_URL: newDatabase() });
    await service.waitForLog(/queue workers started/, 30000);
    expect(service.logs).toContain('"role":"worker"');
    await expect(fetch(`http://127.0.0.1:${port}/health/live`)).rejects.toThrow();

    service.signal('SIGTERM');
    expect(await service.waitForExit()).toEqual({ code: 0, signal: null });
  });
});
