import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleInit,
} from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { Worker } from 'bullmq';
import { Environment } from '../config/environment.js';
import { redisOptionsFromUrl } from '../redis/redis-options.js';
import { ALL_JOBS, ALL_QUEUES, JOB_DEFINITIONS, queueOf } from './job-definitions.js';
import { type DiscoveredHandler, type JobHandler, JobRegistry } from './job-registry.js';
import { JobQueue } from './job-queue.service.js';
import { JOB_HANDLER } from './on-job.decorator.js';
import type { JobName } from './queue.types.js';

/**
 * Repeatable jobs are upserted again this often (or at their own shortest period), so that a
 * flushed Redis gets its schedules back.
 */
const SCHEDULE_KEEPER_INTERVAL_MS = 30_000;

/**
 * Finds every `@OnJob` handler at boot (every role: a missing or doubled handler stops any process),
 * and in the `all` and `worker` roles runs one BullMQ worker per queue and keeps the repeatable jobs
 * scheduled. Shutdown closes the workers after their running jobs finish.
 */
@Injectable()
export class QueueWorkers implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(QueueWorkers.name);
  private readonly workers: Worker[] = [];
  private registry?: JobRegistry;
  private keeper?: NodeJS.Timeout;

  constructor(
    @Inject(Environment) private readonly environment: Environment,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    private readonly jobQueue: JobQueue,
  ) {}

  onModuleInit(): void {
    this.registry = JobRegistry.build(ALL_JOBS, this.discoverHandlers());
  }

  get runsWorkers(): boolean {
    return this.environment.ROLE !== 'api';
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.runsWorkers || !this.registry) return;
    const registry = this.registry;
    const connection = { ...redisOptionsFromUrl(this.environment.REDIS_URL), maxRetriesPerRequest: null };
    for (const queue of ALL_QUEUES) {
      const jobs = registry.jobs.filter((job) => queueOf(job) === queue);
      if (jobs.length === 0) continue;
      const worker = new Worker(queue, (job) => registry.handlerOf(job.name)(job.data), {
        connection,
        prefix: this.environment.QUEUE_PREFIX,
        concurrency: Math.max(...jobs.map((job) => JOB_DEFINITIONS[job].concurrency ?? 1)),
      });
      worker.on('failed', (job, error) =>
        this.logger.warn(
          { queue, job: job?.name, jobId: job?.id, attempt: job?.attemptsMade, err: error },
          'job failed',
        ),
      );
      worker.on('error', (error) => this.logger.error({ queue, err: error }, 'worker error'));
      this.workers.push(worker);
    }
    await this.keepSchedules(registry.jobs).catch((error: unknown) =>
      this.logger.warn({ err: error }, 'repeatable jobs not scheduled yet (Redis unreachable?)'),
    );
    const periods = registry.jobs.flatMap(
      (job) => JOB_DEFINITIONS[job].repeatEveryMs?.(this.environment) ?? [],
    );
    this.keeper = setInterval(
      () => {
        this.keepSchedules(registry.jobs).catch((error: unknown) =>
          this.logger.warn({ err: error }, 'repeatable jobs could not be rescheduled'),
        );
      },
      Math.min(SCHEDULE_KEEPER_INTERVAL_MS, ...periods),
    );
    this.keeper.unref();
    this.logger.log({ queues: this.workers.map((worker) => worker.name) }, 'queue workers started');
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.keeper);
    await Promise.all(this.workers.map((worker) => worker.close()));
    this.workers.length = 0;
  }

  /** Upserts every repeatable job; the same scheduler id from every worker means one schedule, one run per tick. */
  private async keepSchedules(jobs: JobName[]): Promise<void> {
    for (const job of jobs) {
      const every = JOB_DEFINITIONS[job].repeatEveryMs?.(this.environment);
      if (!every) continue;
      await this.jobQueue.queue(queueOf(job)).upsertJobScheduler(job, { every }, { name: job, data: {} });
    }
  }

  private discoverHandlers(): DiscoveredHandler[] {
    return this.discovery.getProviders().flatMap((wrapper) => {
      const instance: unknown = wrapper.instance;
      if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic()) return [];
      const prototype = Object.getPrototypeOf(instance) as object;
      return this.scanner.getAllMethodNames(prototype).flatMap((method) => {
        const handler = (instance as Record<string, unknown>)[method];
        if (typeof handler !== 'function') return [];
        const job = this.reflector.get<JobName | undefined>(JOB_HANDLER, handler as JobHandler);
        if (!job) return [];
        return [
          {
            job,
            owner: `${instance.constructor.name}.${method}`,
            handle: (data: unknown) => (handler as JobHandler).call(instance, data),
          },
        ];
      });
    });
  }
}
