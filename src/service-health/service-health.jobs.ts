import { Injectable } from '@nestjs/common';
import { OnJob } from '../queue/on-job.decorator.js';
import { type JobData, JobName } from '../queue/queue.types.js';
import { ServiceIncidentsService } from './service-incidents.service.js';

@Injectable()
export class ServiceHealthJobs {
  constructor(private readonly incidents: ServiceIncidentsService) {}

  @OnJob(JobName.PollIncidentFeed)
  pollFeed() {
    return this.incidents.pollFeed();
  }

  @OnJob(JobName.AnnounceIncidentResolution)
  announce(data: JobData<JobName.AnnounceIncidentResolution>) {
    return this.incidents.announceResolution(data.incidentId);
  }
}
