import { MINUTE_MS } from './business-hours.js';
import { addOpenMsFrom, countOpenMsBetween } from './calendar.js';
import { SlaDomainException, SlaDomainExceptionCode } from './sla-domain.exception.js';
import type {
  CaseStatus,
  Severity,
  SlaCalendar,
  SlaMetric,
  SlaMetricResult,
  SlaPolicyRules,
  SlaTimelineEvent,
} from './sla.types.js';

/**
 * The SLA clock: a pure function of (policy, the case's timeline, now) → the state of each metric.
 *
 * Model. Each metric (and each next_response cycle) is a list of runs: spans of time during which its
 * clock runs. A run ends when the metric pauses, completes, or at `now`. Counted time = open calendar time
 * inside the runs. The target is the one of the severity in force now (running/paused) or at completion
 * (completed); a severity change re-targets the whole metric against the time already counted.
 *
 * Due and breach. For each run in order, with C = time counted before it and T the target: if the run can
 * reach T, its due instant is addOpenMs(run start, T - C) (the first instant the counted time reaches T). The
 * metric is breached when a run went on past its due instant: a paused or completed run ended after it, or
 * the running one has now > due (strictly: completing, pausing or being evaluated exactly at the due instant
 * is on time). breachedAt = that due instant. Only "running past" the due instant breaches: closed calendar
 * hours after the due instant count (a reply on Friday 18:01 misses a Friday 18:00 due), paused time does not.
 * A metric paused exactly at its due instant is not breached; when it resumes, T - C = 0 and the due instant
 * is the resume instant.
 *
 * Re-target after a breach (decision): the breach is recomputed from the timeline with the new target, so
 * raising the target (e.g. severity A → C) un-breaches the metric exactly when its new due instant is not yet
 * passed (now <= new dueAt); lowering it can breach at once. A pause never un-breaches. The breach events the
 * service layer has already recorded are history and stay on the timeline.
 *
 * warnAt is the same computation for warnAtPercent % of the target; a warning is due once now >= warnAt.
 *
 * Timeline handling: events after `now` are ignored; events are taken in (at, array order) order, `opened`
 * first (an event dated before reportedAt counts as happening at reportedAt). Status before any change is
 * `new`. Decisions where the brief was open:
 * - first_response completes on the first agent reply or on resolution (→ resolved/closed); a later reopen
 *   does not restart it.
 * - next_response: a resolution (→ resolved/closed) ends the running cycle and, like an agent reply, arms the
 *   next customer reply to start a new cycle (so a customer writing back after a resolution is answered on
 *   the clock). A customer reply that arrives while the case is resolved/closed starts its cycle only when the
 *   case is reopened, at the reopen instant. The cycle number counts every cycle that started.
 * - resolution: `closed` from an open status completes it; `closed` after `resolved` keeps the resolution
 *   instant; a reopen resumes with the time counted (running, or paused if reopened into a pausing status).
 * - An `opened` after the first is ignored. An `opened` later than `now` gives no metrics.
 */

interface Run {
  start: number;
  /** Null while the run is open (it ends at now). */
  end: number | null;
  /** Whether the run was ended by the metric's completion (else by a pause). */
  endedByCompletion: boolean;
}

interface MetricTrack {
  runs: Run[];
  completedAt: number | null;
  severityAtCompletion: Severity | null;
}

interface CountedRun {
  start: number;
  end: number;
  countedBefore: number;
  counted: number;
  /** The last run and the clock still runs, or stopped by completion: it carries the due instant. */
  live: boolean;
}

interface Crossing {
  at: number;
  passed: boolean;
}

const TERMINAL_STATUSES: ReadonlySet<CaseStatus> = new Set<CaseStatus>(['resolved', 'closed']);

function startTrack(at: number): MetricTrack {
  return {
    runs: [{ start: at, end: null, endedByCompletion: false }],
    completedAt: null,
    severityAtCompletion: null,
  };
}

function isRunning(track: MetricTrack): boolean {
  const last = track.runs[track.runs.length - 1];
  return track.completedAt === null && last !== undefined && last.end === null;
}

function pause(track: MetricTrack, at: number): void {
  const last = track.runs[track.runs.length - 1];
  if (last && last.end === null) last.end = at;
}

function resume(track: MetricTrack, at: number): void {
  if (!isRunning(track)) track.runs.push({ start: at, end: null, endedByCompletion: false });
}

function complete(track: MetricTrack, at: number, severity: Severity): void {
  if (track.completedAt !== null) return;
  const last = track.runs[track.runs.length - 1];
  if (last && last.end === null) {
    last.end = at;
    last.endedByCompletion = true;
  }
  track.completedAt = at;
  track.severityAtCompletion = severity;
}

function reopen(track: MetricTrack, at: number, running: boolean): void {
  if (track.completedAt === null) return;
  track.completedAt = null;
  track.severityAtCompletion = null;
  const last = track.runs[track.runs.length - 1];
  if (last) last.endedByCompletion = false;
  if (running) resume(track, at);
}

/** Events up to `now`, `opened` first, then by instant (stable, so ties keep array order). */
function normaliseTimeline(
  timeline: SlaTimelineEvent[],
  now: number,
): {
  opened: Extract<SlaTimelineEvent, { type: 'opened' }>;
  events: Array<{ at: number; event: SlaTimelineEvent }>;
} {
  const opened = timeline[0];
  if (!opened || opened.type !== 'opened') {
    throw new SlaDomainException(
      SlaDomainExceptionCode.TimelineNotOpened,
      'An SLA timeline must start with its opened event',
    );
  }
  const openedAt = opened.at.getTime();
  for (const event of timeline) {
    if (!(event.at instanceof Date) || !Number.isFinite(event.at.getTime())) {
      throw new SlaDomainException(
        SlaDomainExceptionCode.InvalidArgument,
        `A ${event.type} event has an invalid date`,
      );
    }
  }
  const events = timeline
    .slice(1)
    .map((event) => ({ at: Math.max(event.at.getTime(), openedAt), event }))
    .filter(({ at, event }) => at <= now && event.type !== 'opened')
    .sort((a, b) => a.at - b.at);
  return { opened, events };
}

/** The run list with counted open time, for threshold searches. */
function countRuns(calendar: SlaCalendar, track: MetricTrack, now: number): CountedRun[] {
  let countedBefore = 0;
  return track.runs.map((run, index) => {
    const end = run.end ?? now;
    const counted = countOpenMsBetween(calendar, run.start, end);
    const live = index === track.runs.length - 1 && (run.end === null || run.endedByCompletion);
    const countedRun: CountedRun = { start: run.start, end, countedBefore, counted, live };
    countedBefore += counted;
    return countedRun;
  });
}

/**
 * Where the counted time reaches `threshold`: the first run that went on past its due instant (passed), or
 * else the due instant of the live run (not passed), or null (paused without having passed it).
 */
function locateThreshold(calendar: SlaCalendar, runs: CountedRun[], threshold: number): Crossing | null {
  for (const run of runs) {
    const remaining = threshold - run.countedBefore;
    if (remaining < 0) return null; // unreachable: an earlier run would have passed it
    if (!run.live && run.countedBefore + run.counted < threshold) continue;
    const at = addOpenMsFrom(calendar, run.start, remaining);
    if (at < run.end) return { at, passed: true };
    if (run.live) return { at, passed: false };
  }
  return null;
}

function targetMinutesOf(policy: SlaPolicyRules, severity: Severity, metric: SlaMetric): number | null {
  const value = policy.targets[severity]?.[metric];
  return typeof value === 'number' ? value : null;
}

function evaluateTrack(
  policy: SlaPolicyRules,
  metric: SlaMetric,
  cycle: number,
  track: MetricTrack,
  currentSeverity: Severity,
  now: number,
): SlaMetricResult | null {
  const severity = track.severityAtCompletion ?? currentSeverity;
  const targetMinutes = targetMinutesOf(policy, severity, metric);
  if (targetMinutes === null) return null;
  const targetMs = targetMinutes * MINUTE_MS;
  const warnMs = Math.floor((targetMs * policy.warnAtPercent) / 100);

  const runs = countRuns(policy.calendar, track, now);
  const countedMs = runs.reduce((sum, run) => sum + run.counted, 0);
  const state: SlaMetricResult['state'] =
    track.completedAt !== null ? 'completed' : isRunning(track) ? 'running' : 'paused';
  const due = locateThreshold(policy.calendar, runs, targetMs);
  const warn = locateThreshold(policy.calendar, runs, warnMs);
  const escalation = policy.autoEscalation;
  const escalate =
    metric === 'resolution' && escalation && escalation.severities.includes(severity)
      ? locateThreshold(policy.calendar, runs, Math.floor((targetMs * escalation.atPercent) / 100))
      : null;
  const breached = due?.passed ?? false;

  return {
    metric,
    cycle,
    state,
    targetMinutes,
    elapsedSeconds: Math.floor(countedMs / 1000),
    dueAt: state === 'paused' || !due ? null : new Date(due.at),
    warnAt: state === 'paused' || !warn ? null : new Date(warn.at),
    escalateAt: state === 'paused' || !escalate ? null : new Date(escalate.at),
    breached,
    breachedAt: breached && due ? new Date(due.at) : null,
    completedAt: track.completedAt === null ? null : new Date(track.completedAt),
  };
}

/**
 * Evaluates every SLA metric of a case at `now`: first_response, next_response (latest cycle only; omitted
 * when no cycle started or its severity has no next_response target) and resolution, in that order.
 */
export function evaluateSla(
  policy: SlaPolicyRules,
  timeline: SlaTimelineEvent[],
  now: Date,
): SlaMetricResult[] {
  const nowMs = now.getTime();
  if (!Number.isFinite(nowMs)) {
    throw new SlaDomainException(SlaDomainExceptionCode.InvalidArgument, 'now is not a valid Date');
  }
  const { opened, events } = normaliseTimeline(timeline, nowMs);
  const openedAt = opened.at.getTime();
  if (openedAt > nowMs) return [];

  const isPausing = (status: CaseStatus): boolean =>
    status === 'awaiting_customer' || (status === 'escalated' && policy.pauseWhileEscalated);

  let severity: Severity = opened.severity;
  let status: CaseStatus = 'new';
  const firstResponse = startTrack(openedAt);
  const resolution = startTrack(openedAt);
  let nextResponse: MetricTrack | null = null;
  let nextResponseCycle = 0;
  /** An agent reply (or a resolution) happened since the last cycle started: the next customer reply starts one. */
  let customerReplyArmed = false;
  /** A customer reply arrived while resolved/closed: a cycle starts if the case reopens. */
  let customerReplyPending = false;

  for (const { at, event } of events) {
    switch (event.type) {
      case 'opened':
        break;
      case 'severity_changed':
        severity = event.severity;
        break;
      case 'agent_public_reply':
        complete(firstResponse, at, severity);
        if (nextResponse) complete(nextResponse, at, severity);
        customerReplyArmed = true;
        customerReplyPending = false;
        break;
      case 'customer_public_reply':
        if (!customerReplyArmed || (nextResponse && isRunning(nextResponse))) break;
        if (TERMINAL_STATUSES.has(status)) {
          customerReplyPending = true;
          customerReplyArmed = false;
        } else {
          nextResponse = startTrack(at);
          nextResponseCycle += 1;
          customerReplyArmed = false;
        }
        break;
      case 'status_changed': {
        const to = event.to;
        status = to;
        if (TERMINAL_STATUSES.has(to)) {
          complete(firstResponse, at, severity);
          complete(resolution, at, severity);
          if (nextResponse && isRunning(nextResponse)) complete(nextResponse, at, severity);
          if (!customerReplyPending) customerReplyArmed = true;
        } else {
          if (resolution.completedAt !== null) reopen(resolution, at, !isPausing(to));
          else if (isPausing(to)) pause(resolution, at);
          else resume(resolution, at);
          if (customerReplyPending) {
            nextResponse = startTrack(at);
            nextResponseCycle += 1;
            customerReplyPending = false;
          }
        }
        break;
      }
    }
  }

  const results: SlaMetricResult[] = [];
  const push = (result: SlaMetricResult | null): void => {
    if (result) results.push(result);
  };
  push(evaluateTrack(policy, 'first_response', 1, firstResponse, severity, nowMs));
  if (nextResponse)
    push(evaluateTrack(policy, 'next_response', nextResponseCycle, nextResponse, severity, nowMs));
  push(evaluateTrack(policy, 'resolution', 1, resolution, severity, nowMs));
  return results;
}

/**
 * The next instant after `now` at which evaluating the clock again changes a warning or breach: a running
 * metric's warnAt when still ahead (a warning is due once now >= warnAt), and dueAt + 1 ms for a running
 * metric not yet breached (breached iff now > dueAt). Null when nothing is ahead. Meant for timers.
 */
export function nextSlaCheck(results: SlaMetricResult[], now: Date): SlaCheck | null {
  let next: SlaCheck | null = null;
  const consider = (check: SlaCheck): void => {
    if (check.at > now && (next === null || check.at < next.at)) next = check;
  };
  for (const result of results) {
    if (result.state !== 'running') continue;
    if (result.warnAt) consider({ metric: result.metric, kind: 'warning', at: result.warnAt });
    if (result.escalateAt) consider({ metric: result.metric, kind: 'escalation', at: result.escalateAt });
    if (result.dueAt && !result.breached) {
      consider({ metric: result.metric, kind: 'breach', at: new Date(result.dueAt.getTime() + 1) });
    }
  }
  return next;
}

/** The next instant at which a warning or a breach becomes due, and which metric it belongs to. */
export interface SlaCheck {
  metric: SlaMetric;
  kind: 'warning' | 'breach' | 'escalation';
  at: Date;
}

/** The earliest dueAt among running metrics (breached ones included), for indexing; null if none runs. */
export function earliestDueAt(results: SlaMetricResult[]): Date | null {
  let earliest: Date | null = null;
  for (const result of results) {
    if (result.state === 'running' && result.dueAt && (earliest === null || result.dueAt < earliest)) {
      earliest = result.dueAt;
    }
  }
  return earliest;
}
