import { Injectable } from '@nestjs/common';
import { OnJob } from '../queue/on-job.decorator.js';
import { type JobData, JobName } from '../queue/queue.types.js';
import { SlaClockService } from './sla-clock.service.js';

/** A deadline timer fired before the database clock reached its instant (clocks of two hosts differ). */
export class DeadlineNotReachedError extends Error {}

@Injectable()
export class SlaJobs {
  constructor(private readonly clock: SlaClockService) {}

  @OnJob(JobName.SlaRecomputeCases)
  async recomputeCases({ caseIds }: JobData<JobName.SlaRecomputeCases>) {
    const outcomes = await this.clock.recomputeMany(caseIds);
    return {
      cases: caseIds.length,
      recorded: [...outcomes.values()].reduce((sum, outcome) => sum + outcome.recorded, 0),
    };
  }

  @OnJob(JobName.SlaDeadline)
  async deadline({ caseId, at }: JobData<JobName.SlaDeadline>) {
    const outcome = await this.clock.recompute(caseId);
    // The clocks are read from PostgreSQL's clock: if it has not reached the deadline yet, the job
    // fails and BullMQ retries it shortly (a reschedule under the same job id would be ignored).
    if (outcome.next && outcome.next.at.getTime() <= Date.parse(at)) {
      throw new DeadlineNotReachedError(`deadline ${at} not reached by the database clock yet`);
    }
    return outcome;
  }

  @OnJob(JobName.SlaSweep)
  sweep() {
    return this.clock.sweep();
  }
}
