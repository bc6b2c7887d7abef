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
 * The SLA timeline of a case from its stored events: `opened` (at reportedAt), public agent and
 * customer comments, status changes, and severity changes (by an agent or by triage). Internal notes,
 * comments by 21Vianet or the system, and other events do not move a clock.
 */
export function slaTimelineFromCaseEvents(events: readonly StoredCaseEvent[]): SlaTimelineEvent[] {
  const timeline: SlaTimelineEvent[] = [];
  for (const event of events) {
    const { data } = event;
    switch (event.type) {
      case 'opened':
        timeline.push({
          type: 'opened',
          at: typeof data.reportedAt === 'string' ? new Date(data.reportedAt) : event.at,
          severity: SEVERITIES.has(data.severity as string) ? (data.severity as Severity) : 'C',
        });
        break;
      case 'comment_added':
        if (data.visibility !== 'public') break;
        if (data.authorType === 'agent') timeline.push({ type: 'agent_public_reply', at: event.at });
        if (data.authorType === 'customer') timeline.push({ type: 'customer_public_reply', at: event.at });
        break;
      case 'status_changed':
        timeline.push({
          type: 'status_changed',
          at: event.at,
          from: data.from as CaseStatus,
          to: data.to as CaseStatus,
        });
        break;
      case 'updated':
      case 'triaged': {
        const severity = severityChange(data);
        if (severity) timeline.push({ type: 'severity_changed', at: event.at, severity });
        break;
      }
      default:
        break;
    }
  }
  return timeline;
}

export interface DueSlaEvent {
  type: 'sla_warning' | 'sla_breached';
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
