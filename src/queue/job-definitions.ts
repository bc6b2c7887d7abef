import type { JobsOptions } from 'bullmq';
import { type JobItem, JobName, QueueName } from './queue.types.js';

export interface JobDefinition {
  queue: QueueName;
  /** How many jobs of this queue one worker process runs at once. */
  concurrency?: number;
  /** Repeat every this many milliseconds (a scheduler upserted by every worker, run by one). */
  everyMs?: number;
}

/** Where each job runs. Typed so that a new JobName without a definition does not compile. */
export const JOB_DEFINITIONS: Record<JobName, JobDefinition> = {
  [JobName.PurgeIdempotencyRecords]: { queue: QueueName.Maintenance, everyMs: 60 * 60 * 1000 },
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
export function jobOptions(item: JobItem): JobsOptions {
  switch (item.name) {
    default:
      return { ...DEFAULT_OPTIONS };
  }
}

export const ALL_QUEUES = Object.values(QueueName);
export const ALL_JOBS = Object.values(JobName);
