import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Environment } from '../config/environment.js';
import { PgNotifications } from '../database/pg-notifications.js';
import { JobQueue } from '../queue/job-queue.service.js';
import { jobsForCaseEvents, type PublishedCaseEvent } from './case-event-routes.js';

export const CASE_EVENTS_CHANNEL = 'casebridge_case_events';
const BATCH_SIZE = 500;

/**
 * The outbox relay (worker role): publishes unpublished `case_events` to BullMQ and marks them
 * published, in one transaction per batch. Rows are claimed with FOR UPDATE SKIP LOCKED, so several
 * workers share the work; job ids derive from event ids, so a batch published twice (Redis accepted
 * the jobs, the commit failed) starts nothing twice. Woken by NOTIFY, and polls in case a notification
 * is lost; while Redis is down the events simply wait.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private running = false;
  private wakeAgain = false;
  private stopped = false;
  private poller?: NodeJS.Timeout;
  private draining: Promise<void> = Promise.resolve();
  private lastFailureLoggedAt = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
    private readonly notifications: PgNotifications,
    @Inject(Environment) private readonly environment: Environment,
  ) {}

  onApplicationBootstrap(): void {
    if (this.environment.ROLE === 'api') return;
    this.notifications.subscribe(CASE_EVENTS_CHANNEL, () => this.wake());
    this.notifications.onReset(() => this.wake());
    this.poller = setInterval(() => this.wake(), this.environment.OUTBOX_POLL_INTERVAL_MS);
    this.poller.unref();
    this.wake();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.poller);
    await this.draining;
  }

  /** Publishes until nothing is left; a wake-up during a run makes it look once more. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.wakeAgain = true;
      return;
    }
    this.running = true;
    this.draining = this.drain().finally(() => {
      this.running = false;
    });
  }

  private async drain(): Promise<void> {
    do {
      this.wakeAgain = false;
      try {
        while (!this.stopped && (await this.publishBatch()) === BATCH_SIZE);
      } catch (error) {
        if (Date.now() - this.lastFailureLoggedAt > 30_000) {
          this.lastFailureLoggedAt = Date.now();
          this.logger.warn(
            { err: error },
            'outbox relay could not publish; events wait for the next attempt',
          );
        }
        return;
      }
    } while (this.wakeAgain && !this.stopped);
  }

  /** Publishes one batch; answers how many events it published. */
  async publishBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const events: PublishedCaseEvent[] = await manager.query(
        `SELECT id, case_id AS "caseId", type, data FROM case_events
         WHERE published_at IS NULL ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [BATCH_SIZE],
      );
      if (events.length === 0) return 0;
      await this.jobs.enqueueAll(jobsForCaseEvents(events));
      await manager.query(`UPDATE case_events SET published_at = now() WHERE id = ANY($1::uuid[])`, [
        events.map((event) => event.id),
      ]);
      return events.length;
    });
  }
}
