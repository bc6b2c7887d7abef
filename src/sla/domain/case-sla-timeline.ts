import type { CaseStatus, Severity, SlaMetricResult, SlaTimelineEvent } from './sla.types.js';

/** A stored case event, as the SLA reads it (`case_events` rows). */
export interface StoredCaseEvent {
  type: string;
  at: Date;
  data: Record<string, unknown>;
}

/** The case event types that can move an SLA clock. */
export const CLOCK_EVENT_TYPES = ['opened', 'comment_added', 'status_changed', 'updated', 'triaged'] as const;

const SEVERITIES = new Set(['A', 'B', 'C']);

function severityChange(data: Record<string, unknown>): Severity | null {
  const changes = data.changes as Record<string, { to?: unknown }> | undefined;
  const to = changes?.severity?.to;
  return typeof to === 'string' && SEVERITIES.has(to) ? (to as Severity) : null;
}

/**
 * The SLA meaning of one stored event, or null: `opened` (at reportedAt), public agent and customer
 * comments, status changes, and severity changes (by an agent or by triage). Internal notes, comments
 * by 21Vianet or the system, and other events do not move a clock.
 */
export function slaEventOf(event: StoredCaseEvent): SlaTimelineEvent | null {
  const { data } = event;
  switch (event.type) {
    case 'opened':
      return {
        type: 'opened',
        at: typeof data.reportedAt === 'string' ? new Date(data.reportedAt) : event.at,
        severity: SEVERITIES.has(data.severity as string) ? (data.severity as Severity) : 'C',
      };
    case 'comment_added':
      if (data.visibility !== 'public') return null;
      if (data.authorType === 'agent') return { type: 'agent_public_reply', at: event.at };
      if (data.authorType === 'customer') return { type: 'customer_public_reply', at: event.at };
      return null;
    case 'status_changed':
      return {
        type: 'status_changed',
        at: event.at,
        from: data.from as CaseStatus,
        to: data.to as CaseStatus,
      };
    case 'updated':
    case 'triaged': {
      const severity = severityChange(data);
      return severity ? { type: 'severity_changed', at: event.at, severity } : null;
    }
    default:
      return null;
  }
}

/**
 * The SLA timeline of a case from its stored events, in their stored order (`seq`). Times never go
 * backwards along it: an event stored after another but stamped a moment earlier (two hosts' clocks, two
 * transactions) counts at the later time, so the order of events is the order they were stored in.
 */
export function slaTimelineFromCaseEvents(events: readonly StoredCaseEvent[]): SlaTimelineEvent[] {
  let latest = -Infinity;
  const timeline: SlaTimelineEvent[] = [];
  for (const event of events) {
    const mapped = slaEventOf(event);
    if (!mapped) continue;
    if (mapped.type === 'opened') {
      timeline.push(mapped);
      continue;
    }
    latest = Math.max(latest, mapped.at.getTime());
    timeline.push({ ...mapped, at: new Date(latest) });
  }
  return timeline;
}

/** Statuses whose entry or exit pauses, resumes or completes a clock. */
const CLOCK_STATUSES: ReadonlySet<string> = new Set(['awaiting_customer', 'escalated', 'resolved', 'closed']);

/**
 * Whether an event can move a clock, so that the case's SLA must be recomputed (e.g. new → triaged
 * or triaged → in_progress change nothing: no clock pauses or completes there).
 */
export function movesSlaClock(event: Pick<StoredCaseEvent, 'type' | 'data'>): boolean {
  if (event.type === 'status_changed') {
    return CLOCK_STATUSES.has(event.data.from as string) || CLOCK_STATUSES.has(event.data.to as string);
  }
  return slaEventOf({ ...event, at: new Date(0) }) !== null;
}

export interface DueSlaEvent {
  type: 'sla_warning' | 'sla_breached' | 'sla_escalation_due';
  metric: SlaMetricResult['metric'];
  cycle: number;
  /** The instant it became due (warnAt, or the breach instant). */
  dueAt: Date;
}

/**
 * The warnings and breaches due at `now`: a warning while the metric has not completed and its
 * warning instant has passed; a breach whenever the metric is breached. The caller records each once
 * per metric and cycle (a unique index), so asking again changes nothing.
 */
export function dueSlaEvents(results: readonly SlaMetricResult[], now: Date): DueSlaEvent[] {
  const due: DueSlaEvent[] = [];
  for (const result of results) {
    if (result.state !== 'completed' && result.warnAt && result.warnAt <= now) {
      due.push({ type: 'sla_warning', metric: result.metric, cycle: result.cycle, dueAt: result.warnAt });
    }
    if (result.state === 'running' && result.escalateAt && result.escalateAt <= now) {
      due.push({
        type: 'sla_escalation_due',
        metric: result.metric,
        cycle: result.cycle,
        dueAt: result.escalateAt,
      });
    }
    if (result.breached && result.breachedAt) {
      due.push({
        type: 'sla_breached',
        metric: result.metric,
        cycle: result.cycle,
        dueAt: result.breachedAt,
      });
    }
  }
  return due;
}
