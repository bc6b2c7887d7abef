import { IANAZone } from 'luxon';

import { parseLocalDate, parseWallClock } from './business-hours.js';
import { SEVERITIES, type Severity, type SlaPolicyRules } from './sla.types.js';

export interface SlaPolicyRuleViolation {
  /** Path of the offending field, e.g. `calendar.weekly[2].end`, `targets.B.resolution`. */
  field: string;
  message: string;
}

/** Largest accepted target: one million minutes (about 694 days), which keeps every due-instant search bounded. */
export const MAX_TARGET_MINUTES = 1_000_000;

/** A business-hours target must fit in this many years of the calendar's weekly opening hours. */
export const MAX_TARGET_YEARS_OF_OPENING = 10;

const TARGET_FIELDS = ['first_response', 'next_response', 'resolution'] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : (JSON.stringify(value) ?? String(value));
}

/**
 * Checks a policy's rules as they come from an API body or the database (so it does not trust the
 * static type). Returns every violation found; an empty list means the rules are usable by the clock.
 */
export function validateSlaPolicyRules(input: SlaPolicyRules): SlaPolicyRuleViolation[] {
  const violations: SlaPolicyRuleViolation[] = [];
  const fail = (field: string, message: string): void => {
    violations.push({ field, message });
  };
  const rules: unknown = input;
  if (!isRecord(rules)) {
    fail('', 'must be an object');
    return violations;
  }

  const weeklyOpenMinutes = validateCalendar(rules.calendar, fail);
  const maxTarget =
    weeklyOpenMinutes === null
      ? MAX_TARGET_MINUTES
      : Math.min(MAX_TARGET_MINUTES, weeklyOpenMinutes * 52 * MAX_TARGET_YEARS_OF_OPENING);

  if (typeof rules.pauseWhileEscalated !== 'boolean') fail('pauseWhileEscalated', 'must be a boolean');

  const warnAtPercent = rules.warnAtPercent;
  if (
    typeof warnAtPercent !== 'number' ||
    !Number.isFinite(warnAtPercent) ||
    warnAtPercent < 1 ||
    warnAtPercent > 99
  ) {
    fail('warnAtPercent', `must be a number from 1 to 99 (got ${describe(warnAtPercent)})`);
  }

  const targets = rules.targets;
  if (!isRecord(targets)) {
    fail('targets', 'must be an object with targets for severities A, B and C');
  } else {
    for (const severity of SEVERITIES) {
      const perSeverity = targets[severity];
      if (!isRecord(perSeverity)) {
        fail(`targets.${severity}`, 'must be an object with first_response, next_response? and resolution');
        continue;
      }
      for (const name of TARGET_FIELDS) {
        const value = perSeverity[name];
        if (name === 'next_response' && (value === null || value === undefined)) continue;
        if (
          typeof value !== 'number' ||
          !Number.isInteger(value) ||
          value <= 0 ||
          value > MAX_TARGET_MINUTES
        ) {
          fail(
            `targets.${severity}.${name}`,
            `must be a whole number of minutes from 1 to ${MAX_TARGET_MINUTES} (got ${describe(value)})`,
          );
        } else if (value > maxTarget) {
          fail(
            `targets.${severity}.${name}`,
            `cannot be met within ${MAX_TARGET_YEARS_OF_OPENING} years of the calendar's opening hours (max ${maxTarget})`,
          );
        }
      }
    }
  }
  const autoEscalation: unknown = rules.autoEscalation;
  if (autoEscalation !== undefined && autoEscalation !== null) {
    if (!isRecord(autoEscalation)) {
      fail('autoEscalation', 'must be an object with atPercent and severities, or null');
    } else {
      const { atPercent, severities } = autoEscalation;
      if (typeof atPercent !== 'number' || !Number.isInteger(atPercent) || atPercent < 1 || atPercent > 100) {
        fail('autoEscalation.atPercent', `must be an integer from 1 to 100 (got ${describe(atPercent)})`);
      }
      if (
        !Array.isArray(severities) ||
        severities.length === 0 ||
        severities.some((severity) => !SEVERITIES.includes(severity as Severity))
      ) {
        fail('autoEscalation.severities', 'must list one or more of A, B, C');
      }
    }
  }
  return violations;
}

/** Validates the calendar; returns the nominal weekly opening minutes of valid intervals (null: not business hours). */
function validateCalendar(calendar: unknown, fail: (field: string, message: string) => void): number | null {
  if (!isRecord(calendar)) {
    fail('calendar', "must be {type: '24x7'} or a business_hours calendar");
    return null;
  }
  if (calendar.type === '24x7') return null;
  if (calendar.type !== 'business_hours') {
    fail('calendar.type', `must be '24x7' or 'business_hours' (got ${describe(calendar.type)})`);
    return null;
  }
  let weeklyOpenMinutes: number | null = null;

  if (typeof calendar.timeZone !== 'string' || !IANAZone.isValidZone(calendar.timeZone)) {
    fail('calendar.timeZone', `must be a known IANA time zone (got ${describe(calendar.timeZone)})`);
  }

  const weekly = calendar.weekly;
  if (!Array.isArray(weekly)) {
    fail('calendar.weekly', 'must be a list of opening intervals');
  } else if (weekly.length === 0) {
    fail('calendar.weekly', 'a business-hours calendar needs at least one opening interval');
  } else {
    const accepted: Array<{ index: number; day: number; start: number; end: number }> = [];
    weekly.forEach((interval: unknown, index) => {
      const path = `calendar.weekly[${index}]`;
      if (!isRecord(interval)) {
        fail(path, 'must be {day, start, end}');
        return;
      }
      const { day } = interval;
      const dayValid = typeof day === 'number' && Number.isInteger(day) && day >= 0 && day <= 6;
      if (!dayValid)
        fail(`${path}.day`, `must be a whole number from 0 (Sunday) to 6 (got ${describe(day)})`);
      const start = parseWallClock(interval.start, false);
      if (start === null)
        fail(`${path}.start`, `must be 'HH:MM' from 00:00 to 23:59 (got ${describe(interval.start)})`);
      const end = parseWallClock(interval.end, true);
      if (end === null)
        fail(`${path}.end`, `must be 'HH:MM' from 00:01 to 24:00 (got ${describe(interval.end)})`);
      if (start !== null && end !== null && end <= start) {
        fail(`${path}.end`, `must be after start (${String(interval.start)})`);
      } else if (dayValid && start !== null && end !== null) {
        accepted.push({ index, day, start, end });
      }
    });
    if (accepted.length > 0)
      weeklyOpenMinutes = accepted.reduce((sum, { start, end }) => sum + end - start, 0);
    const byStart = [...accepted].sort((a, b) => a.day - b.day || a.start - b.start || a.index - b.index);
    // The interval reaching furthest so far on the current day: any later start before its end overlaps it.
    let reach: (typeof byStart)[number] | null = null;
    for (const current of byStart) {
      if (reach && reach.day === current.day && current.start < reach.end) {
        fail(
          `calendar.weekly[${current.index}]`,
          `overlaps calendar.weekly[${reach.index}] on day ${current.day}`,
        );
      }
      if (!reach || reach.day !== current.day || current.end > reach.end) reach = current;
    }
  }

  const holidays = calendar.holidays;
  if (!Array.isArray(holidays)) {
    fail('calendar.holidays', "must be a list of 'YYYY-MM-DD' dates");
  } else {
    holidays.forEach((holiday: unknown, index) => {
      if (parseLocalDate(holiday) === null) {
        fail(
          `calendar.holidays[${index}]`,
          `must be an existing 'YYYY-MM-DD' date (got ${describe(holiday)})`,
        );
      }
    });
  }
  return weeklyOpenMinutes;
}
