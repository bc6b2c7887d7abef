import { createHash } from 'node:crypto';
import { type JobItem, JobName } from '../queue/queue.types.js';
import { movesSlaClock } from '../sla/domain/case-sla-timeline.js';

export interface PublishedCaseEvent {
  id: string;
  caseId: string;
  type: string;
  data: Record<string, unknown>;
}

/** A batch id derived from its events, so that publishing the same events again names the same job. */
function batchIdOf(events: readonly PublishedCaseEvent[]): string {
  const hash = createHash('sha256');
  for (const id of events.map((event) => event.id).sort()) hash.update(id);
  return hash.digest('hex').slice(0, 32);
}

const caseIdsOf = (events: readonly PublishedCaseEvent[]) => [
  ...new Set(events.map((event) => event.caseId)),
];

/**
 * The jobs one relay batch of timeline events starts, one per consumer so each retries on its own:
 * new cases are triaged (and get their first clocks a moment later); other events that can move a
 * clock recompute their cases' SLA. Consumers work on whole batches: under load, one job serves
 * hundreds of cases.
 */
export function jobsForCaseEvents(events: readonly PublishedCaseEvent[]): JobItem[] {
  const jobs: JobItem[] = [];
  const opened = events.filter((event) => event.type === 'opened');
  if (opened.length > 0) {
    const batch = { caseIds: caseIdsOf(opened), batchId: batchIdOf(opened) };
    jobs.push({ name: JobName.TriageCases, data: batch });
    jobs.push({ name: JobName.SlaRecomputeCases, data: { ...batch, afterIntake: true } });
  }
  for (const event of events.filter((candidate) => candidate.type === 'sla_escalation_due')) {
    jobs.push({ name: JobName.AutoEscalate, data: { caseId: event.caseId, eventId: event.id } });
  }
  const clockEvents = events.filter((event) => event.type !== 'opened' && movesSlaClock(event));
  if (clockEvents.length > 0) {
    jobs.push({
      name: JobName.SlaRecomputeCases,
      data: { caseIds: caseIdsOf(clockEvents), batchId: batchIdOf(clockEvents), afterIntake: false },
    });
  }
  return jobs;
}
