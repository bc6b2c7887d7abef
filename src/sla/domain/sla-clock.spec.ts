import { earliestDueAt, evaluateSla, nextSlaCheck } from './sla-clock.js';
import { SlaDomainException } from './sla-domain.exception.js';
import type {
  CaseStatus,
  Severity,
  SlaCalendar,
  SlaMetric,
  SlaMetricResult,
  SlaPolicyRules,
  SlaTimelineEvent,
} from './sla.types.js';

const MINUTE = 60_000;
/** Monday 2026-05-04 08:00:00Z. */
const T0 = Date.parse('2026-05-04T08:00:00Z');
/** T0 + n minutes. */
const m = (minutes: number): Date => new Date(T0 + minutes * MINUTE);
const d = (iso: string): Date => new Date(iso);

/** The default policy of DESIGN.md (24x7), warning at 80 %. */
function policy(overrides: Partial<SlaPolicyRules> = {}): SlaPolicyRules {
  return {
    calendar: { type: '24x7' },
    pauseWhileEscalated: false,
    warnAtPercent: 80,
    targets: {
      A: { first_response: 60, next_response: 120, resolution: 480 },
      B: { first_response: 240, next_response: 480, resolution: 2880 },
      C: { first_response: 480, next_response: 1440, resolution: 7200 },
    },
    ...overrides,
  };
}

const opened = (at: Date, severity: Severity = 'B'): SlaTimelineEvent => ({ type: 'opened', at, severity });
const agent = (at: Date): SlaTimelineEvent => ({ type: 'agent_public_reply', at });
const customer = (at: Date): SlaTimelineEvent => ({ type: 'customer_public_reply', at });
const status = (at: Date, from: CaseStatus, to: CaseStatus): SlaTimelineEvent => ({
  type: 'status_changed',
  at,
  from,
  to,
});
const severity = (at: Date, value: Severity): SlaTimelineEvent => ({
  type: 'severity_changed',
  at,
  severity: value,
});

function metricOf(results: SlaMetricResult[], metric: SlaMetric): SlaMetricResult {
  const found = results.find((result) => result.metric === metric);
  if (!found) throw new Error(`no ${metric} in ${JSON.stringify(results)}`);
  return found;
}

describe('evaluateSla on the 24x7 calendar', () => {
  it('runs first_response and resolution from reportedAt', () => {
    // Severity B: first response 240 min (warn at 80 % = 192 min), resolution 2880 min (warn at 2304).
    const results = evaluateSla(policy(), [opened(m(0))], m(100));
    expect(results.map((result) => result.metric)).toEqual(['first_response', 'resolution']);
    expect(metricOf(results, 'first_response')).toEqual({
      metric: 'first_response',
      cycle: 1,
      state: 'running',
      targetMinutes: 240,
      elapsedSeconds: 6000,
      dueAt: m(240),
      warnAt: m(192),
      escalateAt: null,
      breached: false,
      breachedAt: null,
      completedAt: null,
    });
    expect(metricOf(results, 'resolution')).toMatchObject({
      state: 'running',
      dueAt: m(2880),
      warnAt: m(2304),
    });
  });

  it('is not breached exactly at dueAt, and breached 1 ms later with breachedAt = dueAt', () => {
    expect(metricOf(evaluateSla(policy(), [opened(m(0))], m(240)), 'first_response').breached).toBe(false);
    const late = metricOf(
      evaluateSla(policy(), [opened(m(0))], new Date(T0 + 240 * MINUTE + 1)),
      'first_response',
    );
    expect(late).toMatchObject({ breached: true, breachedAt: m(240), dueAt: m(240), elapsedSeconds: 14400 });
  });

  it('completes first_response on the first agent reply; replying exactly at dueAt is on time', () => {
    const onTime = metricOf(evaluateSla(policy(), [opened(m(0)), agent(m(240))], m(500)), 'first_response');
    expect(onTime).toMatchObject({ state: 'completed', completedAt: m(240), dueAt: m(240), breached: false });
    const late = metricOf(
      evaluateSla(policy(), [opened(m(0)), agent(new Date(T0 + 240 * MINUTE + 1))], m(500)),
      'first_response',
    );
    expect(late).toMatchObject({
      state: 'completed',
      breached: true,
      breachedAt: m(240),
      elapsedSeconds: 14400,
    });
  });

  it('completes first_response by a resolution that comes before any agent reply', () => {
    const results = evaluateSla(
      policy(),
      [opened(m(0)), status(m(30), 'new', 'resolved'), agent(m(40))],
      m(60),
    );
    expect(metricOf(results, 'first_response')).toMatchObject({
      state: 'completed',
      completedAt: m(30),
      elapsedSeconds: 1800,
    });
    expect(metricOf(results, 'resolution')).toMatchObject({ state: 'completed', completedAt: m(30) });
  });

  it('counts a reportedAt months in the past exactly', () => {
    // Reported 2025-12-01 00:00Z, evaluated 2026-03-15 12:34:56.789Z: 104 days 12 h 34 min 56.789 s.
    const results = evaluateSla(
      policy(),
      [opened(d('2025-12-01T00:00:00Z'), 'A')],
      d('2026-03-15T12:34:56.789Z'),
    );
    const elapsed = 104 * 86_400 + 12 * 3600 + 34 * 60 + 56;
    expect(metricOf(results, 'first_response')).toMatchObject({
      elapsedSeconds: elapsed,
      breached: true,
      breachedAt: d('2025-12-01T01:00:00Z'),
    });
    expect(metricOf(results, 'resolution')).toMatchObject({
      elapsedSeconds: elapsed,
      breachedAt: d('2025-12-01T08:00:00Z'),
    });
  });

  it('ignores events after now', () => {
    const results = evaluateSla(policy(), [opened(m(0)), agent(m(50))], m(49));
    expect(metricOf(results, 'first_response')).toMatchObject({ state: 'running', elapsedSeconds: 49 * 60 });
  });

  it('returns nothing before reportedAt and refuses a timeline without its opened event', () => {
    expect(evaluateSla(policy(), [opened(m(10))], m(0))).toEqual([]);
    expect(() => evaluateSla(policy(), [agent(m(0))], m(10))).toThrow(SlaDomainException);
  });
});

describe('automatic escalation instant', () => {
  const rule = { atPercent: 80, severities: ['A' as const] };

  it('is the instant the resolution clock reaches the percentage, for the severities of the rule only', () => {
    const [, resolution] = evaluateSla(policy({ autoEscalation: rule }), [opened(m(0), 'A')], m(10));
    // 80 % of 480 minutes = 384 minutes after reportedAt on a 24x7 calendar.
    expect(resolution).toMatchObject({ metric: 'resolution', escalateAt: m(384) });
    const [, forB] = evaluateSla(policy({ autoEscalation: rule }), [opened(m(0), 'B')], m(10));
    expect(forB.escalateAt).toBeNull();
    const [, withoutRule] = evaluateSla(policy(), [opened(m(0), 'A')], m(10));
    expect(withoutRule.escalateAt).toBeNull();
  });

  it('is the next check before the breach, and moves with pauses', () => {
    const results = evaluateSla(policy({ autoEscalation: rule }), [opened(m(0), 'A'), agent(m(5))], m(100));
    expect(nextSlaCheck(results, m(100))).toEqual({ metric: 'resolution', kind: 'warning', at: m(384) });
    const paused = evaluateSla(
      policy({ autoEscalation: { atPercent: 70, severities: ['A'] } }),
      [
        opened(m(0), 'A'),
        agent(m(5)),
        status(m(60), 'new', 'awaiting_customer'),
        status(m(120), 'awaiting_customer', 'in_progress'),
      ],
      m(130),
    );
    // 70 % of 480 = 336 counted minutes; 60 minutes paused push it to 396.
    expect(paused[1].escalateAt).toEqual(m(396));
  });
});

describe('resolution pauses', () => {
  it('pauses while awaiting_customer and resumes with the time already counted', () => {
    // Severity A: resolution 480 min. Runs 0-60 (60 min), paused 60-180, runs again from 180.
    const timeline = [
      opened(m(0), 'A'),
      status(m(10), 'new', 'in_progress'),
      status(m(60), 'in_progress', 'awaiting_customer'),
      status(m(180), 'awaiting_customer', 'in_progress'),
    ];
    const paused = metricOf(evaluateSla(policy(), timeline, m(100)), 'resolution');
    expect(paused).toMatchObject({
      state: 'paused',
      elapsedSeconds: 3600,
      dueAt: null,
      warnAt: null,
      breached: false,
    });
    // At 200: counted 60 + 20 = 80 min; due = 180 + (480 - 60) = 600; warn at 384 min counted = 180 + 324 = 504.
    const resumed = metricOf(evaluateSla(policy(), timeline, m(200)), 'resolution');
    expect(resumed).toMatchObject({ state: 'running', elapsedSeconds: 4800, dueAt: m(600), warnAt: m(504) });
  });

  it('never pauses first_response', () => {
    const timeline = [opened(m(0), 'A'), status(m(10), 'new', 'awaiting_customer')];
    expect(metricOf(evaluateSla(policy(), timeline, m(30)), 'first_response')).toMatchObject({
      state: 'running',
      elapsedSeconds: 1800,
      dueAt: m(60),
    });
  });

  it('pauses while escalated only when the policy says so', () => {
    // Severity A (480 min): escalated from 100 to 300.
    const timeline = [
      opened(m(0), 'A'),
      status(m(5), 'new', 'in_progress'),
      status(m(100), 'in_progress', 'escalated'),
      status(m(300), 'escalated', 'in_progress'),
    ];
    const counting = metricOf(evaluateSla(policy(), timeline, m(400)), 'resolution');
    expect(counting).toMatchObject({ state: 'running', elapsedSeconds: 400 * 60, dueAt: m(480) });
    const pausing = metricOf(
      evaluateSla(policy({ pauseWhileEscalated: true }), timeline, m(400)),
      'resolution',
    );
    // Counted 100 + 100 = 200 min; due = 300 + 380 = 680.
    expect(pausing).toMatchObject({ state: 'running', elapsedSeconds: 200 * 60, dueAt: m(680) });
    const during = metricOf(
      evaluateSla(policy({ pauseWhileEscalated: true }), timeline, m(200)),
      'resolution',
    );
    expect(during).toMatchObject({ state: 'paused', dueAt: null, elapsedSeconds: 6000 });
  });

  it('keeps a breach when the metric pauses afterwards', () => {
    // Severity A resolution 480: running until 500, then awaiting_customer.
    const timeline = [opened(m(0), 'A'), status(m(500), 'new', 'awaiting_customer')];
    expect(metricOf(evaluateSla(policy(), timeline, m(900)), 'resolution')).toMatchObject({
      state: 'paused',
      breached: true,
      breachedAt: m(480),
      dueAt: null,
      elapsedSeconds: 500 * 60,
    });
  });

  it('is on time when paused exactly at dueAt; on resume, the resume instant is due', () => {
    const timeline = [
      opened(m(0), 'A'),
      status(m(480), 'new', 'awaiting_customer'),
      status(m(600), 'awaiting_customer', 'in_progress'),
    ];
    expect(metricOf(evaluateSla(policy(), timeline, m(550)), 'resolution')).toMatchObject({
      state: 'paused',
      breached: false,
    });
    expect(metricOf(evaluateSla(policy(), timeline, m(600)), 'resolution')).toMatchObject({
      state: 'running',
      dueAt: m(600),
      breached: false,
    });
    expect(metricOf(evaluateSla(policy(), timeline, m(601)), 'resolution')).toMatchObject({
      breached: true,
      breachedAt: m(600),
    });
  });

  it('completes on resolved, and a reopen resumes with the time already counted', () => {
    // Severity A (480): resolved at 100, reopened at 1000.
    const timeline = [opened(m(0), 'A'), status(m(100), 'new', 'resolved')];
    expect(metricOf(evaluateSla(policy(), timeline, m(900)), 'resolution')).toMatchObject({
      state: 'completed',
      completedAt: m(100),
      dueAt: m(480),
      elapsedSeconds: 6000,
      breached: false,
    });
    const reopened = [...timeline, status(m(1000), 'resolved', 'in_progress')];
    // Counted 100 + 100 = 200 min at 1100; due = 1000 + 380 = 1380.
    expect(metricOf(evaluateSla(policy(), reopened, m(1100)), 'resolution')).toMatchObject({
      state: 'running',
      completedAt: null,
      elapsedSeconds: 200 * 60,
      dueAt: m(1380),
    });
    // closed after resolved keeps the resolution instant.
    const closed = [...timeline, status(m(200), 'resolved', 'closed')];
    expect(metricOf(evaluateSla(policy(), closed, m(900)), 'resolution')).toMatchObject({
      completedAt: m(100),
    });
  });

  it('counts an event dated before reportedAt as happening at reportedAt, and refuses invalid dates', () => {
    const results = evaluateSla(policy(), [opened(m(10)), agent(m(0))], m(20));
    expect(metricOf(results, 'first_response')).toMatchObject({ completedAt: m(10), elapsedSeconds: 0 });
    expect(() => evaluateSla(policy(), [opened(m(0)), agent(new Date(Number.NaN))], m(20))).toThrow(
      SlaDomainException,
    );
  });

  it('completes on closed straight from an open status', () => {
    const timeline = [opened(m(0), 'A'), status(m(70), 'new', 'closed')];
    expect(metricOf(evaluateSla(policy(), timeline, m(900)), 'resolution')).toMatchObject({
      state: 'completed',
      completedAt: m(70),
    });
  });
});

describe('severity changes re-target against the time already counted', () => {
  it('lowering the target can breach at once, at the instant the new target was reached', () => {
    // C (first response 480) → A (60) at 100: 100 min counted > 60 → breached at 60.
    const results = evaluateSla(policy(), [opened(m(0), 'C'), severity(m(100), 'A')], m(120));
    expect(metricOf(results, 'first_response')).toMatchObject({
      targetMinutes: 60,
      breached: true,
      breachedAt: m(60),
      dueAt: m(60),
      elapsedSeconds: 7200,
    });
    expect(metricOf(results, 'resolution')).toMatchObject({ targetMinutes: 480, dueAt: m(480) });
  });

  it('raising the target after a breach un-breaches while the new due instant is still ahead (decision)', () => {
    // A (60) breached at 60; at 90 → C (480): due 480 > now → no longer breached.
    const timeline = [opened(m(0), 'A'), severity(m(90), 'C')];
    expect(metricOf(evaluateSla(policy(), timeline, m(89)), 'first_response')).toMatchObject({
      breached: true,
      breachedAt: m(60),
    });
    expect(metricOf(evaluateSla(policy(), timeline, m(90)), 'first_response')).toMatchObject({
      targetMinutes: 480,
      breached: false,
      breachedAt: null,
      dueAt: m(480),
    });
    expect(metricOf(evaluateSla(policy(), timeline, m(481)), 'first_response')).toMatchObject({
      breached: true,
      breachedAt: m(480),
    });
  });

  it('judges a completed metric against the severity in force at its completion', () => {
    // C: agent reply at 100 (target 480, on time); later A (60) does not re-judge it.
    const results = evaluateSla(policy(), [opened(m(0), 'C'), agent(m(100)), severity(m(200), 'A')], m(300));
    expect(metricOf(results, 'first_response')).toMatchObject({ targetMinutes: 480, breached: false });
    expect(metricOf(results, 'resolution')).toMatchObject({ targetMinutes: 480, dueAt: m(480) });
  });
});

describe('next_response cycles', () => {
  const conversation = [
    opened(m(0), 'B'),
    customer(m(5)), // before any agent reply: first_response covers it, no cycle
    agent(m(10)),
    customer(m(20)), // cycle 1 starts
    customer(m(30)), // does not restart it
    agent(m(50)), // cycle 1 completes: 30 min
    customer(m(100)), // cycle 2 starts
  ];

  it('has no next_response before a customer replies to an agent', () => {
    expect(evaluateSla(policy(), conversation.slice(0, 3), m(15)).map((result) => result.metric)).toEqual([
      'first_response',
      'resolution',
    ]);
  });

  it('reports the completed cycle, then only the latest one', () => {
    expect(metricOf(evaluateSla(policy(), conversation.slice(0, 6), m(60)), 'next_response')).toMatchObject({
      cycle: 1,
      state: 'completed',
      completedAt: m(50),
      elapsedSeconds: 1800,
      dueAt: m(20 + 480),
      targetMinutes: 480,
    });
    expect(metricOf(evaluateSla(policy(), conversation, m(200)), 'next_response')).toMatchObject({
      cycle: 2,
      state: 'running',
      elapsedSeconds: 6000,
      dueAt: m(580),
      warnAt: m(100 + 384),
    });
  });

  it('completes on resolution and starts again when the customer writes back after it', () => {
    const timeline = [
      ...conversation,
      status(m(150), 'new', 'resolved'),
      customer(m(300)),
      status(m(300), 'resolved', 'in_progress'),
    ];
    expect(metricOf(evaluateSla(policy(), timeline, m(200)), 'next_response')).toMatchObject({
      cycle: 2,
      state: 'completed',
      completedAt: m(150),
    });
    expect(metricOf(evaluateSla(policy(), timeline, m(310)), 'next_response')).toMatchObject({
      cycle: 3,
      state: 'running',
      elapsedSeconds: 600,
    });
  });

  it('starts the cycle of a customer reply written while resolved when the case reopens', () => {
    const timeline = [
      ...conversation.slice(0, 6), // cycle 1 completed at 50
      status(m(150), 'new', 'resolved'),
      customer(m(300)),
      status(m(400), 'resolved', 'in_progress'),
    ];
    expect(metricOf(evaluateSla(policy(), timeline, m(350)), 'next_response')).toMatchObject({ cycle: 1 });
    expect(metricOf(evaluateSla(policy(), timeline, m(410)), 'next_response')).toMatchObject({
      cycle: 2,
      state: 'running',
      elapsedSeconds: 600,
      dueAt: m(400 + 480),
    });
  });

  it('is omitted when the severity has no next_response target', () => {
    const noNext = policy({
      targets: { ...policy().targets, B: { first_response: 240, next_response: null, resolution: 2880 } },
    });
    expect(evaluateSla(noNext, conversation, m(200)).map((result) => result.metric)).toEqual([
      'first_response',
      'resolution',
    ]);
  });
});

describe('evaluateSla on business hours', () => {
  // Asia/Shanghai, Mon-Fri 09:00-12:00 and 13:30-18:00, holiday 2026-10-01 (Thu).
  const shanghai: SlaCalendar = {
    type: 'business_hours',
    timeZone: 'Asia/Shanghai',
    weekly: [1, 2, 3, 4, 5].flatMap((day) => [
      { day, start: '09:00', end: '12:00' },
      { day, start: '13:30', end: '18:00' },
    ]),
    holidays: ['2026-10-01'],
  };

  it('is due at an interval end, counts nothing overnight, on the holiday or at lunch', () => {
    // Opened Wed 2026-09-30 17:00 local (09:00Z), severity B: first response 240 min → Wed 1 h + Fri 3 h
    // = Fri 12:00 local (04:00Z), the end of the morning interval. Warn at 192 min = Fri 11:12 local.
    const results = evaluateSla(
      policy({ calendar: shanghai }),
      [opened(d('2026-09-30T09:00:00Z'))],
      d('2026-10-02T05:00:00Z'),
    );
    // At Fri 13:00 local (lunch): counted 1 h + 3 h = 4 h = the target, and now > dueAt → breached at 12:00.
    expect(metricOf(results, 'first_response')).toMatchObject({
      dueAt: d('2026-10-02T04:00:00Z'),
      warnAt: d('2026-10-02T03:12:00Z'),
      elapsedSeconds: 4 * 3600,
      breached: true,
      breachedAt: d('2026-10-02T04:00:00Z'),
    });
  });

  it('pauses and resumes in local business time across the Paris spring-forward', () => {
    const paris: SlaCalendar = {
      type: 'business_hours',
      timeZone: 'Europe/Paris',
      weekly: [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '18:00' })),
      holidays: [],
    };
    // Severity A resolution 480 min. Opened Thu 2026-03-26 16:00 CET (15:00Z): 2 h counted by 18:00;
    // awaiting customer from Fri 10:00 CET (09:00Z): +1 h → 3 h; resumes Mon 2026-03-30 11:00 CEST (09:00Z).
    // Remaining 5 h → Mon 16:00 CEST = 14:00Z.
    const timeline = [
      opened(d('2026-03-26T15:00:00Z'), 'A'),
      status(d('2026-03-27T09:00:00Z'), 'new', 'awaiting_customer'),
      status(d('2026-03-30T09:00:00Z'), 'awaiting_customer', 'in_progress'),
    ];
    const results = evaluateSla(policy({ calendar: paris }), timeline, d('2026-03-30T10:00:00Z'));
    expect(metricOf(results, 'resolution')).toMatchObject({
      state: 'running',
      elapsedSeconds: 4 * 3600,
      dueAt: d('2026-03-30T14:00:00Z'),
      breached: false,
    });
  });
});

describe('nextSlaCheck and earliestDueAt', () => {
  it('gives the next warning or breach instant of running metrics, and the earliest due', () => {
    // B: first response due 240 (warn 192); resolution due 2880 (warn 2304).
    const results = evaluateSla(policy(), [opened(m(0))], m(100));
    expect(nextSlaCheck(results, m(100))?.at).toEqual(m(192));
    expect(earliestDueAt(results)).toEqual(m(240));
    const afterWarn = evaluateSla(policy(), [opened(m(0))], m(200));
    // Breached iff now > dueAt: the first instant that changes it is dueAt + 1 ms.
    expect(nextSlaCheck(afterWarn, m(200))?.at).toEqual(new Date(T0 + 240 * MINUTE + 1));
    const breached = evaluateSla(policy(), [opened(m(0))], m(300));
    expect(nextSlaCheck(breached, m(300))?.at).toEqual(m(2304));
    expect(earliestDueAt(breached)).toEqual(m(240));
  });

  it('ignores paused and completed metrics', () => {
    const results = evaluateSla(
      policy(),
      [opened(m(0)), agent(m(1)), status(m(2), 'new', 'awaiting_customer')],
      m(10),
    );
    expect(nextSlaCheck(results, m(10))).toBeNull();
    expect(earliestDueAt(results)).toBeNull();
  });
});
