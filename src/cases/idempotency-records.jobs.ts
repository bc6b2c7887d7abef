import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { rawQuery } from '../database/raw-query.js';
import { OnJob } from '../queue/on-job.decorator.js';
import { JobName } from '../queue/queue.types.js';
import { IDEMPOTENCY_TTL_HOURS } from './case-intake.service.js';

const BATCH_SIZE = 10_000;

@Injectable()
export class IdempotencyRecordsJobs {
  private readonly logger = new Logger(IdempotencyRecordsJobs.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Deletes idempotency records older than 24 hours, in batches so no lock is held long. */
  @OnJob(JobName.PurgeIdempotencyRecords)
  async purgeExpired(): Promise<{ deleted: number }> {
    let deleted = 0;
    for (;;) {
      const { affected: count } = await rawQuery(
        this.dataSource.manager,
        `DELETE FROM idempotency_records WHERE ctid IN (
           SELECT ctid FROM idempotency_records
           WHERE created_at < now() - make_interval(hours => $1) LIMIT $2)`,
        [IDEMPOTENCY_TTL_HOURS, BATCH_SIZE],
      );
      deleted += count;
      if (count < BATCH_SIZE) break;
    }
    if (deleted > 0) this.logger.log({ deleted }, 'expired idempotency records purged');
    return { deleted };
  }
}
