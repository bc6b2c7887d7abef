/** Types of the pure SLA clock. The service layer maps entities to and from these. */

export type Severity = 'A' | 'B' | 'C';

export const SEVERITIES: readonly Severity[] = ['A', 'B', 'C'];

export type SlaMetric = 'first_response' | 'next_response' | 'resolution';

export type CaseStatus =
  'new' | 'triaged' | 'in_progress' | 'awaiting_customer' | 'escalated' | 'resolved' | 'closed';

/** One weekly opening interval, in the calendar's local wall-clock time. */
export interface WeeklyInterval {
  /** 0-6, 0 = Sunday. */
  day: number;
  /** 'HH:MM', 00:00-23:59. */
  start: string;
  /** 'HH:MM', after `start`; '24:00' means the end of that local day. */
  end: string;
}

export type SlaCalendar =
  | { type: '24x7' }
  | {
      type: 'business_hours';
      /** IANA time zone, e.g. 'Asia/Shanghai'. */
      timeZone: string;
      weekly: WeeklyInterval[];
      /** 'YYYY-MM-DD' local dates, closed all day. */
      holidays: string[];
    };

export type BusinessHoursCalendar = Extract<SlaCalendar, { type: 'business_hours' }>;

/** Targets in minutes of open calendar time. */
export interface SlaTargets {
  first_response: number;
  next_response?: number | null;
  resolution: number;
}

/** Escalate to 21Vianet, automatically, cases of these severities still unresolved at this percent of their resolution target. */
export interface AutoEscalationRule {
  atPercent: number;
  severities: Severity[];
}

export interface SlaPolicyRules {
  calendar: SlaCalendar;
  pauseWhileEscalated: boolean;
  /** Percent of the target at which a warning is due, 1-99. */
  warnAtPercent: number;
  targets: Record<Severity, SlaTargets>;
  /** Off when absent or null. */
  autoEscalation?: AutoEscalationRule | null;
}

export type SlaTimelineEvent =
  /** `at` = the case's reportedAt; always first. */
  | { type: 'opened'; at: Date; severity: Severity }
  | { type: 'agent_public_reply'; at: Date }
  | { type: 'customer_public_reply'; at: Date }
  | { type: 'status_changed'; at: Date; from: CaseStatus; to: CaseStatus }
  | { type: 'severity_changed'; at: Date; severity: Severity };

export interface SlaMetricResult {
  metric: SlaMetric;
  /** 1-based; next_response starts a new cycle per customer reply that follows an agent reply. */
  cycle: number;
  state: 'running' | 'paused' | 'completed';
  targetMinutes: number;
  /** floor(counted open ms / 1000), up to completion or now. */
  elapsedSeconds: number;
  /** Null while paused; for a completed metric the due instant it had (null if it completed while paused on time). */
  dueAt: Date | null;
  /** Instant at which warnAtPercent % of the target is counted; null while paused. A warning is due once now >= warnAt. */
  warnAt: Date | null;
  /** resolution only, under an auto-escalation rule for the severity: the instant the case should be escalated. */
  escalateAt: Date | null;
  /** True once the clock ran past dueAt: now > dueAt (running), completedAt > dueAt (completed). */
  breached: boolean;
  breachedAt: Date | null;
  completedAt: Date | null;
}
