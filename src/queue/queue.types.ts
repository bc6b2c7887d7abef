/**
 * Every queue and job of CaseBridge, in one place. A feature adds its job here (name, payload,
 * queue, options) and one `@OnJob` handler; the registry refuses to boot otherwise.
 */
export enum QueueName {
  Maintenance = 'maintenance',
}

// Jobs arrive with the features that need them (cases, SLA timers, triage, escalation).
export enum JobName {}

/** The typed payload of each job: `{ name: JobName.X; data: {...} }`. */
export type JobItem = never;

export type JobData<N extends JobName> = Extract<JobItem, { name: N }>['data'];
