import type { JobsOptions } from 'bullmq';
import { assertNever } from '../common/problems/domain.exception.js';
import type { Environment } from '../config/environment.js';
import { type JobItem, JobName, QueueName } from './queue.types.js';

export interface JobDefinition {
  queue: QueueName;
  /** How many jobs of this queue one worker process runs at once. */
  concurrency?: number;
  /** Repeat every this many milliseconds (a scheduler upserted by every worker, run by one). */
  repeatEveryMs?: (environment: Environment) => number;
}

/** Where each job runs. Typed so that a new JobName without a definition does not compile. */
export const JOB_DEFINITIONS: Record<JobName, JobDefinition> = {
  [JobName.PurgeIdempotencyRecords]: { queue: QueueName.Maintenance, repeatEveryMs: () => 60 * 60 * 1000 },
  [JobName.AutoCloseResolved]: { queue: QueueName.Maintenance, repeatEveryMs: () => 10 * 60 * 1000 },
  [JobName.TriageCase]: { queue: QueueName.Triage, concurrency: 8 },
  [JobName.PollIncidentFeed]: {
    queue: QueueName.ServiceHealth,
    repeatEveryMs: (environment) => environment.INCIDENT_FEED_INTERVAL_MS,
  },
  [JobName.AnnounceIncidentResolution]: { queue: QueueName.ServiceHealth, concurrency: 2 },
  [JobName.SlaRecompute]: { queue: QueueName.Sla, concurrency: 16 },
  [JobName.SlaSweep]: {
    queue: QueueName.Sla,
    repeatEveryMs: (environment) => environment.SLA_SWEEP_INTERVAL_MS,
  },
};

/** The queue of a job. */
export function queueOf(name: JobName): QueueName {
  return JOB_DEFINITIONS[name].queue;
}

const DEFAULT_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/**
 * Options (jobId for de-duplication, delay, attempts, back-off) for one job, from one place.
 * Jobs that need more than the defaults get a case in this switch.
 */
export function jobOptions(item: JobItem, now = Date.now()): JobsOptions {
  switch (item.name) {
    case JobName.SlaRecompute: {
      const { caseId, trigger } = item.data;
      const retries = { attempts: 12, backoff: { type: 'exponential', delay: 100 } };
      if ('eventId' in trigger)
        return { ...DEFAULT_OPTIONS, ...retries, jobId: `sla-recompute.${trigger.eventId}` };
      // One job per case, metric and due instant: rescheduling the same deadline never adds a second timer,
      // and a timer whose deadline has moved finds nothing due when it fires.
      const at = Date.parse(trigger.deadline.at);
      return {
        ...DEFAULT_OPTIONS,
        ...retries,
        jobId: `sla-deadline.${caseId}.${trigger.deadline.metric}.${trigger.deadline.kind}.${at}`,
        delay: Math.max(0, at - now),
      };
    }
    case JobName.TriageCase:
      return { ...DEFAULT_OPTIONS, attempts: 8, jobId: `triage.${item.data.eventId}` };
    case JobName.AnnounceIncidentResolution:
      return { ...DEFAULT_OPTIONS, jobId: `announce-incident.${item.data.incidentId}` };
    case JobName.PurgeIdempotencyRecords:
    case JobName.AutoCloseResolved:
    case JobName.SlaSweep:
    case JobName.PollIncidentFeed:
      return { ...DEFAULT_OPTIONS };
    default:
      return assertNever(item);
  }
}

export const ALL_QUEUES = Object.values(QueueName);
export const ALL_JOBS = Object.values(JobName);
