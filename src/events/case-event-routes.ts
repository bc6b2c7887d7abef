import { type JobItem, JobName } from '../queue/queue.types.js';
import { CLOCK_EVENT_TYPES } from '../sla/domain/case-sla-timeline.js';

export interface PublishedCaseEvent {
  id: string;
  caseId: string;
  type: string;
}

const CLOCK_EVENTS = new Set<string>(CLOCK_EVENT_TYPES);

/**
 * The jobs each timeline event starts (one per consumer, so each retries on its own). Their job ids
 * derive from the event id, so publishing an event twice never runs a consumer twice.
 */
export function jobsForCaseEvent(event: PublishedCaseEvent): JobItem[] {
  const jobs: JobItem[] = [];
  if (event.type === 'opened') {
    jobs.push({ name: JobName.TriageCase, data: { caseId: event.caseId, eventId: event.id } });
  }
  if (CLOCK_EVENTS.has(event.type)) {
    jobs.push({ name: JobName.SlaRecompute, data: { caseId: event.caseId, trigger: { eventId: event.id } } });
  }
  return jobs;
}
