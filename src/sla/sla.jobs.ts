import { Injectable } from '@nestjs/common';
import { OnJob } from '../queue/on-job.decorator.js';
import { type JobData, JobName } from '../queue/queue.types.js';
import { SlaClockService } from './sla-clock.service.js';

/** A deadline timer fired before the database clock reached its instant (clocks of two hosts differ). */
export class DeadlineNotReachedError extends Error {}

@Injectable()
export class SlaJobs {
  constructor(private readonly clock: SlaClockService) {}

  @OnJob(JobName.SlaRecompute)
  async recompute({ caseId, trigger }: JobData<JobName.SlaRecompute>) {
    const outcome = await this.clock.recompute(caseId);
    // The clocks are read from PostgreSQL's clock: if it has not reached the deadline yet, the job
    // fails and BullMQ retries it shortly (a reschedule under the same job id would be ignored).
    if (
      'deadline' in trigger &&
      outcome.next &&
      outcome.next.at.getTime() <= Date.parse(trigger.deadline.at)
    ) {
      throw new DeadlineNotReachedError(
        `deadline ${trigger.deadline.at} not reached by the database clock yet`,
      );
    }
    return outcome;
  }

  @OnJob(JobName.SlaSweep)
  sweep() {
    return this.clock.sweep();
  }
}
