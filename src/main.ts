import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { createHttpApplication, createWorkerApplication } from './bootstrap/create-application.js';
import { EnvironmentError, validateEnvironment } from './config/environment.js';

function fail(message: string): never {
  process.stderr.write(`casebridge: ${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  let environment;
  try {
    environment = validateEnvironment(process.env);
  } catch (error) {
    if (error instanceof EnvironmentError) fail(error.message);
    throw error;
  }

  let app: INestApplicationContext;
  if (environment.ROLE === 'worker') {
    app = await createWorkerApplication(environment);
  } else {
    const http = await createHttpApplication(environment);
    await http.listen(environment.PORT, environment.HOST);
    app = http;
  }

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`casebridge: ${signal} received, draining…\n`);
    // Whatever hangs, the process leaves within SHUTDOWN_TIMEOUT_MS; queued work stays in Redis/PostgreSQL.
    setTimeout(() => fail('shutdown timed out'), environment.SHUTDOWN_TIMEOUT_MS).unref();
    app.close().then(
      () => {
        process.stderr.write('casebridge: stopped\n');
        process.exit(0);
      },
      (error: unknown) => fail(`shutdown failed: ${error instanceof Error ? error.message : String(error)}`),
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  fail(`could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
});
