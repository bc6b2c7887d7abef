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
  [JobName.TriageCases]: { queue: QueueName.Triage, concurrency: 4 },
  [JobName.TriageSweep]: { queue: QueueName.Triage, repeatEveryMs: () => 60_000 },
  [JobName.PollIncidentFeed]: {
    queue: QueueName.ServiceHealth,
    repeatEveryMs: (environment) => environment.INCIDENT_FEED_INTERVAL_MS,
  },
  [JobName.AnnounceIncidentResolution]: { queue: QueueName.ServiceHealth, concurrency: 2 },
  [JobName.SubmitEscalation]: { queue: QueueName.Escalation, concurrency: 8 },
  [JobName.EscalationSweep]: { queue: QueueName.Escalation, repeatEveryMs: () => 30_000 },
  [JobName.SyncEscalations]: {
    queue: QueueName.Escalation,
    repeatEveryMs: (environment) => environment.VIANET_SYNC_INTERVAL_MS,
  },
  [JobName.AutoEscalate]: { queue: QueueName.Escalation, concurrency: 2 },
  [JobName.SlaRecomputeCases]: { queue: QueueName.Sla, concurrency: 4 },
  [JobName.SlaDeadline]: { queue: QueueName.Sla, concurrency: 16 },
  [JobName.SlaSweep]: {
    queue: QueueName.Sla,
    repeatEveryMs: (environment) => environment.SLA_SWEEP_INTERVAL_MS,
  },
};

/** The queue of a job. */
export function queueOf(name: JobName): QueueName {
  return JOB_DEFINITIONS[name].queue;
}

/** How long after intake a new case's SLA clocks are first computed (see SlaRecomputeCases below). */
export const SLA_AFTER_OPENED_DELAY_MS = 1000;

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
  const quickRetries = { attempts: 12, backoff: { type: 'exponential', delay: 100 } };
  switch (item.name) {
    case JobName.SlaRecomputeCases:
      return {
        ...DEFAULT_OPTIONS,
        ...quickRetries,
        jobId: `sla-batch.${item.data.batchId}`,
        // New cases get their clocks a moment after intake, when triage has usually set the severity:
        // one computation (and one commit) instead of two; the later one then finds nothing to do.
        delay: item.data.afterIntake ? SLA_AFTER_OPENED_DELAY_MS : 0,
      };
    case JobName.SlaDeadline: {
      // One job per case, metric and due instant: rescheduling the same deadline never adds a second
      // timer, and a timer whose deadline has moved finds nothing due when it fires.
      const { caseId, metric, kind, at } = item.data;
      const dueAt = Date.parse(at);
      return {
        ...DEFAULT_OPTIONS,
        ...quickRetries,
        jobId: `sla-deadline.${caseId}.${metric}.${kind}.${dueAt}`,
        delay: Math.max(0, dueAt - now),
      };
    }
    case JobName.TriageCases:
      return { ...DEFAULT_OPTIONS, ...quickRetries, jobId: `triage.${item.data.batchId}` };
    case JobName.AnnounceIncidentResolution:
      return { ...DEFAULT_OPTIONS, jobId: `announce-incident.${item.data.incidentId}` };
    case JobName.SubmitEscalation:
      // One job per attempt; the escalation row (state, lease, next attempt) is the truth, not the job.
      return {
        ...DEFAULT_OPTIONS,
        attempts: 3,
        jobId: `escalation.${item.data.escalationId}.${item.data.attempt}`,
        delay: item.data.delayMs ?? 0,
      };
    case JobName.AutoEscalate:
      return { ...DEFAULT_OPTIONS, jobId: `auto-escalate.${item.data.eventId}` };
    case JobName.PurgeIdempotencyRecords:
    case JobName.AutoCloseResolved:
    case JobName.SlaSweep:
    case JobName.TriageSweep:
    case JobName.PollIncidentFeed:
    case JobName.EscalationSweep:
    case JobName.SyncEscalations:
      return { ...DEFAULT_OPTIONS };
    default:
      return assertNever(item);
  }
}

export const ALL_QUEUES = Object.values(QueueName);
export const ALL_JOBS = Object.values(JobName);
