import { Logger } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { ALL_QUEUES, jobOptions, queueOf } from './job-definitions.js';
import type { JobItem, QueueName } from './queue.types.js';

const ERROR_LOG_INTERVAL_MS = 30_000;

/**
 * Enqueues typed jobs with the options `jobOptions` gives them. Built by `QueueModule` from the queues
 * themselves, so it listens to their errors from the start: a queue's connection error with no listener
 * would go to console.error instead of the log.
 */
export class JobQueue {
  private readonly logger = new Logger(JobQueue.name);

  constructor(private readonly queues: ReadonlyMap<QueueName, Queue>) {
    for (const name of ALL_QUEUES) {
      // While Redis is away every queue reports each reconnection attempt: log the first, then rarely.
      let lastLoggedAt = 0;
      this.queue(name).on('error', (error) => {
        if (Date.now() - lastLoggedAt < ERROR_LOG_INTERVAL_MS) return;
        lastLoggedAt = Date.now();
        this.logger.warn({ queue: name, err: error }, 'queue cannot reach Redis');
      });
    }
  }

  async enqueue(item: JobItem): Promise<Job> {
    return this.queue(queueOf(item.name)).add(item.name, item.data, jobOptions(item));
  }

  /** Enqueues many jobs, one round trip per queue. */
  async enqueueAll(items: readonly JobItem[]): Promise<void> {
    const byQueue = new Map<QueueName, JobItem[]>();
    for (const item of items) {
      const queue = queueOf(item.name);
      byQueue.set(queue, [...(byQueue.get(queue) ?? []), item]);
    }
    await Promise.all(
      [...byQueue].map(([queue, jobs]) =>
        this.queue(queue).addBulk(
          jobs.map((job) => ({ name: job.name, data: job.data, opts: jobOptions(job) })),
        ),
      ),
    );
  }

  queue(name: QueueName): Queue {
    const queue = this.queues.get(name);
    if (!queue) throw new Error(`no queue named ${name}`);
    return queue;
  }
}
