/**
 * Every queue and job of CaseBridge, in one place. A feature adds its job here (name, payload,
 * queue, options in job-definitions.ts) and one `@OnJob` handler; the registry refuses to boot otherwise.
 */
export enum QueueName {
  Maintenance = 'maintenance',
}

export enum JobName {
  PurgeIdempotencyRecords = 'purge-idempotency-records',
}

/** The typed payload of each job. */
export type JobItem = { name: JobName.PurgeIdempotencyRecords; data: Record<string, never> };

export type JobData<N extends JobName> = Extract<JobItem, { name: N }>['data'];
