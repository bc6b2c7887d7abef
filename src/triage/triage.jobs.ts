import { Injectable } from '@nestjs/common';
import { OnJob } from '../queue/on-job.decorator.js';
import { type JobData, JobName } from '../queue/queue.types.js';
import { TriageService } from './triage.service.js';

@Injectable()
export class TriageJobs {
  constructor(private readonly triage: TriageService) {}

  @OnJob(JobName.TriageCases)
  triageCases(data: JobData<JobName.TriageCases>) {
    return this.triage.triageMany(data.caseIds);
  }

  @OnJob(JobName.TriageSweep)
  sweep() {
    return this.triage.sweep();
  }
}
