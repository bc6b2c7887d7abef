import { dueSlaEvents, movesSlaClock, slaTimelineFromCaseEvents } from './case-sla-timeline.js';
import type { SlaMetricResult } from './sla.types.js';

const at = (iso: string) => new Date(iso);

describe('slaTimelineFromCaseEvents', () => {
  it('maps the events that move a clock and ignores the others', () => {
    const timeline = slaTimelineFromCaseEvents([
      {
        type: 'opened',
        at: at('2026-11-24T08:00:05Z'),
        data: { reportedAt: '2026-11-24T07:00:00.000Z', severity: 'B' },
      },
      {
        type: 'comment_added',
        at: at('2026-11-24T08:01:00Z'),
        data: { visibility: 'internal', authorType: 'agent' },
      },
      {
        type: 'comment_added',
        at: at('2026-11-24T08:02:00Z'),
        data: { visibility: 'public', authorType: 'agent' },
      },
      {
        type: 'comment_added',
        at: at('2026-11-24T08:03:00Z'),
        data: { visibility: 'public', authorType: 'vianet' },
      },
      {
        type: 'comment_added',
        at: at('2026-11-24T08:04:00Z'),
        data: { visibility: 'public', authorType: 'customer' },
      },
      {
        type: 'updated',
        at: at('2026-11-24T08:05:00Z'),
        data: { changes: { title: { from: 'a', to: 'b' } } },
      },
      {
        type: 'triaged',
        at: at('2026-11-24T08:06:00Z'),
        data: { changes: { severity: { from: 'B', to: 'A' } } },
      },
      {
        type: 'status_changed',
        at: at('2026-11-24T08:07:00Z'),
        data: { from: 'triaged', to: 'in_progress' },
      },
      { type: 'sla_breached', at: at('2026-11-24T08:08:00Z'), data: { metric: 'first_response' } },
    ]);
    expect(timeline).toEqual([
      { type: 'opened', at: at('2026-11-24T07:00:00Z'), severity: 'B' },
      { type: 'agent_public_reply', at: at('2026-11-24T08:02:00Z') },
      { type: 'customer_public_reply', at: at('2026-11-24T08:04:00Z') },
      { type: 'severity_changed', at: at('2026-11-24T08:06:00Z'), severity: 'A' },
      { type: 'status_changed', at: at('2026-11-24T08:07:00Z'), from: 'triaged', to: 'in_progress' },
    ]);
  });
});

describe('the order of stored events', () => {
  it('is kept when a later-stored event carries an earlier time', () => {
    const timeline = slaTimelineFromCaseEvents([
      {
        type: 'opened',
        at: at('2026-11-24T08:00:00Z'),
        data: { reportedAt: '2026-11-24T08:00:00.000Z', severity: 'A' },
      },
      {
        type: 'status_changed',
        at: at('2026-11-24T09:00:00.005Z'),
        data: { from: 'new', to: 'awaiting_customer' },
      },
      {
        type: 'comment_added',
        at: at('2026-11-24T09:00:00.002Z'),
        data: { visibility: 'public', authorType: 'customer' },
      },
    ]);
    expect(timeline.map((event) => event.at)).toEqual([
      at('2026-11-24T08:00:00Z'),
      at('2026-11-24T09:00:00.005Z'),
      at('2026-11-24T09:00:00.005Z'),
    ]);
  });
});

describe('dueSlaEvents', () => {
  const result = (overrides: Partial<SlaMetricResult>): SlaMetricResult => ({
    metric: 'first_response',
    cycle: 1,
    state: 'running',
    targetMinutes: 60,
    elapsedSeconds: 0,
    dueAt: at('2026-11-24T09:00:00Z'),
    warnAt: at('2026-11-24T08:45:00Z'),
    escalateAt: null,
    breached: false,
    breachedAt: null,
    completedAt: null,
    ...overrides,
  });
  const now = at('2026-11-24T08:50:00Z');

  it('makes a warning due once its instant has passed on an unfinished metric', () => {
    expect(dueSlaEvents([result({})], now)).toEqual([
      { type: 'sla_warning', metric: 'first_response', cycle: 1, dueAt: at('2026-11-24T08:45:00Z') },
    ]);
    expect(dueSlaEvents([result({ state: 'completed', completedAt: now })], now)).toEqual([]);
    expect(dueSlaEvents([result({ warnAt: at('2026-11-24T08:55:00Z') })], now)).toEqual([]);
  });

  it('makes a breach due whenever the metric is breached, completed or not', () => {
    const breachedAt = at('2026-11-24T08:40:00Z');
    const completedLate = result({
      state: 'completed',
      breached: true,
      breachedAt,
      completedAt: now,
      cycle: 2,
    });
    expect(dueSlaEvents([completedLate], now)).toEqual([
      { type: 'sla_breached', metric: 'first_response', cycle: 2, dueAt: breachedAt },
    ]);
  });
});

describe('dueSlaEvents with an auto-escalation rule', () => {
  const now = at('2026-11-24T08:50:00Z');
  const resolution = (escalateAt: Date | null, state: SlaMetricResult['state']): SlaMetricResult => ({
    metric: 'resolution',
    cycle: 1,
    state,
    targetMinutes: 480,
    elapsedSeconds: 0,
    dueAt: at('2026-11-24T16:00:00Z'),
    warnAt: null,
    escalateAt,
    breached: false,
    breachedAt: null,
    completedAt: null,
  });

  it('makes the escalation due once its instant has passed while the clock runs', () => {
    expect(dueSlaEvents([resolution(at('2026-11-24T08:40:00Z'), 'running')], now)).toEqual([
      { type: 'sla_escalation_due', metric: 'resolution', cycle: 1, dueAt: at('2026-11-24T08:40:00Z') },
    ]);
    expect(dueSlaEvents([resolution(at('2026-11-24T09:40:00Z'), 'running')], now)).toEqual([]);
    expect(dueSlaEvents([resolution(null, 'paused')], now)).toEqual([]);
  });
});

describe('movesSlaClock', () => {
  it('is true for events that can pause, resume, complete or re-target a clock', () => {
    expect(movesSlaClock({ type: 'opened', data: {} })).toBe(true);
    expect(
      movesSlaClock({ type: 'comment_added', data: { visibility: 'public', authorType: 'agent' } }),
    ).toBe(true);
    expect(
      movesSlaClock({ type: 'status_changed', data: { from: 'in_progress', to: 'awaiting_customer' } }),
    ).toBe(true);
    expect(movesSlaClock({ type: 'status_changed', data: { from: 'resolved', to: 'in_progress' } })).toBe(
      true,
    );
    expect(movesSlaClock({ type: 'triaged', data: { changes: { severity: { from: 'C', to: 'A' } } } })).toBe(
      true,
    );
  });

  it('is false for events that change no clock', () => {
    expect(movesSlaClock({ type: 'status_changed', data: { from: 'new', to: 'triaged' } })).toBe(false);
    expect(movesSlaClock({ type: 'status_changed', data: { from: 'triaged', to: 'in_progress' } })).toBe(
      false,
    );
    expect(
      movesSlaClock({ type: 'comment_added', data: { visibility: 'internal', authorType: 'agent' } }),
    ).toBe(false);
    expect(
      movesSlaClock({ type: 'triaged', data: { changes: { category: { from: null, to: 'billing' } } } }),
    ).toBe(false);
    expect(movesSlaClock({ type: 'sla_breached', data: { metric: 'resolution' } })).toBe(false);
  });
});
