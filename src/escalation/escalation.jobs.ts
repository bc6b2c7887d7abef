import { Injectable } from '@nestjs/common';
import { OnJob } from '../queue/on-job.decorator.js';
import { type JobData, JobName } from '../queue/queue.types.js';
import { EscalationSubmitter } from './escalation-submitter.service.js';
import { EscalationSync } from './escalation-sync.service.js';
import { EscalationsService } from './escalations.service.js';

@Injectable()
export class EscalationJobs {
  constructor(
    private readonly submitter: EscalationSubmitter,
    private readonly sync: EscalationSync,
    private readonly escalations: EscalationsService,
  ) {}

  @OnJob(JobName.SubmitEscalation)
  submit(data: JobData<JobName.SubmitEscalation>) {
    return this.submitter.submit(data.escalationId);
  }

  @OnJob(JobName.EscalationSweep)
  sweep() {
    return this.sync.sweep();
  }

  @OnJob(JobName.SyncEscalations)
  synchronise() {
    return this.sync.sync();
  }

  @OnJob(JobName.AutoEscalate)
  autoEscalate(data: JobData<JobName.AutoEscalate>) {
    return this.escalations.autoEscalate(data.caseId);
  }
}
