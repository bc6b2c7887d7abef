/**
 * Every queue and job of CaseBridge, in one place. A feature adds its job here (name, payload,
 * queue and options in job-definitions.ts) and one `@OnJob` handler; the registry refuses to boot otherwise.
 */
export enum QueueName {
  Maintenance = 'maintenance',
  Sla = 'sla',
  Triage = 'triage',
  ServiceHealth = 'service-health',
}

export enum JobName {
  PurgeIdempotencyRecords = 'purge-idempotency-records',
  /** Close resolved cases that stayed quiet for AUTO_CLOSE_AFTER_HOURS. */
  AutoCloseResolved = 'auto-close-resolved',
  /** Recompute a case's SLA clocks: after a timeline event, or when a warning or breach falls due. */
  SlaRecompute = 'sla-recompute',
  /** The safety net: every case whose next SLA check has passed or whose SLA state is stale. */
  SlaSweep = 'sla-sweep',
  /** Classify a new case, link duplicates and incidents, move it to triaged. */
  TriageCase = 'triage-case',
  /** Read the upstream service-incident feed. */
  PollIncidentFeed = 'poll-incident-feed',
  /** Tell the cases linked to a resolved incident. */
  AnnounceIncidentResolution = 'announce-incident-resolution',
}

/** What made an SLA recompute necessary: a timeline event, or a deadline (a delayed job). */
export type SlaTrigger =
  { eventId: string } | { deadline: { metric: string; kind: 'warning' | 'breach'; at: string } };

type NoData = Record<string, never>;

/** The typed payload of each job. */
export type JobItem =
  | { name: JobName.PurgeIdempotencyRecords; data: NoData }
  | { name: JobName.AutoCloseResolved; data: NoData }
  | { name: JobName.SlaRecompute; data: { caseId: string; trigger: SlaTrigger } }
  | { name: JobName.SlaSweep; data: NoData }
  | { name: JobName.TriageCase; data: { caseId: string; eventId: string } }
  | { name: JobName.PollIncidentFeed; data: NoData }
  | { name: JobName.AnnounceIncidentResolution; data: { incidentId: string } };

export type JobData<N extends JobName> = Extract<JobItem, { name: N }>['data'];
