/**
 * Every queue and job of CaseBridge, in one place. A feature adds its job here (name, payload,
 * queue and options in job-definitions.ts) and one `@OnJob` handler; the registry refuses to boot otherwise.
 */
export enum QueueName {
  Maintenance = 'maintenance',
  Sla = 'sla',
  Triage = 'triage',
  ServiceHealth = 'service-health',
  Escalation = 'escalation',
}

export enum JobName {
  PurgeIdempotencyRecords = 'purge-idempotency-records',
  /** Close resolved cases that stayed quiet for AUTO_CLOSE_AFTER_HOURS. */
  AutoCloseResolved = 'auto-close-resolved',
  /** Recompute the SLA clocks of the cases whose timeline events may have moved one (one relay batch). */
  SlaRecomputeCases = 'sla-recompute-cases',
  /** A warning or breach instant of one case has come: recompute it and record what is due. */
  SlaDeadline = 'sla-deadline',
  /** The safety net: every case whose next SLA check has passed or whose SLA state is stale. */
  SlaSweep = 'sla-sweep',
  /** Triage new cases (one relay batch): classify, link duplicates and incidents, move to triaged. */
  TriageCases = 'triage-cases',
  /** The safety net of triage: new cases that should have been triaged by now. */
  TriageSweep = 'triage-sweep',
  /** Read the upstream service-incident feed. */
  PollIncidentFeed = 'poll-incident-feed',
  /** Tell the cases linked to a resolved incident. */
  AnnounceIncidentResolution = 'announce-incident-resolution',
  /** Send one escalation to 21Vianet (one attempt; the next is scheduled on failure). */
  SubmitEscalation = 'submit-escalation',
  /** The escalations' safety net and clock: due attempts whose job was lost, portal follow-up reminders. */
  EscalationSweep = 'escalation-sweep',
  /** Synchronise open escalations with 21Vianet: notes both ways, closure. */
  SyncEscalations = 'sync-escalations',
  /** The SLA policy asks for an automatic escalation of a case. */
  AutoEscalate = 'auto-escalate',
}

type NoData = Record<string, never>;

/** A batch of cases a relay batch concerns; `batchId` derives from its events (the job's id). */
export interface CaseBatch {
  caseIds: string[];
  batchId: string;
}

/** The typed payload of each job. */
export type JobItem =
  | { name: JobName.PurgeIdempotencyRecords; data: NoData }
  | { name: JobName.AutoCloseResolved; data: NoData }
  | { name: JobName.SlaRecomputeCases; data: CaseBatch & { afterIntake: boolean } }
  | {
      name: JobName.SlaDeadline;
      data: { caseId: string; metric: string; kind: 'warning' | 'breach' | 'escalation'; at: string };
    }
  | { name: JobName.SlaSweep; data: NoData }
  | { name: JobName.TriageCases; data: CaseBatch }
  | { name: JobName.TriageSweep; data: NoData }
  | { name: JobName.PollIncidentFeed; data: NoData }
  | { name: JobName.AnnounceIncidentResolution; data: { incidentId: string } }
  | { name: JobName.SubmitEscalation; data: { escalationId: string; attempt: number; delayMs?: number } }
  | { name: JobName.EscalationSweep; data: NoData }
  | { name: JobName.SyncEscalations; data: NoData }
  | { name: JobName.AutoEscalate; data: { caseId: string; eventId: string } };

export type JobData<N extends JobName> = Extract<JobItem, { name: N }>['data'];
