/**
 * Every queue and job of CaseBridge, in one place. A feature adds its job here (name, payload,
 * queue and options in job-definitions.ts) and one `@OnJob` handler; the registry refuses to boot otherwise.
 */
export enum QueueName {
  Maintenance = 'maintenance',
  Sla = 'sla',
}

export enum JobName {
  PurgeIdempotencyRecords = 'purge-idempotency-records',
  /** Recompute a case's SLA clocks: after a timeline event, or when a warning or breach falls due. */
  SlaRecompute = 'sla-recompute',
  /** The safety net: every case whose next SLA check has passed or whose SLA state is stale. */
  SlaSweep = 'sla-sweep',
}

/** What made an SLA recompute necessary: a timeline event, or a deadline (a delayed job). */
export type SlaTrigger =
  { eventId: string } | { deadline: { metric: string; kind: 'warning' | 'breach'; at: string } };

/** The typed payload of each job. */
export type JobItem =
  | { name: JobName.PurgeIdempotencyRecords; data: Record<string, never> }
  | { name: JobName.SlaRecompute; data: { caseId: string; trigger: SlaTrigger } }
  | { name: JobName.SlaSweep; data: Record<string, never> };

export type JobData<N extends JobName> = Extract<JobItem, { name: N }>['data'];
