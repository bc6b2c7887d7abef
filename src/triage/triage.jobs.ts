import { Injectable } from '@nestjs/common';
import { OnJob } from '../queue/on-job.decorator.js';
import { type JobData, JobName } from '../queue/queue.types.js';
import { TriageService } from './triage.service.js';

@Injectable()
export class TriageJobs {
  constructor(private readonly triage: TriageService) {}

  @OnJob(JobName.TriageCase)
  triageCase(data: JobData<JobName.TriageCase>) {
    return this.triage.triage(data.caseId);
  }
}
