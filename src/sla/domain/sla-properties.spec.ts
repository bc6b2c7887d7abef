import fc from 'fast-check';
import { DateTime } from 'luxon';

import { addOpenMs, countOpenMs, openSpans } from './calendar.js';
import { evaluateSla } from './sla-clock.js';
import { validateSlaPolicyRules } from './sla-policy-rules.js';
import type {
  CaseStatus,
  Severity,
  SlaCalendar,
  SlaMetricResult,
  SlaPolicyRules,
  SlaTimelineEvent,
  WeeklyInterval,
} from './sla.types.js';

/**
 * Property tests of the calendars and the clock over random calendars (zones with and without DST, some
 * with half-hour DST or transitions at midnight) and random timelines. Runs are bounded to keep the suite fast.
 */

const MINUTE = 60_000;
const DAY = 86_400_000;
const RANGE_START = Date.parse('2026-01-01T00:00:00Z');
const RANGE_END = Date.parse('2027-12-31T00:00:00Z');

const ZONES = [
  'Europe/Paris',
  'Europe/London',
  'America/New_York',
  'America/Santiago', // DST changes at local midnight
  'America/Havana', // spring gap at 00:00
  'Australia/Sydney',
  'Australia/Lord_Howe', // 30-minute DST
  'Asia/Shanghai',
  'Asia/Kolkata',
  'UTC',
];

const SEVERITY: fc.Arbitrary<Severity> = fc.constantFrom('A', 'B', 'C');
const STATUSES: CaseStatus[] = [
  'new',
  'triaged',
  'in_progress',
  'awaiting_customer',
  'escalated',
  'resolved',
  'closed',
];

const hhmm = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

const weeklyInterval: fc.Arbitrary<WeeklyInterval> = fc
  .record({
    day: fc.integer({ min: 0, max: 6 }),
    start: fc.integer({ min: 0, max: 1439 }),
    length: fc.integer({ min: 1, max: 720 }),
  })
  .map(({ day, start, length }) => ({ day, start: hhmm(start), end: hhmm(Math.min(1440, start + length)) }));

const businessHours: fc.Arbitrary<SlaCalendar> = fc.record({
  type: fc.constant('business_hours' as const),
  timeZone: fc.constantFrom(...ZONES),
  weekly: fc.array(weeklyInterval, { minLength: 1, maxLength: 8 }),
  holidays: fc.array(
    fc
      .integer({ min: 0, max: 729 })
      .map((day) => new Date(RANGE_START + day * DAY).toISOString().slice(0, 10)),
    { maxLength: 4 },
  ),
});

/** Mostly business hours (the interesting case), sometimes 24x7. */
const calendar: fc.Arbitrary<SlaCalendar> = fc.oneof(
  { weight: 4, arbitrary: businessHours },
  { weight: 1, arbitrary: fc.constant({ type: '24x7' }) },
);

const instant = fc.integer({ min: RANGE_START, max: RANGE_END });

/** Nominal open ms of a week (wall-clock minutes, overlaps counted twice: only used to size targets). */
function weeklyOpenMs(cal: SlaCalendar): number {
  if (cal.type === '24x7') return 7 * DAY;
  const minutes = (value: string): number => Number(value.slice(0, 2)) * 60 + Number(value.slice(3));
  return cal.weekly.reduce(
    (sum, interval) => sum + (minutes(interval.end) - minutes(interval.start)) * MINUTE,
    0,
  );
}

const targets = fc.record({
  first_response: fc.integer({ min: 1, max: 600 }),
  next_response: fc.option(fc.integer({ min: 1, max: 600 })),
  resolution: fc.integer({ min: 1, max: 3000 }),
});

/** Policies as validation accepts them: targets are kept within a year of the calendar's opening hours. */
const policy: fc.Arbitrary<SlaPolicyRules> = fc
  .record({
    calendar,
    pauseWhileEscalated: fc.boolean(),
    warnAtPercent: fc.integer({ min: 1, max: 99 }),
    targets: fc.record({ A: targets, B: targets, C: targets }),
  })
  .map((rules) => {
    const max = Math.max(1, Math.floor((weeklyOpenMs(rules.calendar) / MINUTE) * 52));
    const clamp = (value: number): number => 1 + ((value - 1) % max);
    for (const severity of ['A', 'B', 'C'] as const) {
      const target = rules.targets[severity];
      target.first_response = clamp(target.first_response);
      target.resolution = clamp(target.resolution);
      if (typeof target.next_response === 'number') target.next_response = clamp(target.next_response);
    }
    expect(
      validateSlaPolicyRules(rules).filter((violation) => violation.field.startsWith('targets')),
    ).toEqual([]);
    return rules;
  });

type Step =
  | { kind: 'agent' | 'customer'; gap: number }
  | { kind: 'status'; gap: number; to: CaseStatus }
  | { kind: 'severity'; gap: number; severity: Severity };

/** Gaps mostly in whole minutes (to hit interval edges exactly), sometimes with milliseconds. */
const gap = fc.oneof(
  fc.integer({ min: 0, max: 3 * 24 * 60 }).map((minutes) => minutes * MINUTE),
  fc.integer({ min: 0, max: 2 * DAY }),
);

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constantFrom('agent' as const, 'customer' as const), gap }),
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('status' as const), gap, to: fc.constantFrom(...STATUSES) }),
  },
  fc.record({ kind: fc.constant('severity' as const), gap, severity: SEVERITY }),
);

const timeline: fc.Arbitrary<SlaTimelineEvent[]> = fc
  .record({
    openedAt: instant,
    severity: SEVERITY,
    steps: fc.array(step, { maxLength: 12 }),
  })
  .map(({ openedAt, severity, steps }) => {
    const events: SlaTimelineEvent[] = [{ type: 'opened', at: new Date(openedAt), severity }];
    let at = openedAt;
    let status: CaseStatus = 'new';
    for (const next of steps) {
      at += next.gap;
      const when = new Date(at);
      if (next.kind === 'agent') events.push({ type: 'agent_public_reply', at: when });
      else if (next.kind === 'customer') events.push({ type: 'customer_public_reply', at: when });
      else if (next.kind === 'severity')
        events.push({ type: 'severity_changed', at: when, severity: next.severity });
      else if (next.kind === 'status') {
        events.push({ type: 'status_changed', at: when, from: status, to: next.to });
        status = next.to;
      }
    }
    return events;
  });

const lastAt = (events: SlaTimelineEvent[]): number => Math.max(...events.map((event) => event.at.getTime()));

/** A `now` somewhere from reportedAt to a few days after the last event. */
const scenario = fc
  .record({
    policy,
    timeline,
    offsets: fc.array(fc.integer({ min: 0, max: 30 * DAY }), { minLength: 2, maxLength: 2 }),
  })
  .map(({ policy: rules, timeline: events, offsets }) => {
    const first = events[0].at.getTime();
    const span = lastAt(events) - first + 5 * DAY;
    const [a, b] = offsets.map((offset) => first + (offset % span)).sort((x, y) => x - y);
    return { policy: rules, timeline: events, now: new Date(b), earlier: new Date(a) };
  });

/** Status in force just after all events at or before `at`. */
function statusAt(events: SlaTimelineEvent[], at: number): CaseStatus {
  let status: CaseStatus = 'new';
  for (const event of events) {
    if (event.at.getTime() <= at && event.type === 'status_changed') status = event.to;
  }
  return status;
}

function severityAt(events: SlaTimelineEvent[], at: number): Severity {
  let severity: Severity = 'B';
  for (const event of events) {
    if (event.at.getTime() > at) break;
    if (event.type === 'opened' || event.type === 'severity_changed') severity = event.severity;
  }
  return severity;
}

/** Inserts an event after the last event at or before its instant (keeps the timeline sorted). */
function insert(events: SlaTimelineEvent[], event: SlaTimelineEvent): SlaTimelineEvent[] {
  const index = events.findIndex((other, i) => i > 0 && other.at.getTime() > event.at.getTime());
  const at = index === -1 ? events.length : index;
  return [...events.slice(0, at), event, ...events.slice(at)];
}

const key = (result: SlaMetricResult): string => `${result.metric}#${result.cycle}`;

/** SLA_PROPERTY_RUNS_FACTOR=20 runs a deeper search locally; the default keeps the suite around a second. */
const FACTOR = Number(process.env.SLA_PROPERTY_RUNS_FACTOR ?? '1');
const runs = (numRuns: number): { numRuns: number } => ({ numRuns: Math.round(numRuns * FACTOR) });
const RUNS = runs(150);

describe('calendar properties', () => {
  it('countOpenMs(a, addOpenMs(a, x)) === x, and addOpenMs is the first such instant', () => {
    fc.assert(
      fc.property(calendar, instant, fc.integer({ min: 0, max: 1_000_000 }), (cal, from, fraction) => {
        // Up to ~6 weeks' worth of the calendar's open time.
        const ms = Math.floor((weeklyOpenMs(cal) * 6 * fraction) / 1_000_000);
        const due = addOpenMs(cal, new Date(from), ms);
        expect(countOpenMs(cal, new Date(from), due)).toBe(ms);
        if (ms > 0) expect(countOpenMs(cal, new Date(from), new Date(due.getTime() - 1))).toBe(ms - 1);
      }),
      RUNS,
    );
  });

  it('countOpenMs is additive over a split point', () => {
    fc.assert(
      fc.property(
        calendar,
        instant,
        fc.integer({ min: 0, max: 20 * DAY }),
        fc.integer({ min: 0, max: 20 * DAY }),
        (cal, a, x, y) => {
          const [from, middle, to] = [a, a + x, a + x + y].map((value) => new Date(value));
          expect(countOpenMs(cal, from, to)).toBe(
            countOpenMs(cal, from, middle) + countOpenMs(cal, middle, to),
          );
        },
      ),
      RUNS,
    );
  });

  it('opens exactly at the local times of the weekly intervals (checked with Luxon), or at a DST jump', () => {
    fc.assert(
      fc.property(businessHours, instant, (cal, from) => {
        if (cal.type !== 'business_hours') return;
        const to = from + 10 * DAY;
        for (const span of openSpans(cal, new Date(from), new Date(to))) {
          for (const [edge, side] of [
            [span.start, 'start'],
            [span.end, 'end'],
          ] as const) {
            const ms = edge.getTime();
            if (ms === from || ms === to) continue; // clipped
            const local = DateTime.fromMillis(ms, { zone: cal.timeZone });
            const jump = local.offset !== DateTime.fromMillis(ms - 1, { zone: cal.timeZone }).offset;
            const atMidnight = local.hour === 0 && local.minute === 0 && local.second === 0;
            // '24:00' ends are the next local day's 00:00 (so the weekday is the previous one).
            const previousDay = local.minus({ days: 1 });
            const matches = cal.weekly.some(
              (interval) =>
                (interval[side] === local.toFormat('HH:mm') && interval.day === local.weekday % 7) ||
                (side === 'end' &&
                  atMidnight &&
                  interval.end === '24:00' &&
                  interval.day === previousDay.weekday % 7),
            );
            expect(matches || jump).toBe(true);
            if (side === 'start') expect(cal.holidays).not.toContain(local.toISODate());
          }
        }
      }),
      runs(60),
    );
  });
});

describe('SLA clock properties', () => {
  it('elapsed time never decreases as now grows', () => {
    fc.assert(
      fc.property(scenario, ({ policy: rules, timeline: events, now, earlier }) => {
        const before = new Map(evaluateSla(rules, events, earlier).map((result) => [key(result), result]));
        for (const result of evaluateSla(rules, events, now)) {
          const previous = before.get(key(result));
          if (previous) expect(result.elapsedSeconds).toBeGreaterThanOrEqual(previous.elapsedSeconds);
        }
      }),
      RUNS,
    );
  });

  it('reports consistent figures', () => {
    fc.assert(
      fc.property(scenario, ({ policy: rules, timeline: events, now }) => {
        const openedAt = events[0].at.getTime();
        for (const result of evaluateSla(rules, events, now)) {
          expect(result.elapsedSeconds * 1000).toBeLessThanOrEqual(now.getTime() - openedAt);
          expect(result.breached).toBe(result.breachedAt !== null);
          expect(result.state === 'completed').toBe(result.completedAt !== null);
          if (result.state === 'paused') expect(result.dueAt).toBeNull();
          if (result.state === 'running' && !result.breached) {
            expect(result.dueAt!.getTime()).toBeGreaterThanOrEqual(now.getTime());
          }
          if (result.breached && result.dueAt) expect(result.dueAt).toEqual(result.breachedAt);
          if (result.warnAt && result.dueAt)
            expect(result.warnAt.getTime()).toBeLessThanOrEqual(result.dueAt.getTime());
        }
      }),
      RUNS,
    );
  });

  it('a running metric is not breached at its dueAt and is 1 ms later, at that same instant', () => {
    fc.assert(
      fc.property(scenario, ({ policy: rules, timeline: events, now }) => {
        const future = events.filter((event) => event.at.getTime() > now.getTime());
        for (const result of evaluateSla(rules, events, now)) {
          if (result.state !== 'running' || result.breached || !result.dueAt) continue;
          const due = result.dueAt.getTime();
          if (future.some((event) => event.at.getTime() <= due + 1)) continue; // something else happens first
          const atDue = evaluateSla(rules, events, new Date(due)).find((other) => key(other) === key(result));
          const after = evaluateSla(rules, events, new Date(due + 1)).find(
            (other) => key(other) === key(result),
          );
          expect(atDue).toMatchObject({ breached: false, dueAt: result.dueAt });
          expect(after).toMatchObject({ breached: true, breachedAt: result.dueAt });
        }
      }),
      runs(100),
    );
  });

  it('dueAt is never inside closed hours: it is in or at the end of an open interval', () => {
    fc.assert(
      fc.property(scenario, ({ policy: rules, timeline: events, now }) => {
        const instants = new Set(events.map((event) => event.at.getTime()));
        for (const result of evaluateSla(rules, events, now)) {
          if (!result.dueAt) continue;
          const due = result.dueAt.getTime();
          // Open time within 1 ms either side: inside an interval, at its start or at its end.
          const open = countOpenMs(rules.calendar, new Date(due - 1), new Date(due + 1)) > 0;
          // The one exception: a clock paused exactly at its due instant and resumed in closed hours is due
          // again at the resume instant (nothing left to count), which is an event of the timeline.
          expect(open || instants.has(due)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('pausing never makes dueAt earlier', () => {
    fc.assert(
      fc.property(
        scenario,
        fc.integer({ min: 0, max: 3 * DAY }),
        fc.integer({ min: 1, max: 3 * DAY }),
        ({ policy: rules, timeline: events, now }, offset, length) => {
          const pauseAt = events[0].at.getTime() + offset;
          const resumeAt = pauseAt + length;
          const status = statusAt(events, pauseAt);
          const pausing =
            status === 'awaiting_customer' || (status === 'escalated' && rules.pauseWhileEscalated);
          const statusChangeInside = events.some(
            (event) =>
              event.type === 'status_changed' &&
              event.at.getTime() > pauseAt &&
              event.at.getTime() <= resumeAt,
          );
          if (pausing || status === 'resolved' || status === 'closed' || statusChangeInside) return;
          const paused = insert(
            insert(events, {
              type: 'status_changed',
              at: new Date(pauseAt),
              from: status,
              to: 'awaiting_customer',
            }),
            { type: 'status_changed', at: new Date(resumeAt), from: 'awaiting_customer', to: status },
          );
          const evaluatedAt = new Date(Math.max(now.getTime(), resumeAt));
          const without = evaluateSla(rules, events, evaluatedAt).find((r) => r.metric === 'resolution')!;
          const withPause = evaluateSla(rules, paused, evaluatedAt).find((r) => r.metric === 'resolution')!;
          expect(withPause.elapsedSeconds).toBeLessThanOrEqual(without.elapsedSeconds);
          if (without.dueAt && withPause.dueAt) {
            expect(withPause.dueAt.getTime()).toBeGreaterThanOrEqual(without.dueAt.getTime());
          }
          if (without.breachedAt && withPause.breachedAt) {
            expect(withPause.breachedAt.getTime()).toBeGreaterThanOrEqual(without.breachedAt.getTime());
          }
        },
      ),
      RUNS,
    );
  });

  it('splitting a running interval with a no-op event changes nothing', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 10 * DAY }), fc.boolean(), (s, offset, bySeverity) => {
        const { policy: rules, timeline: events, now } = s;
        const at = events[0].at.getTime() + (offset % (now.getTime() - events[0].at.getTime() + 1));
        const status = statusAt(events, at);
        const noOp: SlaTimelineEvent = bySeverity
          ? { type: 'severity_changed', at: new Date(at), severity: severityAt(events, at) }
          : { type: 'status_changed', at: new Date(at), from: status, to: status };
        expect(evaluateSla(rules, insert(events, noOp), now)).toEqual(evaluateSla(rules, events, now));
      }),
      RUNS,
    );
  });
});
