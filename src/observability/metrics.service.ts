import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { ALL_QUEUES } from '../queue/job-definitions.js';
import { JobQueue } from '../queue/job-queue.service.js';

const JOB_STATES = [
  'waiting',
  'active',
  'delayed',
  'failed',
  'completed',
  'prioritized',
  'waiting-children',
] as const;

/**
 * Prometheus metrics of this process (`GET /metrics`): Node's own, HTTP request durations, queue
 * depths per queue and state, and the outbox backlog. Queue depths and the backlog are read at
 * scrape time. One registry per application, so several apps in one process never collide.
 */
@Injectable()
export class MetricsService implements OnModuleDestroy {
  readonly registry = new Registry();
  readonly httpDuration: Histogram<'method' | 'route' | 'status'>;

  constructor(jobs: JobQueue, @InjectDataSource() dataSource: DataSource) {
    collectDefaultMetrics({ register: this.registry, prefix: 'casebridge_' });
    this.httpDuration = new Histogram({
      name: 'casebridge_http_request_duration_seconds',
      help: 'HTTP request durations by method, route and status code',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [this.registry],
    });
    new Gauge({
      name: 'casebridge_queue_jobs',
      help: 'BullMQ jobs per queue and state',
      labelNames: ['queue', 'state'],
      registers: [this.registry],
      async collect() {
        for (const name of ALL_QUEUES) {
          const counts = await jobs.queue(name).getJobCounts(...JOB_STATES);
          for (const state of JOB_STATES) this.set({ queue: name, state }, counts[state] ?? 0);
        }
      },
    });
    new Gauge({
      name: 'casebridge_outbox_unpublished_events',
      help: 'Timeline events not yet handed to the queues by the outbox relay',
      registers: [this.registry],
      async collect() {
        const rows: { count: number }[] = await dataSource.query(
          `SELECT count(*)::int AS count FROM case_events WHERE published_at IS NULL`,
        );
        this.set(rows[0].count);
      },
    });
  }

  onModuleDestroy(): void {
    this.registry.clear();
  }
}
