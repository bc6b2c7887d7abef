import type { INestApplicationContext } from '@nestjs/common';
import helmet from 'helmet';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppModule } from '../app.module.js';
import type { Environment } from '../config/environment.js';
import { prepareDatabase } from '../database/prepare-database.js';
import { requestIdOf } from '../logging/logger-options.js';
import { MetricsService } from '../observability/metrics.service.js';
import { mountQueueDashboard } from '../observability/queue-dashboard.js';
import { serveOpenApi } from './openapi.js';

/** The version in package.json, found from this file whether it runs from src/ (tests) or dist/src/. */
function packageVersion(): string {
  for (
    let directory = import.meta.dirname;
    directory !== dirname(directory);
    directory = dirname(directory)
  ) {
    const candidate = join(directory, 'package.json');
    if (existsSync(candidate))
      return (JSON.parse(readFileSync(candidate, 'utf8')) as { version: string }).version;
  }
  return '0.0.0';
}

/** The HTTP application (`ROLE` all or api), configured but not yet listening. */
export async function createHttpApplication(environment: Environment): Promise<NestFastifyApplication> {
  await prepareDatabase(environment);
  const adapter = new FastifyAdapter({
    bodyLimit: environment.BODY_LIMIT_BYTES,
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    genReqId: requestIdOf,
  });
  // Security headers from helmet, built once (the Swagger UI at /docs loads its own scripts and styles).
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'validator.swagger.io'],
        // Plain-HTTP installations (a laptop, an internal network) must still load /docs and /queues.
        upgradeInsecureRequests: null,
      },
    },
  });
  adapter.getInstance().addHook('onRequest', (request, reply, done) => {
    reply.raw.setHeader('x-request-id', request.id);
    securityHeaders(request.raw, reply.raw, (error?: unknown) =>
      done(error instanceof Error ? error : undefined),
    );
  });
  // JSON only: Fastify's own JSON parser (bodyLimit, prototype-poisoning checks); no text or form bodies.
  adapter.getInstance().removeContentTypeParser('text/plain');
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(environment), adapter, {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.flushLogs();
  const metrics = app.get(MetricsService);
  adapter.getInstance().addHook('onResponse', (request, reply, done) => {
    metrics.httpDuration.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
    done();
  });
  serveOpenApi(app, packageVersion());
  await mountQueueDashboard(app);
  await app.init();
  return app;
}

/** The worker process (`ROLE=worker`): queue workers and schedulers, no HTTP server. */
export async function createWorkerApplication(environment: Environment): Promise<INestApplicationContext> {
  await prepareDatabase(environment);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(environment), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.flushLogs();
  await app.init();
  return app;
}
