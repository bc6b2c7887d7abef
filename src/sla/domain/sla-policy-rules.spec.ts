import { validateSlaPolicyRules } from './sla-policy-rules.js';
import type { SlaPolicyRules } from './sla.types.js';

function rules(overrides: Record<string, unknown> = {}): SlaPolicyRules {
  return {
    calendar: {
      type: 'business_hours',
      timeZone: 'Asia/Shanghai',
      weekly: [
        { day: 1, start: '09:00', end: '12:00' },
        { day: 1, start: '13:30', end: '18:00' },
        { day: 6, start: '22:00', end: '24:00' },
      ],
      holidays: ['2026-10-01', '2028-02-29'],
    },
    pauseWhileEscalated: true,
    warnAtPercent: 80,
    targets: {
      A: { first_response: 60, next_response: 120, resolution: 480 },
      B: { first_response: 240, next_response: null, resolution: 2880 },
      C: { first_response: 480, resolution: 7200 },
    },
    ...overrides,
  };
}

const fields = (input: SlaPolicyRules): string[] =>
  validateSlaPolicyRules(input).map((violation) => violation.field);

describe('validateSlaPolicyRules', () => {
  it('accepts valid rules, 24x7 or business hours', () => {
    expect(validateSlaPolicyRules(rules())).toEqual([]);
    expect(validateSlaPolicyRules(rules({ calendar: { type: '24x7' } }))).toEqual([]);
  });

  it('names each bad calendar field', () => {
    const calendar = {
      type: 'business_hours',
      timeZone: 'Asia/Peking',
      weekly: [
        { day: 7, start: '09:00', end: '12:00' },
        { day: 1, start: '9:00', end: '12:00' },
        { day: 1, start: '10:00', end: '24:01' },
        { day: 2, start: '12:00', end: '12:00' },
        { day: 2, start: '24:00', end: '24:00' },
        { day: 1.5, start: '08:00', end: '09:00' },
      ],
      holidays: ['2026-02-30', '2026-1-01', '2027-02-29', 20260101],
    };
    expect(fields(rules({ calendar }))).toEqual([
      'calendar.timeZone',
      'calendar.weekly[0].day',
      'calendar.weekly[1].start',
      'calendar.weekly[2].end',
      'calendar.weekly[3].end',
      'calendar.weekly[4].start',
      'calendar.weekly[5].day',
      'calendar.holidays[0]',
      'calendar.holidays[1]',
      'calendar.holidays[2]',
      'calendar.holidays[3]',
    ]);
  });

  it('refuses overlapping intervals on the same day, accepts touching ones and other days', () => {
    const calendar = {
      type: 'business_hours',
      timeZone: 'Europe/Paris',
      weekly: [
        { day: 1, start: '08:00', end: '18:00' },
        { day: 1, start: '09:00', end: '10:00' },
        { day: 1, start: '12:00', end: '13:00' },
        { day: 1, start: '18:00', end: '20:00' },
        { day: 2, start: '09:00', end: '10:00' },
      ],
      holidays: [],
    };
    const violations = validateSlaPolicyRules(rules({ calendar }));
    expect(violations.map((violation) => violation.field)).toEqual([
      'calendar.weekly[1]',
      'calendar.weekly[2]',
    ]);
    expect(violations[1].message).toContain('calendar.weekly[0]');
  });

  it('refuses a business-hours calendar without any opening interval', () => {
    const calendar = { type: 'business_hours', timeZone: 'Europe/Paris', weekly: [], holidays: [] };
    expect(fields(rules({ calendar }))).toEqual(['calendar.weekly']);
    expect(fields(rules({ calendar: { type: 'lunar' } }))).toEqual(['calendar.type']);
  });

  it('refuses non-positive or fractional targets and a warning outside 1-99 %', () => {
    const targets = {
      A: { first_response: 0, next_response: 120, resolution: 480 },
      B: { first_response: 240, next_response: 1.5, resolution: -1 },
      C: { first_response: '480', resolution: 7200 },
    };
    expect(fields(rules({ targets, warnAtPercent: 100 }))).toEqual([
      'warnAtPercent',
      'targets.A.first_response',
      'targets.B.next_response',
      'targets.B.resolution',
      'targets.C.first_response',
    ]);
    expect(fields(rules({ warnAtPercent: 0 }))).toEqual(['warnAtPercent']);
    expect(fields(rules({ targets: { A: rules().targets.A } }))).toEqual(['targets.B', 'targets.C']);
    expect(fields(rules({ pauseWhileEscalated: 'yes' }))).toEqual(['pauseWhileEscalated']);
  });

  it('refuses a target the calendar could not meet within 10 years of its opening hours', () => {
    // One hour a week: 10 years = 60 min × 52 × 10 = 31,200 minutes at most.
    const calendar = {
      type: 'business_hours',
      timeZone: 'UTC',
      weekly: [{ day: 1, start: '09:00', end: '10:00' }],
      holidays: [],
    };
    const targets = { ...rules().targets, C: { first_response: 31_200, resolution: 31_201 } };
    expect(fields(rules({ calendar, targets }))).toEqual(['targets.C.resolution']);
  });
});
