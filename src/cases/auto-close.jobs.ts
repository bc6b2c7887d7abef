import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Environment } from '../config/environment.js';
import { OnJob } from '../queue/on-job.decorator.js';
import { JobName } from '../queue/queue.types.js';
import { CasesService, statusChanges } from './cases.service.js';
import { SYSTEM_ACTOR } from './domain/case.types.js';

const BATCH_SIZE = 200;
const HOUR_MS = 3600_000;

@Injectable()
export class AutoCloseJobs {
  private readonly logger = new Logger(AutoCloseJobs.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesService,
    @Inject(Environment) private readonly environment: Environment,
  ) {}

  /**
   * Closes resolved cases that stayed quiet for AUTO_CLOSE_AFTER_HOURS (a reopen restarts the wait),
   * but never while the customer may still reopen them by a reply (REOPEN_WINDOW_DAYS).
   */
  @OnJob(JobName.AutoCloseResolved)
  async closeQuietCases(): Promise<{ closed: number }> {
    const quietMs = Math.max(
      this.environment.AUTO_CLOSE_AFTER_HOURS * HOUR_MS,
      this.environment.REOPEN_WINDOW_DAYS * 24 * HOUR_MS,
    );
    let closed = 0;
    for (;;) {
      const rows: { id: string }[] = await this.dataSource.query(
        `SELECT id FROM cases WHERE status = 'resolved' AND resolved_at <= now() - make_interval(secs => $1)
         ORDER BY resolved_at LIMIT $2`,
        [quietMs / 1000, BATCH_SIZE],
      );
      for (const { id } of rows) {
        await this.cases.mutate(id, {}, (current, now) => {
          // Checked again under the lock: a customer may have reopened it meanwhile.
          if (current.status !== 'resolved' || !current.resolvedAt) return null;
          if (now.getTime() - current.resolvedAt.getTime() < quietMs) return null;
          closed += 1;
          return {
            changes: statusChanges(current, 'closed', now),
            events: [
              {
                type: 'status_changed',
                actor: SYSTEM_ACTOR,
                data: { from: 'resolved', to: 'closed', reason: 'auto_close' },
              },
            ],
          };
        });
      }
      if (rows.length < BATCH_SIZE) break;
    }
    if (closed > 0) this.logger.log({ closed }, 'quiet resolved cases closed');
    return { closed };
  }
}
